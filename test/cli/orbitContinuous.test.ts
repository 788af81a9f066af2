import { describe, expect, it } from 'vitest';
import { orbitContinuous, parseContinuousFlags } from '../../src/cli/commands/orbitContinuous.js';
import { gaussianBlob } from '../../src/testing/index.js';

const n = 25;
const image = { height: n, width: n, pixels: gaussianBlob(n, n, 3) };

describe('orbit command, continuous groups', () => {
  it('parseContinuousFlags turns commander strings into typed options', () => {
    expect(parseContinuousFlags({ eps: '0.05', tol: '1e-3', interp: 'bicubic', border: 'periodic', samples: '256' })).toEqual({
      eps: 0.05,
      tol: 1e-3,
      interp: 'bicubic',
      border: 'periodic',
      samples: 256,
    });
    expect(parseContinuousFlags({})).toEqual({ eps: undefined, tol: undefined, interp: undefined, border: undefined, samples: undefined });
  });

  it('parseContinuousFlags names the flag and the bad value', () => {
    expect(() => parseContinuousFlags({ eps: 'abc' })).toThrow('--eps: expected a number > 0, got "abc"');
    expect(() => parseContinuousFlags({ tol: '-1' })).toThrow('--tol: expected a number > 0, got "-1"');
    expect(() => parseContinuousFlags({ interp: 'nearest' })).toThrow('--interp: expected one of bilinear, bicubic, got "nearest"');
    expect(() => parseContinuousFlags({ border: 'wrap' })).toThrow('--border: expected one of zero, periodic, reflect, got "wrap"');
    expect(() => parseContinuousFlags({ samples: '2.5' })).toThrow(/--samples: expected an integer/);
    expect(() => parseContinuousFlags({ epsilon: 1 } as never)).toThrow(/orbit: unknown key "epsilon"/);
  });

  it('orbitContinuous(blob, "aff2") returns the report with the contract fields', async () => {
    const r = await orbitContinuous(image, 'aff2', { tol: '0.01' });
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['group', 'dim', 'orbitDim', 'stabilizerDim', 'singularValues']));
    expect([r.group, r.dim, r.orbitDim, r.stabilizerDim]).toEqual(['aff2', 6, 5, 1]);
    const e = await orbitContinuous(image, 'so2', { eps: '0.1', samples: '32' });
    expect(Object.keys(e)).toEqual(expect.arrayContaining(['epsStabilizerMeasure', 'epsOrbitSize', 'samples']));
  });

  it('orbitContinuous rejects a group that is not continuous', async () => {
    await expect(orbitContinuous(image, 'p4m', {})).rejects.toThrow('--group: "p4m" is not a continuous group; expected one of t2, so2, scale, se2, sim2, gl2, aff2');
  });
});
