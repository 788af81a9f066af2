import { describe, expect, it } from 'vitest';
import { featureOrbits } from '../../src/analysis/featureOrbits.js';
import { analysisTable } from '../../src/cli/commands/analyze.js';
import type { ModelAnalysis } from '../../src/analysis/analyzeModel.js';

describe('kernels too small for a Lie measure', () => {
  it('featureOrbits gives a 5x5 feature orbitDim null with the reason, and keeps the finite numbers', async () => {
    const x = Float32Array.from({ length: 25 }, (_, p) => (p % 7) / 7);
    const [r] = await featureOrbits(x, 1, 5, 5, { groups: ['so2', 'p4m'], levels: 3, tol: 0.05, eps: null });
    expect(r.so2).toMatchObject({ orbitDim: null, reason: 'kernel 5x5 too small for so2' });
    expect(r.p4m).toMatchObject({ kind: 'finite', groupOrder: 200n });
  });

  it('analysisTable prints "n/a (kernel 5x5 too small for so2)", never dim 0', async () => {
    const x = Float32Array.from({ length: 25 }, (_, p) => (p % 7) / 7);
    const [orbits] = await featureOrbits(x, 1, 5, 5, { groups: ['so2'], levels: 3, tol: 0.05, eps: null });
    const a = { groups: ['so2'], layers: [{ layer: 1, units: 1, snapshots: [{ step: null, epoch: null, features: [{ unit: 0, orbits, complexity: { compressedBytes: 10 } }] }] }] } as unknown as ModelAnalysis;
    const table = analysisTable(a);
    expect(table).toContain('n/a (kernel 5x5 too small for so2)');
    expect(table).not.toMatch(/dim 0/);
  });
});
