/**
 * The action of image-plane affine maps on images by resampling, batched through the compute
 * layer: many images (F, h, w) times many group elements in one ONNX graph run.
 *
 * Convention: (g.x)(p) = x(g^-1 p), with p = (u, v) centred pixel coordinates (origin at the
 * image centre ((w-1)/2, (h-1)/2) in pixel indices, u right, v down, unit one pixel; see
 * src/groups/lie/LieGroup.ts). Hence g.(h.x) = (gh).x up to interpolation error.
 *
 * Graph: AffineGrid (align_corners=0) turns each element's inverse into a sampling grid;
 * the G grids are stacked along the height axis into one grid (1, G*h, w, 2) and the F images
 * ride in the channel axis (1, F, h, w), so a single GridSample produces (1, F, G*h, w), which
 * is (F, G, h, w) in memory: the grid is computed once per element and shared by all images.
 * Border 'zero' and 'reflect' are GridSample's zeros and reflection padding (reflection about
 * the outer pixel edges); 'periodic' (no GridSample mode) wraps the grid coordinates into
 * [0, w) x [0, h) with Floor/Mul/Sub ops and samples a copy of the image padded by 2 pixels
 * with Pad mode 'wrap', enough for the 4x4 bicubic stencil.
 */
import { InputRangeError } from '../core/errors.js';
import { GraphBuilder, compile, float32, int64, type CompiledGraph } from '../engine/index.js';
import { affineInverse } from '../groups/lie/mat3.js';
import { distanceFromSums } from './windowedDistance.js';
import { BORDER_MODES, checkStack, INTERPOLATIONS, type AffineElement, type BorderMode, type ImageStack, type Interpolation } from './imageStack.js';

/** Options of the batched resampler. */
export interface ResampleOptions {
  /** Default 'bilinear'. */
  readonly interp?: Interpolation;
  /** Default 'zero'. */
  readonly border?: BorderMode;
  /** Largest F*G*h*w of one graph run (memory bound); default 2^22 floats for resampleBatch, 2^24 for orbitDistances (whose result is small). */
  readonly maxBatchFloats?: number;
  /** ONNX Runtime intra-op threads; default all cores. */
  readonly threads?: number;
}

const PAD = 2;

/** AffineGrid thetas (G, 2, 3) for the elements: S g^-1 S^-1 with S = diag(2/w, 2/h). */
export function samplingThetas(elements: readonly AffineElement[], h: number, w: number): Float32Array {
  const theta = new Float32Array(elements.length * 6);
  elements.forEach((g, k) => {
    if (g.length !== 6 && g.length !== 9) throw new InputRangeError(`resample: element ${k} has ${g.length} entries, expected 6 (2x3) or 9 (3x3)`);
    const m = affineInverse([g[0], g[1], g[2], g[3], g[4], g[5], 0, 0, 1]);
    theta.set([m[0], (m[1] * h) / w, (2 * m[2]) / w, (m[3] * w) / h, m[4], (2 * m[5]) / h], 6 * k);
  });
  return theta;
}

const models = new Map<string, Uint8Array>();

/**
 * Build the graph: inputs x (1, F, h, w), theta (G, 2, 3), size [G, 1, h, w]; output y
 * (1, F, G*h, w); with `window`, no size input, the grid is theta times the normalised
 * coordinates of the window's support (MatMul instead of AffineGrid: the same affine map), and
 * the outputs are d2 (1, F, G) = sum_p W(p)^2 (y - x)^2 and n2 (1, F, 1) = sum_p W(p)^2 x^2.
 */
function model(h: number, w: number, interp: Interpolation, border: BorderMode, window: Float32Array | null): Uint8Array {
  const key = `${h}x${w}/${interp}/${border}/${window ? Buffer.from(window.buffer, window.byteOffset, window.byteLength).toString('base64') : ''}`;
  const hit = models.get(key);
  if (hit) return hit;
  const g = new GraphBuilder(`resample_${interp}_${border}${window ? '_dist' : ''}`);
  const x = g.input('x', 'float32', [1, 'F', h, w]);
  const theta = g.input('theta', 'float32', ['G', 2, 3]);
  // the window's support: distances only need the pixels with W > 0 (about 3/4 of the frame for
  // the disk), so the distance graph samples just those, listed as one column of the grid
  const support: number[] = [];
  if (window) window.forEach((v, p) => v > 0 && support.push(p));
  let grid: string;
  if (!window) {
    grid = g.op('AffineGrid', [theta, g.input('size', 'int64', [4])], { align_corners: 0 });
  } else {
    // normalised homogeneous coordinates (2u/w, 2v/h, 1) of the support pixels, as a (3, m) matrix
    const m = support.length;
    const coords = new Float32Array(3 * m);
    support.forEach((p, k) => {
      coords[k] = (2 * ((p % w) - (w - 1) / 2)) / w;
      coords[m + k] = (2 * (Math.floor(p / w) - (h - 1) / 2)) / h;
      coords[2 * m + k] = 1;
    });
    grid = g.op('Transpose', [g.op('MatMul', [theta, g.constant(float32(coords, [3, m]))])], { perm: [0, 2, 1] });
  }
  let src = x;
  if (border === 'periodic') {
    const sz = g.constant(float32([w, h], [2]));
    const padded = g.constant(float32([w + 2 * PAD, h + 2 * PAD], [2]));
    const half = g.constant(float32([0.5], [1]));
    const one = g.constant(float32([1], [1]));
    // pixel coordinate p = ((gn + 1) size - 1) / 2, wrapped p - size floor(p / size)
    const p = g.op('Sub', [g.op('Mul', [g.op('Mul', [g.op('Add', [grid, one]), sz]), half]), half]);
    const wrapped = g.op('Sub', [p, g.op('Mul', [sz, g.op('Floor', [g.op('Div', [p, sz])])])]);
    // into the padded image: gn' = (2 (p + PAD) + 1) / (size + 2 PAD) - 1
    const shifted = g.op('Add', [wrapped, g.constant(float32([PAD + 0.5], [1]))]);
    grid = g.op('Sub', [g.op('Div', [g.op('Add', [shifted, shifted]), padded]), one]);
    src = g.op('Pad', [x, g.constant(int64([0, 0, PAD, PAD, 0, 0, PAD, PAD], [8]))], { mode: 'wrap' });
  }
  const stacked = g.op('Reshape', [grid, g.constant(int64(window ? [1, -1, 1, 2] : [1, -1, w, 2], [4]))]);
  const y = g.op('GridSample', [src, stacked], {
    mode: interp === 'bilinear' ? 'linear' : 'cubic',
    padding_mode: border === 'reflect' ? 'reflection' : 'zeros',
    align_corners: 0,
  });
  if (!window) {
    g.output(y, 'y', 'float32', [1, 'F', 'Gh', w]);
  } else {
    const m = support.length;
    const win = g.constant(float32(Float32Array.from(support, (p) => window[p]), [m]));
    const flatY = g.op('Reshape', [y, g.constant(int64([0, 0, -1, m], [4]))]);
    const flatX = g.op('Reshape', [
      g.op('Gather', [g.op('Reshape', [x, g.constant(int64([0, 0, h * w], [3]))]), g.constant(int64(support, [m]))], { axis: 2 }),
      g.constant(int64([0, 0, 1, m], [4])),
    ]);
    const axes = g.constant(int64([3], [1]));
    const d2 = g.op('ReduceSumSquare', [g.op('Mul', [g.op('Sub', [flatY, flatX]), win]), axes], { keepdims: 0 });
    const n2 = g.op('ReduceSumSquare', [g.op('Mul', [flatX, win]), axes], { keepdims: 0 });
    g.output(d2, 'd2', 'float32', [1, 'F', 'G']);
    g.output(n2, 'n2', 'float32', [1, 'F', 1]);
  }
  const bytes = g.build();
  models.set(key, bytes);
  return bytes;
}

/** Split [0, total) into chunks of at most `size`. */
function chunks(total: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < total; s += size) out.push([s, Math.min(total, s + size)]);
  return out;
}

/** One graph run's share of the work: elements [g0, g1) on images [f0, f1), as input tensors. */
interface Batch {
  readonly g0: number;
  readonly g1: number;
  readonly f0: number;
  readonly f1: number;
  readonly x: ReturnType<typeof float32>;
  readonly theta: ReturnType<typeof float32>;
}

/** The batches of F images times the elements' thetas, each at most maxFloats of output (h*w per pair); elements outermost. */
function* batches(images: ImageStack, thetas: Float32Array, maxFloats: number): Generator<Batch> {
  const { count: F, height: h, width: w } = images;
  const n = h * w;
  const G = thetas.length / 6;
  const gc = Math.max(1, Math.min(G, Math.floor(maxFloats / n)));
  const fc = Math.max(1, Math.min(F, Math.floor(maxFloats / (gc * n))));
  for (const [g0, g1] of chunks(G, gc)) {
    const theta = float32(thetas.subarray(6 * g0, 6 * g1), [g1 - g0, 2, 3]);
    for (const [f0, f1] of chunks(F, fc)) yield { g0, g1, f0, f1, theta, x: float32(images.data.subarray(f0 * n, f1 * n), [1, f1 - f0, h, w]) };
  }
}

async function session(h: number, w: number, o: ResampleOptions, window: Float32Array | null): Promise<CompiledGraph> {
  const interp = o.interp ?? 'bilinear';
  const border = o.border ?? 'zero';
  if (!INTERPOLATIONS.includes(interp)) throw new InputRangeError(`resample: interp must be one of ${INTERPOLATIONS.join(', ')}, got "${interp}"`);
  if (!BORDER_MODES.includes(border)) throw new InputRangeError(`resample: border must be one of ${BORDER_MODES.join(', ')}, got "${border}"`);
  // resampling runs between stretches of TypeScript work (greedy nets, distances): no spinning worker
  return compile(model(h, w, interp, border, window), o.threads === undefined ? { spinning: false } : { threads: o.threads, spinning: false });
}

/**
 * Every image of the stack moved by every element: returns (F, G, h, w) float32, entry
 * [f, k] = g_k . x_f. Elements are affine matrices in centred pixel coordinates.
 */
export async function resampleBatch(images: ImageStack, elements: readonly AffineElement[], options: ResampleOptions = {}): Promise<Float32Array> {
  checkStack('resampleBatch', images);
  const { count: F, height: h, width: w } = images;
  const n = h * w;
  const G = elements.length;
  if (G === 0) return new Float32Array(0);
  let out: Float32Array | null = null;
  const s = await session(h, w, options, null);
  for (const { g0, g1, f0, f1, x, theta } of batches(images, samplingThetas(elements, h, w), options.maxBatchFloats ?? 1 << 22)) {
    const y = (await s.run({ x, theta, size: int64([g1 - g0, 1, h, w], [4]) })).y.data as Float32Array;
    // one run for all images and elements: its output is already (F, G, h, w), no copy needed
    if (g1 - g0 === G && f1 - f0 === F) return y;
    out ??= new Float32Array(F * G * n);
    const gl = g1 - g0;
    for (let f = 0; f < f1 - f0; f++) out.set(y.subarray(f * gl * n, (f + 1) * gl * n), ((f0 + f) * G + g0) * n);
  }
  return out ?? new Float32Array(0);
}

/**
 * Windowed relative distances ||W (g_k.x_f - x_f)|| / ||W x_f|| (windowedDistance) for every
 * image and element, the sums of squares reduced inside the graph so only (F, G) comes back.
 * `window` has h*w weights (see imageWindow). An image with ||W x|| = 0 gets distance 0.
 */
export async function orbitDistances(images: ImageStack, elements: readonly AffineElement[], window: Float32Array, options: ResampleOptions = {}): Promise<Float64Array> {
  checkStack('orbitDistances', images);
  const { count: F, height: h, width: w } = images;
  const n = h * w;
  if (window.length !== n) throw new InputRangeError(`orbitDistances: window has ${window.length} weights, expected ${n}`);
  const G = elements.length;
  const out = new Float64Array(F * G);
  if (G === 0) return out;
  const s = await session(h, w, options, window);
  for (const { g0, g1, f0, f1, x, theta } of batches(images, samplingThetas(elements, h, w), options.maxBatchFloats ?? 1 << 24)) {
    const r = await s.run({ x, theta });
    const d2 = r.d2.data as Float32Array;
    const n2 = r.n2.data as Float32Array;
    const gl = g1 - g0;
    for (let f = 0; f < f1 - f0; f++) for (let k = 0; k < gl; k++) out[(f0 + f) * G + g0 + k] = distanceFromSums(d2[f * gl + k], n2[f]);
  }
  return out;
}
