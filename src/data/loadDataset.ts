import { isAbsolute, resolve } from 'node:path';
import type { Dataset } from './dataset.js';
import { datasetHash } from './datasetHash.js';
import { parseDatasetSpec } from './parseDatasetSpec.js';
import { generateShapes } from './shapes/generateShapes.js';
import { loadMnistDigits, MNIST_SIDE } from './mnist.js';
import { readIdxImages } from './idx.js';
import { loadNaturalPatches } from './natural.js';
import { readNpyImages } from './npyImages.js';

/** How loadDataset treats files. */
export interface LoadDatasetOptions {
  /** Folder that relative paths in the spec resolve against (default process.cwd()). */
  readonly cwd?: string;
  /** Fail on a corrupt image in a natural-image folder instead of skipping it (default false). */
  readonly strict?: boolean;
  /** Receives warnings (skipped files); default: ignored. */
  readonly warn?: (message: string) => void;
}

function dataset(spec: string, count: number, height: number, width: number, pixels: Float32Array, extra: Partial<Dataset> = {}): Dataset {
  return { spec, count, height, width, pixels, ...extra, hash: datasetHash(pixels, extra.labels) };
}

/**
 * Load a dataset from its spec (see parseDatasetSpec): `shapes[:...]`, `mnist[:count=N]`,
 * `idx:IMAGES[,LABELS]`, `natural:DIR[,...]`, `npy:FILE[,height=H,width=W]`. Bad specs and bad
 * files throw a UserError naming the key or the file and the problem.
 */
export async function loadDataset(spec: string, options: LoadDatasetOptions = {}): Promise<Dataset> {
  const parsed = parseDatasetSpec(spec);
  const path = (p: string) => (isAbsolute(p) ? p : resolve(options.cwd ?? process.cwd(), p));
  switch (parsed.kind) {
    case 'shapes': {
      const world = generateShapes(parsed.options);
      const n = world.truth.n;
      return dataset(spec, world.truth.scenes.length, n, n, world.pixels, { shapes: world.truth });
    }
    case 'mnist': {
      const m = loadMnistDigits(parsed.options.count);
      return dataset(spec, m.count, MNIST_SIDE, MNIST_SIDE, m.pixels, { labels: m.labels });
    }
    case 'idx': {
      const r = readIdxImages(path(parsed.images), parsed.labels === undefined ? undefined : path(parsed.labels));
      const count = Math.min(r.count, parsed.options.count ?? r.count);
      const size = r.height * r.width;
      const pixels = count === r.count ? r.pixels : r.pixels.slice(0, count * size);
      const labels = r.labels && count !== r.count ? r.labels.slice(0, count) : r.labels;
      return dataset(spec, count, r.height, r.width, pixels, labels ? { labels } : {});
    }
    case 'natural': {
      const r = await loadNaturalPatches(path(parsed.dir), parsed.options, { strict: options.strict, warn: options.warn });
      return dataset(spec, r.count, r.patch, r.patch, r.pixels, { ...(r.whitening ? { whitening: r.whitening } : {}), ...(r.channels > 1 ? { channels: r.channels } : {}) });
    }
    case 'npy': {
      const r = readNpyImages(path(parsed.file), parsed.options);
      return dataset(spec, r.count, r.height, r.width, r.pixels, r.channels > 1 ? { channels: r.channels } : {});
    }
  }
}
