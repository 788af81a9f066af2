// Slow, obviously-correct group computations by brute force, for tests of the fast engine.
import { compose, identityArray, permKey } from '../groups/core/kernels.js';

/** Every element of <gens> by closure: breadth-first products until nothing new appears. */
export function closureElements(gens: readonly Int32Array[], degree: number): Int32Array[] {
  const id = identityArray(degree);
  const seen = new Set([permKey(id)]);
  const all = [id];
  for (let k = 0; k < all.length; k++) {
    for (const g of gens) {
      const h = compose(all[k], g);
      const key = permKey(h);
      if (!seen.has(key)) {
        seen.add(key);
        all.push(h);
      }
    }
  }
  return all;
}

/** The orbit {act(x, g) : g in elements} as a set of keys. */
export function bruteOrbit<T>(elements: readonly Int32Array[], x: T, act: (x: T, g: Int32Array) => T, key: (x: T) => string): Set<string> {
  return new Set(elements.map((g) => key(act(x, g))));
}

/** The number of elements with act(x, g) equal to x. */
export function bruteStabilizerCount<T>(elements: readonly Int32Array[], x: T, act: (x: T, g: Int32Array) => T, key: (x: T) => string): number {
  const k = key(x);
  return elements.filter((g) => key(act(x, g)) === k).length;
}

/**
 * Orbits of all K-colourings of `degree` points under the elements, by enumerating every
 * colouring (K^degree of them): a map from orbit size to number of orbits.
 */
export function bruteColoringOrbits(elements: readonly Int32Array[], degree: number, colors: number): Map<number, number> {
  const total = colors ** degree;
  const seen = new Uint8Array(total);
  const bySize = new Map<number, number>();
  const digits = new Int32Array(degree);
  for (let code = 0; code < total; code++) {
    if (seen[code]) continue;
    for (let p = 0, c = code; p < degree; p++, c = Math.floor(c / colors)) digits[p] = c % colors;
    let size = 0;
    for (const g of elements) {
      // (g.x)[g[p]] = x[p]
      let img = 0;
      for (let p = degree - 1; p >= 0; p--) img = img * colors + digits[invIndex(g, p)];
      if (!seen[img]) {
        seen[img] = 1;
        size++;
      }
    }
    bySize.set(size, (bySize.get(size) ?? 0) + 1);
  }
  return bySize;
}

function invIndex(g: Int32Array, p: number): number {
  for (let q = 0; q < g.length; q++) if (g[q] === p) return q;
  return -1;
}
