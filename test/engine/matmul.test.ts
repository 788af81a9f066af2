import { describe, expect, it } from 'vitest';
import { RandomSource, UserError } from '../../src/core/index.js';
import { matmul } from '../../src/engine/index.js';

/** op(a) op(b) in float64 straight from the definition. */
function reference(a: Float32Array, [ar, ac]: [number, number], b: Float32Array, [br, bc]: [number, number], ta: boolean, tb: boolean): Float64Array {
  const m = ta ? ac : ar;
  const k = ta ? ar : ac;
  const n = tb ? br : bc;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += (ta ? a[l * ac + i] : a[i * ac + l]) * (tb ? b[j * bc + l] : b[l * bc + j]);
      out[i * n + j] = s;
    }
  return out;
}

describe('matmul through the compute layer', () => {
  const rng = RandomSource.fromSeed(21);
  for (const ta of [false, true])
    for (const tb of [false, true]) {
      it(`matmul(a, b, { transA: ${ta}, transB: ${tb} }) agrees with the definition on 3 x 5 by 5 x 4`, async () => {
        const aDims: [number, number] = ta ? [5, 3] : [3, 5];
        const bDims: [number, number] = tb ? [4, 5] : [5, 4];
        const a = rng.fillNormal(new Float32Array(15));
        const b = rng.fillNormal(new Float32Array(20));
        const r = await matmul(a, aDims, b, bDims, { transA: ta, transB: tb });
        expect(r.dims).toEqual([3, 4]);
        const ref = reference(a, aDims, b, bDims, ta, tb);
        for (let i = 0; i < 12; i++) expect(r.data[i]).toBeCloseTo(ref[i], 5);
      });
    }

  it('matmul(a, b) rejects inner dimensions that differ and data of the wrong size', async () => {
    await expect(matmul(new Float32Array(6), [2, 3], new Float32Array(8), [4, 2])).rejects.toThrow(/inner dimensions differ \(3 for a, 4 for b\)/);
    await expect(matmul(new Float32Array(5), [2, 3], new Float32Array(6), [3, 2])).rejects.toThrow(UserError);
  });
});
