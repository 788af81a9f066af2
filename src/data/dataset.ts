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
  /** count * height * width values. */
  readonly pixels: Float32Array;
  /** Optional class labels, one per sample. */
  readonly labels?: Int32Array;
  /** Hex SHA-256 of the pixels (and labels), recorded in run configs. */
  readonly hash: string;
}
