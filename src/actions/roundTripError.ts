import type { LieGroup } from '../groups/lie/LieGroup.js';
import { fourierShift } from './fourierShift.js';
import { windowedDistance } from './windowedDistance.js';
import { imageWindow, type WindowKind } from './imageWindow.js';
import { checkStack, type ImageStack } from './imageStack.js';
import { resampleBatch, type ResampleOptions } from './resample.js';

/** The resampling error floor of one image. */
export interface RoundTripError {
  /** Largest ||W(g^-1.(g.x) - x)|| / ||W x|| over the group's testing elements. */
  readonly max: number;
  readonly mean: number;
  readonly perElement: number[];
}

/**
 * Error floor of the resampling action: for each testing element g of the group, the relative
 * windowed error of the identity round trip g^-1.(g.x) against x, which is zero for exact
 * actions and otherwise measures interpolation blur plus content lost at the border (zero
 * border). Epsilon-stabilizer radii should be chosen above `max`.
 */
export async function roundTripError(images: ImageStack, group: LieGroup, options: ResampleOptions & { window?: WindowKind; fourier?: boolean } = {}): Promise<RoundTripError[]> {
  checkStack('roundTripError', images);
  const { count: F, height: h, width: w } = images;
  const n = h * w;
  const window = imageWindow(h, w, options.window ?? (options.border === 'periodic' ? 'none' : 'disk'));
  const els = group.testingElements();
  const G = els.length;
  const errors = Array.from({ length: F }, () => new Array<number>(G).fill(0));
  for (let k = 0; k < G; k++) {
    const g = group.matrix(els[k]);
    const gi = group.matrix(group.inverse(els[k]));
    // the Fourier shift (t2 on the torus only; epsStabilizerBatch checks the pairing) or resampling
    const once = options.fourier ? fourierShift(images, [[g[2], g[5]]]) : await resampleBatch(images, [g], options);
    const next = { data: once, count: F, height: h, width: w };
    const back = options.fourier ? fourierShift(next, [[gi[2], gi[5]]]) : await resampleBatch(next, [gi], options);
    for (let f = 0; f < F; f++) errors[f][k] = windowedDistance(back.subarray(f * n, (f + 1) * n), images.data.subarray(f * n, (f + 1) * n), window);
  }
  return errors.map((e) => ({ max: Math.max(...e), mean: e.reduce((a, b) => a + b, 0) / G, perElement: e }));
}
