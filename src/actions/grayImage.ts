/** One gray image: height x width float32 pixels, row-major (what the actions take one at a time). */
export interface GrayImage {
  readonly height: number;
  readonly width: number;
  readonly pixels: Float32Array;
}
