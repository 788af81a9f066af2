import { describe, expect, it } from 'vitest';
import { orbitDimension } from '../../../src/actions/orbitDimension.js';
import { lieGroup } from '../../../src/groups/lie/index.js';
import { gaussianBlob, smoothEdge } from '../../../src/testing/index.js';
import { checkLieStabilizer, stabilizerAlgebra } from '../../../src/experiments/checks/index.js';

const n = 33;

describe('stabilizerAlgebra: the null space of the generators action', () => {
  it('of a centred isotropic blob under se2 is the rotation alone', () => {
    const a = stabilizerAlgebra(gaussianBlob(n, n, 3), n, n, lieGroup('se2'));
    expect(a.dim).toBe(1);
    // se2's basis is (rotation, translation u, translation v)
    expect(Math.abs(a.basis[0][0])).toBeGreaterThan(0.999);
    expect(a.worstResidual).toBeLessThan(5e-3);
  });

  it('of a smooth edge under se2 is the translation along the edge', () => {
    const phi = 0.5;
    const a = stabilizerAlgebra(smoothEdge(n, n, phi, 1), n, n, lieGroup('se2'));
    expect(a.dim).toBe(1);
    const [, tx, ty] = a.basis[0];
    expect(Math.abs(tx * Math.cos(phi) + ty * Math.sin(phi))).toBeLessThan(0.05);
  });

  it('of an off-centre blob under so2 is empty (rotation about the centre moves it)', () => {
    const blob = gaussianBlob(n, n, 3, 6, 2);
    expect(stabilizerAlgebra(blob, n, n, lieGroup('so2')).dim).toBe(0);
  });
});

describe('checkLieStabilizer: tangent rank against the separately computed null space', () => {
  for (const [label, x] of [
    ['blob', gaussianBlob(n, n, 3)],
    ['edge', smoothEdge(n, n, 0.3, 1)],
  ] as const) {
    for (const g of ['so2', 'se2', 'aff2']) {
      it(`passes for orbitDimension(${label}, ${g})`, () => {
        const r = orbitDimension(x, n, n, lieGroup(g));
        const c = checkLieStabilizer(`${label} ${g}`, x, n, n, lieGroup(g), r);
        expect(c.passed, c.details).toBe(true);
      });
    }
  }

  it('fails when the reported stabilizer dimension is corrupted', () => {
    const x = gaussianBlob(n, n, 3);
    const r = orbitDimension(x, n, n, lieGroup('se2'));
    const c = checkLieStabilizer('blob se2', x, n, n, lieGroup('se2'), { ...r, orbitDim: 3, stabilizerDim: 0 });
    expect(c.passed).toBe(false);
    expect(c.details).toMatch(/^MISMATCH: dim G = 3, tangent rank 3, reported dim S = 0, null space of the generators' action 1/);
  });
});
