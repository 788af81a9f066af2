import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import { RandomSource } from '../core/random.js';
import { InputRangeError, UserError } from '../core/errors.js';
import type { Whitening } from './dataset.js';
import type { NaturalOptions } from './parseDatasetSpec.js';
import { applyWhitening, fitZca } from './zca.js';

export const DEFAULT_NATURAL_OPTIONS = { patch: 12, count: 50000, whiten: false, epsilon: 0.1, seed: 0, minStd: 0.01 } as const;

const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

/** A decoded photograph: gray values in [0, 1] (sharp's grayscale conversion, 8 bits per pixel). */
interface Photo {
  readonly file: string;
  readonly height: number;
  readonly width: number;
  readonly gray: Float32Array;
}

/** Patches cut from photographs, with the whitening when it was applied. */
export interface NaturalPatches {
  readonly count: number;
  readonly patch: number;
  readonly pixels: Float32Array;
  /** The files used, in the order they were indexed. */
  readonly files: readonly string[];
  readonly whitening?: Whitening;
}

async function decode(file: string): Promise<Photo> {
  const { data, info } = await sharp(readFileSync(file)).removeAlpha().grayscale().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (info.channels !== 1 || data.length !== info.width * info.height) throw new Error(`decoder returned ${info.channels} channels, ${data.length} bytes`);
  const gray = new Float32Array(info.width * info.height);
  for (let i = 0; i < gray.length; i++) gray[i] = data[i] / 255;
  return { file, height: info.height, width: info.width, gray };
}

/**
 * Read the PNG and JPEG photographs of a folder (sorted by name; other files ignored). A file
 * that fails to decode is skipped with a warning naming it, or is an error when `strict`.
 */
export async function readPhotos(dir: string, strict: boolean, warn: (message: string) => void): Promise<Photo[]> {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UserError(`${dir}: not a folder`);
    names = readdirSync(dir).sort();
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${dir}: cannot read folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const files = names.filter((f) => IMAGE_EXTENSIONS.includes(extname(f).toLowerCase())).map((f) => join(dir, f));
  if (files.length === 0) throw new UserError(`${dir}: no PNG or JPEG images in the folder`);
  const photos: Photo[] = [];
  for (const file of files) {
    try {
      photos.push(await decode(file));
    } catch (e) {
      const message = `${file}: cannot decode image (${(e as Error).message})`;
      if (strict) throw new UserError(message);
      warn(`skipping ${message}`);
    }
  }
  if (photos.length === 0) throw new UserError(`${dir}: none of the ${files.length} image file(s) could be decoded`);
  return photos;
}

/**
 * Cut `count` random gray patches (patch x patch, 8..16) from the photographs in `dir`: a photo
 * uniformly at random, then a position uniformly among those where the patch fits. Each patch
 * is normalised to zero mean and unit variance (population variance over its pixels); patches
 * whose gray standard deviation is below minStd (flat sky, saturated areas) are redrawn, since
 * normalising them would only amplify quantisation noise. With whiten, ZCA whitening
 * (fitZca, epsilon as given; default 0.1 as in Coates, Lee & Ng 2011) is fitted to the patches
 * and applied; it is returned so features can be mapped back. Every photo must be at least as
 * large as the patch.
 */
export async function loadNaturalPatches(
  dir: string,
  options: NaturalOptions = {},
  io: { strict?: boolean; warn?: (message: string) => void } = {},
): Promise<NaturalPatches> {
  const o = { ...DEFAULT_NATURAL_OPTIONS, ...options };
  if (!Number.isInteger(o.patch) || o.patch < 8 || o.patch > 16) throw new InputRangeError(`natural: patch must be an integer in [8, 16], got ${o.patch}`);
  if (!Number.isInteger(o.count) || o.count < 1) throw new InputRangeError(`natural: count must be a positive integer, got ${o.count}`);
  const photos = await readPhotos(dir, io.strict ?? false, io.warn ?? (() => {}));
  for (const ph of photos) {
    if (ph.height < o.patch || ph.width < o.patch) throw new InputRangeError(`${ph.file}: image is ${ph.height} x ${ph.width}, smaller than the ${o.patch} x ${o.patch} patch`);
  }
  const p = o.patch;
  const d = p * p;
  const pixels = new Float32Array(o.count * d);
  const rng = RandomSource.fromSeed(o.seed);
  const buf = new Float64Array(d);
  let rejected = 0;
  const maxRejected = 100 * o.count + 1000;
  for (let i = 0; i < o.count; ) {
    const ph = photos[rng.int(photos.length)];
    const r0 = rng.int(ph.height - p + 1);
    const c0 = rng.int(ph.width - p + 1);
    let mean = 0;
    for (let r = 0; r < p; r++) for (let c = 0; c < p; c++) mean += buf[r * p + c] = ph.gray[(r0 + r) * ph.width + c0 + c];
    mean /= d;
    let v = 0;
    for (let k = 0; k < d; k++) v += (buf[k] - mean) ** 2;
    const std = Math.sqrt(v / d);
    if (std < o.minStd) {
      if (++rejected > maxRejected) throw new UserError(`${dir}: almost every patch is flat (gray std below minStd=${o.minStd}); lower minStd`);
      continue;
    }
    for (let k = 0; k < d; k++) pixels[i * d + k] = (buf[k] - mean) / std;
    i++;
  }
  const files = photos.map((ph) => ph.file);
  if (!o.whiten) return { count: o.count, patch: p, pixels, files };
  const whitening = await fitZca(pixels, o.count, d, o.epsilon);
  await applyWhitening(whitening, pixels, o.count);
  return { count: o.count, patch: p, pixels, files, whitening };
}
