import { PNG } from 'pngjs';
import { InputRangeError } from '../core/errors.js';
import { checkInteger } from '../core/validate.js';
import { viridis, type Rgb } from './colorScale.js';

/** How imageGridPng lays out and colours a grid of gray tiles. */
export interface ImageGridOptions {
  /** Tiles per row (default ceil(sqrt(count))). */
  readonly columns?: number;
  /** Integer magnification of every pixel (default 4). */
  readonly zoom?: number;
  /**
   * Gray mapping: 'tile' maps each tile's own [min, max] to black..white (default); 'shared' maps
   * the [min, max] over all tiles; 'symmetric' maps [-m, m] with m = max |value| over all tiles
   * (0 is mid-gray, for signed features); or a fixed range { min, max }.
   */
  readonly range?: 'tile' | 'shared' | 'symmetric' | { readonly min: number; readonly max: number };
  /** Colour of the 1-px separators between tiles and around the grid (default [128, 128, 128]). */
  readonly separator?: Rgb;
  /**
   * Optional per-tile border (inside the separators), coloured by value on a colour scale:
   * values[i] for tile i, mapped from [min, max] (default: the range of the values) onto the
   * scale (default viridis). Width in output pixels (default 2).
   */
  readonly border?: {
    readonly values: ArrayLike<number>;
    readonly min?: number;
    readonly max?: number;
    readonly width?: number;
    readonly scale?: (t: number) => Rgb;
  };
}

function rangeOf(a: Float32Array, from: number, to: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = from; i < to; i++) {
    const v = a[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/**
 * PNG bytes of a grid of `count` gray images of h x w (row-major, image i at
 * images[i*h*w ..]), each scaled up by an integer zoom, separated by 1-px lines, optionally with
 * a coloured border per tile. Constant tiles (max = min) are drawn mid-gray. Used for dataset
 * previews and learned-feature grids.
 */
export function imageGridPng(images: Float32Array, count: number, h: number, w: number, options: ImageGridOptions = {}): Buffer {
  checkInteger('imageGridPng', 'count', count, 1);
  checkInteger('imageGridPng', 'h', h, 1);
  checkInteger('imageGridPng', 'w', w, 1);
  if (images.length < count * h * w) throw new InputRangeError(`imageGridPng: ${images.length} values for ${count} images of ${h} x ${w}`);
  for (let i = 0; i < count * h * w; i++) if (!Number.isFinite(images[i])) throw new InputRangeError(`imageGridPng: non-finite value at image ${Math.floor(i / (h * w))}, pixel ${i % (h * w)}`);
  const columns = options.columns ?? Math.ceil(Math.sqrt(count));
  const zoom = options.zoom ?? 4;
  checkInteger('imageGridPng', 'columns', columns, 1);
  checkInteger('imageGridPng', 'zoom', zoom, 1, 256);
  const border = options.border;
  const bw = border ? (border.width ?? 2) : 0;
  if (border) {
    checkInteger('imageGridPng', 'border.width', bw, 1, 64);
    if (border.values.length < count) throw new InputRangeError(`imageGridPng: ${border.values.length} border values for ${count} tiles`);
  }
  const rows = Math.ceil(count / columns);
  const cellW = w * zoom + 2 * bw;
  const cellH = h * zoom + 2 * bw;
  const width = columns * (cellW + 1) + 1;
  const height = rows * (cellH + 1) + 1;
  const png = new PNG({ width, height });
  const sep = options.separator ?? [128, 128, 128];
  const put = (x: number, y: number, c: Rgb) => {
    const o = 4 * (y * width + x);
    png.data[o] = c[0];
    png.data[o + 1] = c[1];
    png.data[o + 2] = c[2];
    png.data[o + 3] = 255;
  };
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) put(x, y, sep);

  const range = options.range ?? 'tile';
  let shared: [number, number] | null = null;
  if (range === 'shared') shared = rangeOf(images, 0, count * h * w);
  else if (range === 'symmetric') {
    const [lo, hi] = rangeOf(images, 0, count * h * w);
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    shared = [-m, m];
  } else if (typeof range === 'object') {
    if (!(range.max > range.min)) throw new InputRangeError(`imageGridPng: range.max (${range.max}) must exceed range.min (${range.min})`);
    shared = [range.min, range.max];
  }
  let bLo = 0;
  let bHi = 1;
  if (border) {
    const vs = Array.from({ length: count }, (_, i) => border.values[i]).filter(Number.isFinite);
    bLo = border.min ?? Math.min(...vs);
    bHi = border.max ?? Math.max(...vs);
  }
  const scale = border?.scale ?? viridis;

  for (let i = 0; i < count; i++) {
    const x0 = (i % columns) * (cellW + 1) + 1;
    const y0 = Math.floor(i / columns) * (cellH + 1) + 1;
    const [lo, hi] = shared ?? rangeOf(images, i * h * w, (i + 1) * h * w);
    if (border) {
      const v = border.values[i];
      const c = scale(bHi > bLo ? (v - bLo) / (bHi - bLo) : 0.5);
      for (let y = 0; y < cellH; y++) for (let x = 0; x < cellW; x++) put(x0 + x, y0 + y, c);
    }
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const v = images[i * h * w + r * w + c];
        const g = hi > lo ? Math.round((255 * (Math.min(hi, Math.max(lo, v)) - lo)) / (hi - lo)) : 128;
        const gray: Rgb = [g, g, g];
        for (let dy = 0; dy < zoom; dy++) for (let dx = 0; dx < zoom; dx++) put(x0 + bw + c * zoom + dx, y0 + bw + r * zoom + dy, gray);
      }
    }
  }
  return PNG.sync.write(png);
}
