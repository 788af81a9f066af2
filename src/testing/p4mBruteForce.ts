/**
 * Slow oracle for orbits of images under the pixel groups of the n x n torus, by listing every
 * group element: translations (n^2 of them), D4 of the square grid about its centre (8), and
 * p4m (8 n^2: every D4 element followed by every translation). Written from the definition,
 * independently of src/data/shapes: an element is a signed permutation matrix A (the 8 ways to
 * send the axes to +-axes) about the grid centre, then a cyclic shift. Orbit = number of distinct
 * images g.x; stabilizer = number of g with g.x = x.
 */
export type BruteForceGroup = 'translations' | 'd4' | 'p4m';

function d4Maps(n: number): Array<(r: number, c: number) => [number, number]> {
  const m = n - 1;
  return [
    (r, c) => [r, c],
    (r, c) => [c, m - r],
    (r, c) => [m - r, m - c],
    (r, c) => [m - c, r],
    (r, c) => [r, m - c],
    (r, c) => [m - r, c],
    (r, c) => [c, r],
    (r, c) => [m - c, m - r],
  ];
}

/** Every element of the group as a pixel map p -> g(p) (p = row * n + col). */
export function bruteForceElements(n: number, group: BruteForceGroup): Int32Array[] {
  const maps = group === 'translations' ? [d4Maps(n)[0]] : d4Maps(n);
  const shifts = group === 'd4' ? [[0, 0]] : Array.from({ length: n * n }, (_, k) => [Math.floor(k / n), k % n]);
  const out: Int32Array[] = [];
  for (const f of maps) {
    for (const [dr, dc] of shifts) {
      const perm = new Int32Array(n * n);
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < n; c++) {
          const [r2, c2] = f(r, c);
          perm[r * n + c] = ((r2 + dr) % n) * n + ((c2 + dc) % n);
        }
      }
      out.push(perm);
    }
  }
  return out;
}

/** Orbit size and stabilizer order of an n x n image under the group, by enumeration. */
export function bruteForceOrbit(x: ArrayLike<number>, n: number, group: BruteForceGroup): { orbitSize: number; stabilizerOrder: number; groupOrder: number } {
  const key = (a: ArrayLike<number>) => Array.from(a).join(',');
  const self = key(x);
  const seen = new Set<string>();
  let stabilizerOrder = 0;
  const elements = bruteForceElements(n, group);
  const y = new Float64Array(n * n);
  for (const perm of elements) {
    for (let p = 0; p < n * n; p++) y[perm[p]] = x[p];
    const k = key(y);
    seen.add(k);
    if (k === self) stabilizerOrder++;
  }
  return { orbitSize: seen.size, stabilizerOrder, groupOrder: elements.length };
}
