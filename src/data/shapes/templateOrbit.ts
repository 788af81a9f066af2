import { InputRangeError } from '../../core/errors.js';
import type { P4mElement } from '../../groups/perm/p4mElement.js';
import { applyP4m } from './applyP4m.js';

/** The distinct images g.x of one template over p4m, each with one element that produces it. */
export interface TemplateOrbit {
  readonly n: number;
  /** Number of distinct images (the p4m orbit size). */
  readonly size: number;
  /** size x n x n, row-major: image k at pixels[k*n*n ..]. */
  readonly pixels: Float32Array;
  /** elements[k] . template = image k (the first element found, in rotation, mirror, shift order). */
  readonly elements: readonly P4mElement[];
}

/**
 * Every distinct image of an n x n template under p4m (all 8 n^2 elements, enumerated), for
 * matching learned features against a primitive's orbit. Exact equality of float32 values
 * decides "distinct", so use it on binary templates or on renderings that are exactly symmetric.
 * Cost: 8 n^2 images of n^2 pixels (n = 16: 2048 images, well under a second).
 */
export function templateOrbit(n: number, template: Float32Array): TemplateOrbit {
  if (template.length !== n * n) throw new InputRangeError(`templateOrbit: template has ${template.length} pixels, expected ${n * n}`);
  const seen = new Map<string, number>();
  const images: Float32Array[] = [];
  const elements: P4mElement[] = [];
  for (let rotation = 0; rotation < 4; rotation++) {
    for (const mirror of [false, true]) {
      for (let a = 0; a < n; a++) {
        for (let b = 0; b < n; b++) {
          const g: P4mElement = { rotation, mirror, shift: [a, b] };
          const y = applyP4m(n, g, template);
          const key = Buffer.from(y.buffer).toString('base64');
          if (seen.has(key)) continue;
          seen.set(key, images.length);
          images.push(y);
          elements.push(g);
        }
      }
    }
  }
  const pixels = new Float32Array(images.length * n * n);
  images.forEach((y, k) => pixels.set(y, k * n * n));
  return { n, size: images.length, pixels, elements };
}
