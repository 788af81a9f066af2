/**
 * The eight elements of D4 acting on a square image by exact pixel permutations, and the ones
 * that (eps-)stabilise a given image: what the feature view lists for a finite group when
 * results.json names no stabilizer elements. (g.x)[p] = x[g^-1(p)].
 */

/**
 * D4 element names in a fixed order: rotations by 0/90/180/270 degrees, then the 4 reflections.
 * Rotations follow the image-plane convention (v down): r90 turns the picture clockwise on
 * screen, the same as the plane rotation by +90 degrees.
 */
export const D4_NAMES = ['e', 'r90', 'r180', 'r270', 'flip-h', 'flip-v', 'flip-diag', 'flip-anti'] as const;

/** Source pixel (row, col) read by element g at destination (i, j) of an n x n image. */
function source(g: (typeof D4_NAMES)[number], i: number, j: number, n: number): [number, number] {
  const m = n - 1;
  switch (g) {
    case 'e':
      return [i, j];
    case 'r90':
      return [m - j, i];
    case 'r180':
      return [m - i, m - j];
    case 'r270':
      return [j, m - i];
    case 'flip-h':
      return [i, m - j];
    case 'flip-v':
      return [m - i, j];
    case 'flip-diag':
      return [j, i];
    case 'flip-anti':
      return [m - j, m - i];
  }
}

/** g.x for a D4 element on an n x n image. */
export function actD4(img: ArrayLike<number>, n: number, g: (typeof D4_NAMES)[number]): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const [si, sj] = source(g, i, j, n);
      out[i * n + j] = img[si * n + sj];
    }
  }
  return out;
}

/** Every D4 element with ||g.x - x|| <= eps ||x|| (whole frame), with its distance. */
export function d4Stabilizer(img: ArrayLike<number>, n: number, eps: number): { element: string; distance: number }[] {
  let den = 0;
  for (let p = 0; p < n * n; p++) den += img[p] * img[p];
  const out: { element: string; distance: number }[] = [];
  for (const g of D4_NAMES) {
    const y = actD4(img, n, g);
    let num = 0;
    for (let p = 0; p < n * n; p++) num += (y[p] - img[p]) ** 2;
    const d = den > 0 ? Math.sqrt(num / den) : NaN;
    if (d <= eps) out.push({ element: g, distance: d });
  }
  return out;
}
