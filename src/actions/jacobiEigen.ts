/**
 * Eigen-decomposition of a small symmetric matrix (k x k, row-major) by cyclic Jacobi rotations
 * (Golub and Van Loan, "Matrix Computations", 4th ed., sec. 8.5). Returns eigenvalues in
 * descending order and the matching unit eigenvectors as rows. Written by hand: k <= 6 here,
 * Jacobi is accurate to working precision for every eigenvalue, and no installed package does
 * dense symmetric eigenproblems.
 */
export function jacobiEigen(a: ArrayLike<number>, k: number): { values: Float64Array; vectors: Float64Array[] } {
  const m = Float64Array.from(a);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += m[p * k + q] ** 2;
    if (off < 1e-300) break;
    for (let p = 0; p < k; p++)
      for (let q = p + 1; q < k; q++) {
        const apq = m[p * k + q];
        if (apq === 0) continue;
        const theta = (m[q * k + q] - m[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const mrp = m[r * k + p];
          const mrq = m[r * k + q];
          m[r * k + p] = c * mrp - s * mrq;
          m[r * k + q] = s * mrp + c * mrq;
        }
        for (let r = 0; r < k; r++) {
          const mpr = m[p * k + r];
          const mqr = m[q * k + r];
          m[p * k + r] = c * mpr - s * mqr;
          m[q * k + r] = s * mpr + c * mqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p];
          const vrq = v[r * k + q];
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => m[y * k + y] - m[x * k + x]);
  return {
    values: Float64Array.from(order, (i) => m[i * k + i]),
    vectors: order.map((i) => Float64Array.from({ length: k }, (_, r) => v[r * k + i])),
  };
}
