import { RandomSource } from '../../core/random.js';
import { checkInteger } from '../../core/validate.js';
import { InputRangeError } from '../../core/errors.js';
import { p4mPoint, type P4mElement } from '../../groups/perm/p4mElement.js';
import { applyP4m } from './applyP4m.js';
import { BINARY_PRIMITIVES, MIN_SHAPES_N, primitiveTemplates, type BinaryPrimitive, type PrimitiveTemplate } from './primitives.js';
import { CONTINUOUS_PRIMITIVES, renderContinuous, type ContinuousPose, type ContinuousPrimitive } from './continuous.js';
import { DECORRELATED_N, DECORRELATED_PRIMITIVES, decorrelatedTemplates, type DecorrelatedPrimitive } from './decorrelated.js';
import { balancedDeck, drawGl2Scene, gl2DesignEnergy, GL2_N, GL2_PRIMITIVES, type Gl2Placement } from './segmentsFlowers.js';

/** One primitive placed in a binary image at a p4m element: image = max over placements of element.template. */
export interface P4mPlacement<P extends string = string> {
  readonly primitive: P;
  readonly element: P4mElement;
  /** g(anchor): where the template's anchor pixel landed, [row, col]. */
  readonly position: readonly [number, number];
}
export type BinaryPlacement = P4mPlacement<BinaryPrimitive>;
export type DecorrelatedPlacement = P4mPlacement<DecorrelatedPrimitive>;

/** What the binary renderer needs of a template. */
interface P4mTemplate<P extends string> {
  readonly name: P;
  readonly n: number;
  readonly pixels: Float32Array;
  readonly anchor: readonly [number, number];
}

/** One primitive placed in a continuous image at an SE(2) pose. */
export interface ContinuousPlacement {
  readonly primitive: ContinuousPrimitive;
  readonly pose: ContinuousPose;
}

/**
 * Ground truth of a shapes dataset: one list of placements per image (scenes[i] for image i).
 * Binary: image i = max_j scenes[i][j].element . template(scenes[i][j].primitive), then noise.
 * Continuous: image i = max_j renderContinuous(primitive, pose), then noise.
 */
export type ShapesTruth = (
  | { readonly variant: 'binary'; readonly scenes: readonly (readonly BinaryPlacement[])[] }
  | { readonly variant: 'continuous'; readonly scenes: readonly (readonly ContinuousPlacement[])[] }
  | { readonly variant: 'decorrelated'; readonly scenes: readonly (readonly DecorrelatedPlacement[])[] }
  | { readonly variant: 'gl2'; readonly scenes: readonly (readonly Gl2Placement[])[] }
) & {
  readonly n: number;
  readonly noise: number;
  /** The relative frequency each primitive was drawn with (name -> weight; every primitive of the variant). */
  readonly weights: Readonly<Record<string, number>>;
};

/**
 * 'binary' and 'continuous': the original worlds; 'decorrelated': binary primitives of equal
 * pixel count and energy whose p4m orbit sizes are decorrelated from pixel count, energy,
 * frequency per orbit element and variance explained (decorrelated.ts, issue 14); 'gl2':
 * anti-aliased segments and flowers under random affine maps at equal energy and frequency
 * (segmentsFlowers.ts, the paper's example of small and large orbits under GL(2)).
 */
export type ShapesVariant = 'binary' | 'continuous' | 'decorrelated' | 'gl2';

/** Options of the shapes world; every field has a default (see DEFAULT_SHAPES_OPTIONS). */
export interface ShapesOptions {
  /** Torus side in pixels (default 16; the decorrelated variant needs it even, 8..32). */
  readonly n?: number;
  /** Number of images (default 20000). */
  readonly count?: number;
  /** Seed of the RandomSource (default 0). */
  readonly seed?: number;
  /** 'binary' (exact 0/1, p4m placements) or 'continuous' (anti-aliased, SE(2) placements). */
  readonly variant?: ShapesVariant;
  /**
   * Relative frequencies of the primitives (name -> weight >= 0); primitives left out are not
   * drawn. Default: every primitive of the variant with weight 1; in the decorrelated variant
   * weight = p4m orbit size, so that every orbit element is drawn equally often.
   */
  readonly primitives?: Readonly<Record<string, number>>;
  /** Primitives per image, drawn uniformly in [minPrimitives, maxPrimitives] (default 1..3; the gl2 variant 1..1). */
  readonly minPrimitives?: number;
  readonly maxPrimitives?: number;
  /**
   * Noise level. Binary: each pixel is flipped with this probability (values stay exactly 0/1).
   * Continuous: additive Gaussian noise with this standard deviation. Default 0.
   */
  readonly noise?: number;
}

export const DEFAULT_SHAPES_OPTIONS = { n: 16, count: 20000, seed: 0, variant: 'binary', minPrimitives: 1, maxPrimitives: 3, noise: 0 } as const;

/** The generated images (count x n x n, row-major) and their ground truth. */
export interface ShapesWorld {
  readonly pixels: Float32Array;
  readonly truth: ShapesTruth;
}

function weightsFor(names: readonly string[], given: Readonly<Record<string, number>> | undefined, variant: ShapesVariant, byDefault: readonly number[]): number[] {
  if (!given) return [...byDefault];
  for (const [k, w] of Object.entries(given)) {
    if (!names.includes(k)) throw new InputRangeError(`shapes: unknown ${variant} primitive "${k}"; expected one of ${names.join(', ')}`);
    if (!Number.isFinite(w) || w < 0) throw new InputRangeError(`shapes: weight of primitive "${k}" must be a finite number >= 0, got ${w}`);
  }
  const ws = names.map((k) => given[k] ?? 0);
  if (!ws.some((w) => w > 0)) throw new InputRangeError('shapes: at least one primitive needs a positive weight');
  return ws;
}

function pick(rng: RandomSource, weights: readonly number[], total: number): number {
  let u = rng.float() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0 && weights[i] > 0) return i;
  }
  // rounding at the top end: the last primitive with positive weight
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return 0;
}

/** Image of one binary scene without noise: max over placements of g.template (n x n). */
export function renderBinaryScene(n: number, scene: readonly P4mPlacement[], templates: readonly P4mTemplate<string>[], out: Float32Array = new Float32Array(n * n)): Float32Array {
  const moved = new Float32Array(n * n);
  for (const pl of scene) {
    const t = templates.find((x) => x.name === pl.primitive);
    if (!t || t.n !== n) throw new InputRangeError(`renderBinaryScene: no template for "${pl.primitive}" on a ${n} x ${n} torus`);
    applyP4m(n, pl.element, t.pixels, moved);
    for (let p = 0; p < n * n; p++) if (moved[p] > out[p]) out[p] = moved[p];
  }
  return out;
}

/** Image of one continuous scene without noise (n x n). */
export function renderContinuousScene(n: number, scene: readonly ContinuousPlacement[], out = new Float32Array(n * n)): Float32Array {
  for (const pl of scene) renderContinuous(pl.primitive, pl.pose, n, out);
  return out;
}

/**
 * Generate the shapes world: `count` images on an n x n torus, each the pixelwise max of 1 to 3
 * primitives at uniformly random group elements (binary: uniform over the 8 n^2 elements of p4m;
 * continuous: uniform centre on the torus and uniform angle in [0, 2 pi)), then noise.
 * Image i draws from RandomSource.fromSeed(seed).fork(0) in order, so the same options give the
 * same bytes.
 */
export function generateShapes(options: ShapesOptions = {}): ShapesWorld {
  // one primitive per image in the gl2 world unless asked: each image then holds one orbit element at the design energy
  const o = { ...DEFAULT_SHAPES_OPTIONS, ...(options.variant === 'gl2' ? { maxPrimitives: options.minPrimitives ?? 1 } : {}), ...options };
  checkInteger('shapes', 'n', o.n, MIN_SHAPES_N, 256);
  checkInteger('shapes', 'count', o.count, 1, 10_000_000);
  checkInteger('shapes', 'seed', o.seed);
  checkInteger('shapes', 'minPrimitives', o.minPrimitives, 1, 16);
  checkInteger('shapes', 'maxPrimitives', o.maxPrimitives, o.minPrimitives, 16);
  if (!['binary', 'continuous', 'decorrelated', 'gl2'].includes(o.variant)) throw new InputRangeError(`shapes: variant must be "binary", "continuous", "decorrelated" or "gl2", got "${o.variant as string}"`);
  if (o.variant === 'gl2' && (o.n < GL2_N.min || o.n > GL2_N.max)) throw new InputRangeError(`shapes: the gl2 variant needs n in [${GL2_N.min}, ${GL2_N.max}], got ${o.n}`);
  if (o.variant === 'decorrelated' && (o.n % 2 !== 0 || o.n < DECORRELATED_N.min || o.n > DECORRELATED_N.max)) {
    throw new InputRangeError(`shapes: the decorrelated variant needs an even n in [${DECORRELATED_N.min}, ${DECORRELATED_N.max}], got ${o.n}`);
  }
  const binaryNoise = o.variant === 'binary' || o.variant === 'decorrelated';
  if (!Number.isFinite(o.noise) || o.noise < 0 || (binaryNoise && o.noise > 1)) {
    throw new InputRangeError(`shapes: noise must be ${binaryNoise ? 'a flip probability in [0, 1]' : 'a standard deviation >= 0'}, got ${o.noise}`);
  }
  const { n, count } = o;
  const names: readonly string[] = primitiveNames(o.variant);
  const binaryTemplates: readonly PrimitiveTemplate[] = o.variant === 'binary' ? primitiveTemplates(n) : [];
  const decorrelated = o.variant === 'decorrelated' ? decorrelatedTemplates(n) : [];
  // the decorrelated world draws each primitive in proportion to its orbit size (8 n^2 / |S|)
  const byDefault = o.variant === 'decorrelated' ? decorrelated.map((t) => (8 * n * n) / t.designStabilizer) : names.map(() => 1);
  const weights = weightsFor(names, o.primitives, o.variant, byDefault);
  const total = weights.reduce((a, b) => a + b, 0);
  const rng = RandomSource.fromSeed(o.seed).fork(0);
  const noise = RandomSource.fromSeed(o.seed).fork(1);
  const pixels = new Float32Array(count * n * n);
  const binaryScenes: BinaryPlacement[][] = [];
  const decorrelatedScenes: DecorrelatedPlacement[][] = [];
  const continuousScenes: ContinuousPlacement[][] = [];
  const gl2Scenes: Gl2Placement[][] = [];
  const energy = o.variant === 'gl2' ? gl2DesignEnergy(n) : 0;
  // the gl2 world with its default (equal) weights draws from balanced decks: exactly equal frequencies
  const draw = o.variant === 'gl2' && !options.primitives ? balancedDeck(rng.fork(2), names.length) : () => pick(rng, weights, total);
  for (let i = 0; i < count; i++) {
    const k = o.minPrimitives + rng.int(o.maxPrimitives - o.minPrimitives + 1);
    const img = pixels.subarray(i * n * n, (i + 1) * n * n);
    if (o.variant === 'gl2') {
      gl2Scenes.push(drawGl2Scene(rng, n, k, draw, energy, img));
      if (o.noise > 0) for (let p = 0; p < n * n; p++) img[p] += o.noise * noise.normal();
    } else if (o.variant !== 'continuous') {
      const flip = () => {
        if (o.noise > 0) for (let p = 0; p < n * n; p++) if (noise.float() < o.noise) img[p] = 1 - img[p];
      };
      if (o.variant === 'binary') {
        binaryScenes.push(drawP4mScene(rng, n, k, weights, total, binaryTemplates, img));
      } else {
        decorrelatedScenes.push(drawP4mScene(rng, n, k, weights, total, decorrelated, img));
      }
      flip();
    } else {
      const scene: ContinuousPlacement[] = [];
      for (let j = 0; j < k; j++) {
        const idx = pick(rng, weights, total);
        scene.push({ primitive: CONTINUOUS_PRIMITIVES[idx], pose: { center: [rng.float() * n, rng.float() * n], angle: rng.float() * 2 * Math.PI } });
      }
      renderContinuousScene(n, scene, img);
      if (o.noise > 0) for (let p = 0; p < n * n; p++) img[p] += o.noise * noise.normal();
      continuousScenes.push(scene);
    }
  }
  const common = { n, noise: o.noise, weights: Object.fromEntries(names.map((k, i) => [k, weights[i]])) };
  const truth: ShapesTruth =
    o.variant === 'binary'
      ? { variant: 'binary', ...common, scenes: binaryScenes }
      : o.variant === 'decorrelated'
        ? { variant: 'decorrelated', ...common, scenes: decorrelatedScenes }
        : o.variant === 'gl2'
          ? { variant: 'gl2', ...common, scenes: gl2Scenes }
          : { variant: 'continuous', ...common, scenes: continuousScenes };
  return { pixels, truth };
}

/** The primitive names of a variant, in catalogue order. */
export function primitiveNames(variant: ShapesVariant): readonly string[] {
  return variant === 'binary' ? BINARY_PRIMITIVES : variant === 'decorrelated' ? DECORRELATED_PRIMITIVES : variant === 'gl2' ? GL2_PRIMITIVES : CONTINUOUS_PRIMITIVES;
}

/** k placements at uniform p4m elements, primitives drawn by weight, rendered into img. */
function drawP4mScene<P extends string>(rng: RandomSource, n: number, k: number, weights: readonly number[], total: number, templates: readonly P4mTemplate<P>[], img: Float32Array): P4mPlacement<P>[] {
  const scene: P4mPlacement<P>[] = [];
  for (let j = 0; j < k; j++) {
    const t = templates[pick(rng, weights, total)];
    const element: P4mElement = { rotation: rng.int(4), mirror: rng.int(2) === 1, shift: [rng.int(n), rng.int(n)] };
    scene.push({ primitive: t.name, element, position: p4mPoint(n, element, t.anchor[0], t.anchor[1]) });
  }
  renderBinaryScene(n, scene, templates, img);
  return scene;
}

/** How many placements of each primitive the truth holds (every primitive of the variant listed). */
export function primitiveCounts(truth: ShapesTruth): Record<string, number> {
  const names = primitiveNames(truth.variant);
  const counts: Record<string, number> = Object.fromEntries(names.map((k) => [k, 0]));
  for (const scene of truth.scenes) for (const pl of scene) counts[pl.primitive]++;
  return counts;
}
