import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import { RandomSource } from '../core/random.js';
import { InputRangeError, UserError } from '../core/errors.js';
import type { Whitening } from './dataset.js';
import type { NaturalOptions } from './parseDatasetSpec.js';
import { applyWhitening, fitZca } from './zca.js';

export const DEFAULT_NATURAL_OPTIONS = { patch: 12, count: 50000, whiten: false, epsilon: 0.1, seed: 0, minStd: 0.01, color: false } as const;

/** Largest patch dimension (pixels x channels) that ZCA whitening takes (its d x d eigenproblem). */
const WHITEN_MAX_DIM = 1024;

const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

/** A decoded photograph: gray values in [0, 1] (sharp's grayscale conversion, 8 bits per pixel). */
interface Photo {
  readonly file: string;
  readonly height: number;
  readonly width: number;
  readonly gray: Float32Array;
  /** With colour: R, G and B planes (3 x height x width) in [0, 1]. */
  readonly rgb?: Float32Array;
}

/** Patches cut from photographs, with the whitening when it was applied. */
export interface NaturalPatches {
  readonly count: number;
  readonly patch: number;
  readonly pixels: Float32Array;
  /** 1 (gray) or 3 (RGB; pixels are count x 3 x patch x patch). */
  readonly channels: number;
  /** The files used, in the order they were indexed. */
  readonly files: readonly string[];
  readonly whitening?: Whitening;
}

async function decode(file: string, color = false): Promise<Photo> {
  const bytes = readFileSync(file);
  const { data, info } = await sharp(bytes).removeAlpha().grayscale().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (info.channels !== 1 || data.length !== info.width * info.height) throw new Error(`decoder returned ${info.channels} channels, ${data.length} bytes`);
  const gray = new Float32Array(info.width * info.height);
  for (let i = 0; i < gray.length; i++) gray[i] = data[i] / 255;
  if (!color) return { file, height: info.height, width: info.width, gray };
  // sRGB planes; a gray photo gives three equal planes
  const c = await sharp(bytes).removeAlpha().toColorspace('srgb').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const n = info.width * info.height;
  if (c.info.width !== info.width || c.info.height !== info.height || c.data.length !== n * c.info.channels) throw new Error(`colour decoder returned ${c.info.channels} channels, ${c.data.length} bytes`);
  const rgb = new Float32Array(3 * n);
  for (let p = 0; p < n; p++) for (let k = 0; k < 3; k++) rgb[k * n + p] = c.data[p * c.info.channels + Math.min(k, c.info.channels - 1)] / 255;
  return { file, height: info.height, width: info.width, gray, rgb };
}

/**
 * Read the PNG and JPEG photographs of a folder (sorted by name; other files ignored). A file
 * that fails to decode is skipped with a warning naming it, or is an error when `strict`.
 */
export async function readPhotos(dir: string, strict: boolean, warn: (message: string) => void, color = false): Promise<Photo[]> {
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
      photos.push(await decode(file, color));
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
 * Cut `count` random gray patches (patch x patch, 8..64; with `color`, RGB patches 3 x patch x
 * patch, channel planes in R, G, B order) from the photographs in `dir`: a photo
 * uniformly at random, then a position uniformly among those where the patch fits. Each patch
 * is normalised to zero mean and unit variance (population variance over its pixels, and over
 * all three channels together for colour, so that colour contrasts survive); patches
 * whose standard deviation is below minStd (flat sky, saturated areas) are redrawn, since
 * normalising them would only amplify quantisation noise. With whiten, ZCA whitening
 * (fitZca, epsilon as given; default 0.1 as in Coates, Lee & Ng 2011) is fitted to the patches
 * and applied (patch dimension up to 1024); it is returned so features can be mapped back. Every photo must be at least as
 * large as the patch.
 */
export async function loadNaturalPatches(
  dir: string,
  options: NaturalOptions = {},
  io: { strict?: boolean; warn?: (message: string) => void } = {},
): Promise<NaturalPatches> {
  const o = { ...DEFAULT_NATURAL_OPTIONS, ...options };
  if (!Number.isInteger(o.patch) || o.patch < 8 || o.patch > 64) throw new InputRangeError(`natural: patch must be an integer in [8, 64], got ${o.patch}`);
  const channels = o.color ? 3 : 1;
  if (o.whiten && channels * o.patch * o.patch > WHITEN_MAX_DIM) throw new InputRangeError(`natural: whiten takes patches of at most ${WHITEN_MAX_DIM} values (its ${WHITEN_MAX_DIM} x ${WHITEN_MAX_DIM} eigenproblem); ${channels} x ${o.patch} x ${o.patch} is ${channels * o.patch * o.patch}`);
  if (!Number.isInteger(o.count) || o.count < 1) throw new InputRangeError(`natural: count must be a positive integer, got ${o.count}`);
  const photos = await readPhotos(dir, io.strict ?? false, io.warn ?? (() => {}), o.color);
  for (const ph of photos) {
    if (ph.height < o.patch || ph.width < o.patch) throw new InputRangeError(`${ph.file}: image is ${ph.height} x ${ph.width}, smaller than the ${o.patch} x ${o.patch} patch`);
  }
  const p = o.patch;
  const plane = p * p;
  const d = channels * plane;
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
    const src = o.color ? ph.rgb! : ph.gray;
    const area = ph.height * ph.width;
    for (let k = 0; k < channels; k++) for (let r = 0; r < p; r++) for (let c = 0; c < p; c++) mean += buf[k * plane + r * p + c] = src[k * area + (r0 + r) * ph.width + c0 + c];
    mean /= d;
    let v = 0;
    for (let k = 0; k < d; k++) v += (buf[k] - mean) ** 2;
    const std = Math.sqrt(v / d);
    if (std < o.minStd) {
      if (++rejected > maxRejected) throw new UserError(`${dir}: almost every patch is flat (std below minStd=${o.minStd}); lower minStd`);
      continue;
    }
    for (let k = 0; k < d; k++) pixels[i * d + k] = (buf[k] - mean) / std;
    i++;
  }
  const files = photos.map((ph) => ph.file);
  if (!o.whiten) return { count: o.count, patch: p, pixels, channels, files };
  const whitening = await fitZca(pixels, o.count, d, o.epsilon);
  await applyWhitening(whitening, pixels, o.count);
  return { count: o.count, patch: p, pixels, channels, files, whitening };
}
