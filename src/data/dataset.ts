import type { ShapesTruth } from './shapes/generateShapes.js';

/**
 * ZCA whitening kept with a dataset, so that features learned on whitened data can be shown
 * un-whitened. With d = height * width and patches x (length d):
 *   whitened = matrix (x - mean),     x = inverse whitened + mean,
 *   matrix  = U diag(1 / sqrt(lambda + epsilon)) U^T,  inverse = U diag(sqrt(lambda + epsilon)) U^T,
 * where C = U diag(lambda) U^T is the covariance of the normalised patches (Bell & Sejnowski 1997;
 * epsilon as in Coates, Lee & Ng 2011). Both matrices are symmetric, d x d row-major.
 * A weight vector w learned on whitened data responds to raw patches as matrix^T w = matrix w,
 * and a whitened-space image f is shown in pixel space as inverse f.
 */
export interface Whitening {
  readonly matrix: Float32Array;
  readonly inverse: Float32Array;
  /** Per-pixel mean of the normalised patches (length d), subtracted before whitening. */
  readonly mean: Float32Array;
  readonly epsilon: number;
  /** Eigenvalues of the patch covariance, descending (length d). */
  readonly eigenvalues: Float64Array;
}

/**
 * The one shape every dataset takes: `count` samples of `height` x `width` float32 pixels in a
 * contiguous row-major buffer (sample i occupies pixels[i*h*w .. (i+1)*h*w)).
 */
export interface Dataset {
  /** The spec string the data came from (e.g. "shapes:n=16,count=2000" or "mnist"). */
  readonly spec: string;
  readonly count: number;
  readonly height: number;
  readonly width: number;
  /** Colour channels per sample (absent: 1); pixels are then count x channels x height x width. */
  readonly channels?: number;
  /** count * (channels) * height * width values. */
  readonly pixels: Float32Array;
  /** Optional class labels, one per sample. */
  readonly labels?: Int32Array;
  /** Hex SHA-256 of the pixel bytes followed by the label bytes (little-endian), recorded in run configs. */
  readonly hash: string;
  /** Natural patches with whiten=true: the whitening applied to `pixels` and its inverse. */
  readonly whitening?: Whitening;
  /** Shapes datasets: which primitives each image holds, where and at which group element. */
  readonly shapes?: ShapesTruth;
}
