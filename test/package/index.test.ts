import { describe, expect, it } from 'vitest';
import * as orbitscope from '../../src/index.js';

describe('the package entry', () => {
  it('exposes every part of the library as a namespace', () => {
    for (const part of ['core', 'engine', 'groups', 'lie', 'actions', 'continuous', 'data', 'nn', 'shadow', 'analysis', 'experiments', 'report']) {
      expect(typeof (orbitscope as Record<string, unknown>)[part], part).toBe('object');
    }
    expect(orbitscope.VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs its doc example: a single bright pixel on the 12 x 12 torus has orbit 144 and stabilizer 8 under p4m', () => {
    const { groups, actions } = orbitscope;
    const pixels = new Float32Array(144);
    pixels[5 * 12 + 7] = 1;
    const r = actions.imageStabilizer(groups.p4m(12), pixels);
    expect(r.orbitSize).toBe(144n);
    expect(r.stabilizerOrder).toBe(8n);
  });
});
