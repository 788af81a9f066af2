/**
 * Singular values of the tangent matrix J = [L_1 x ... L_k x] of one image under an image-plane
 * group, computed in the page when results.json does not carry them.
 *
 * L_i x(p) = d/dt x(exp(-t A_i) p) at t = 0 = -grad x(p) . V_i(p), with V_i the generator's vector
 * field in centred pixel coordinates (u right, v down) and grad x by central differences
 * (zeros outside the frame). J is restricted to the inscribed-disk window and its singular values
 * are divided by ||x||_W, so a value near 0 means x is nearly invariant along that direction.
 */
import { diskWindow } from './imagePlane.js';

type Field = (u: number, v: number) => [number, number];

/** Vector fields of the Lie-algebra generators, by name. */
export const GENERATORS: Record<string, Field> = {
  tx: () => [1, 0],
  ty: () => [0, 1],
  rotation: (u, v) => [-v, u],
  scale: (u, v) => [u, v],
  e11: (u) => [u, 0],
  e12: (_u, v) => [v, 0],
  e21: (u) => [0, u],
  e22: (_u, v) => [0, v],
};

/** Generators of each continuous group the explorer knows (Lie-algebra bases). */
export const PLANE_GROUPS: Record<string, readonly string[]> = {
  t2: ['tx', 'ty'],
  so2: ['rotation'],
  scale: ['scale'],
  se2: ['tx', 'ty', 'rotation'],
  sim2: ['tx', 'ty', 'rotation', 'scale'],
  gl2: ['e11', 'e12', 'e21', 'e22'],
  aff2: ['tx', 'ty', 'e11', 'e12', 'e21', 'e22'],
};

/** Singular values of J / ||x||_W, largest first, for the named group (h x w image). */
export function tangentSingularValues(img: ArrayLike<number>, h: number, w: number, group: string): number[] {
  const names = PLANE_GROUPS[group];
  if (!names) throw new RangeError(`tangentSingularValues: unknown group "${group}"; expected one of ${Object.keys(PLANE_GROUPS).join(', ')}`);
  const mask = diskWindow(h, w);
  const at = (i: number, j: number) => (i < 0 || i >= h || j < 0 || j >= w ? 0 : img[i * w + j]);
  const cu = (w - 1) / 2;
  const cv = (h - 1) / 2;
  const k = names.length;
  const cols = names.map(() => new Float64Array(h * w));
  let norm2 = 0;
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const p = i * w + j;
      if (!mask[p]) continue;
      norm2 += img[p] * img[p];
      const gu = (at(i, j + 1) - at(i, j - 1)) / 2;
      const gv = (at(i + 1, j) - at(i - 1, j)) / 2;
      names.forEach((n, c) => {
        const [fu, fv] = GENERATORS[n](j - cu, i - cv);
        cols[c][p] = -(gu * fu + gv * fv);
      });
    }
  }
  const gram: number[][] = [];
  for (let a = 0; a < k; a++) {
    gram.push([]);
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let p = 0; p < h * w; p++) s += cols[a][p] * cols[b][p];
      gram[a].push(s);
    }
  }
  const norm = Math.sqrt(norm2);
  return symmetricEigenvalues(gram)
    .map((e) => Math.sqrt(Math.max(0, e)) / (norm || 1))
    .sort((x, y) => y - x);
}

/** Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations (k <= 6 here). */
export function symmetricEigenvalues(m: readonly (readonly number[])[]): number[] {
  const n = m.length;
  const a = m.map((r) => r.slice());
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < n; r++) {
          const arp = a[r][p];
          const arq = a[r][q];
          a[r][p] = c * arp - s * arq;
          a[r][q] = s * arp + c * arq;
        }
        for (let r = 0; r < n; r++) {
          const apr = a[p][r];
          const aqr = a[q][r];
          a[p][r] = c * apr - s * aqr;
          a[q][r] = s * apr + c * aqr;
        }
      }
    }
  }
  return a.map((r, i) => r[i]);
}
