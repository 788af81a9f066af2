import { InputRangeError } from '../core/index.js';
import { maxAbs } from '../core/linalg/maxAbs.js';
import { checkFeatureImage } from './featureImage.js';

/** Options of `connectedComponents`. */
export interface ComponentOptions {
  /** Pixels with |x| > threshold * max|x| are foreground (default 0.5). */
  readonly threshold?: number;
  /** 4 (edge neighbours) or 8 (edge and corner neighbours; default, so diagonal strokes are one piece). */
  readonly connectivity?: 4 | 8;
  /** Neighbours wrap around the torus (default false). */
  readonly periodic?: boolean;
}

/**
 * Number of connected components of the thresholded feature {p : |x_p| > t max|x|} (default
 * t = 0.5, 8-connectivity, free boundary). The zero image has 0 components; a constant nonzero
 * image has 1. Breadth-first labelling, O(hw).
 */
export function connectedComponents(pixels: ArrayLike<number>, h: number, w: number, options: ComponentOptions = {}): number {
  checkFeatureImage('connectedComponents', pixels, h, w);
  const t = options.threshold ?? 0.5;
  const eight = (options.connectivity ?? 8) === 8;
  const periodic = options.periodic ?? false;
  if (!(t >= 0 && t <= 1)) throw new InputRangeError(`connectedComponents: threshold must be in [0, 1], got ${t}`);
  if (options.connectivity !== undefined && options.connectivity !== 4 && options.connectivity !== 8) {
    throw new InputRangeError(`connectedComponents: connectivity must be 4 or 8, got ${options.connectivity}`);
  }
  const cut = t * maxAbs(pixels);
  const n = h * w;
  const todo = new Uint8Array(n); // 1 = foreground not yet labelled
  for (let p = 0; p < n; p++) if (Math.abs(pixels[p]) > cut) todo[p] = 1;
  const steps = eight
    ? [[-1, -1], [-1, 0], [-1, 1], [0, -1], [0, 1], [1, -1], [1, 0], [1, 1]]
    : [[-1, 0], [0, -1], [0, 1], [1, 0]];
  const queue = new Int32Array(n);
  let count = 0;
  for (let start = 0; start < n; start++) {
    if (!todo[start]) continue;
    count++;
    todo[start] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    while (head < tail) {
      const p = queue[head++];
      const i = Math.floor(p / w);
      const j = p - i * w;
      for (const [di, dj] of steps) {
        let a = i + di;
        let b = j + dj;
        if (periodic) {
          a = (a + h) % h;
          b = (b + w) % w;
        } else if (a < 0 || a >= h || b < 0 || b >= w) continue;
        const q = a * w + b;
        if (todo[q]) {
          todo[q] = 0;
          queue[tail++] = q;
        }
      }
    }
  }
  return count;
}
