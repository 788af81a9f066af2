import { describe, expect, it } from 'vitest';
import {
  FEATURE_FINITE_GROUPS,
  FEATURE_GROUP_NAMES,
  FINITE_GROUP_NAMES,
  GRID_GROUPS,
  GROUP_REGISTRY,
  LIE_GROUP_NAMES,
  LIE_SHADOW_GROUPS,
  isFeatureFiniteGroup,
  isFiniteGroupName,
  isLieGroupName,
  lieGroup,
  pixelGroup,
  resolveGroupName,
} from '../../src/groups/index.js';
import { InputRangeError } from '../../src/core/errors.js';

describe('the registry of group names', () => {
  it('GROUP_REGISTRY lists every finite and Lie name once, each under its own name and kind', () => {
    expect(Object.keys(GROUP_REGISTRY).sort()).toEqual([...FINITE_GROUP_NAMES, ...LIE_GROUP_NAMES].sort());
    for (const [name, e] of Object.entries(GROUP_REGISTRY)) {
      expect(e.name).toBe(name);
      expect(e.kind).toBe(isFiniteGroupName(name) ? 'finite' : 'lie');
    }
  });

  it('the use lists are subsets of the right kind: features, grid symmetries, shadows', () => {
    for (const g of FEATURE_FINITE_GROUPS) expect(isFiniteGroupName(g)).toBe(true);
    for (const g of GRID_GROUPS) expect(GROUP_REGISTRY[g].kind).toBe('finite');
    for (const g of LIE_SHADOW_GROUPS) expect(isLieGroupName(g)).toBe(true);
    expect(FEATURE_GROUP_NAMES).toEqual([...FEATURE_FINITE_GROUPS, ...LIE_GROUP_NAMES]);
    expect(isFeatureFiniteGroup('c4')).toBe(false);
    expect(isFeatureFiniteGroup('p4m')).toBe(true);
  });

  it('resolveGroupName(alias) returns the registry name; an unknown name gives undefined', () => {
    expect(resolveGroupName('SO(2)')).toBe('so2');
    expect(resolveGroupName('D4')).toBe('d4');
    expect(resolveGroupName('p4m')).toBe('p4m');
    expect(resolveGroupName('so3')).toBeUndefined();
  });

  it('pixelGroup(name, h, w) builds groups of the known orders, and rejects a non-square grid where the group needs one', () => {
    expect(pixelGroup('translations', 3, 4).order()).toBe(12n);
    expect(pixelGroup('d4', 5, 5).order()).toBe(8n);
    expect(pixelGroup('c4', 5, 5).order()).toBe(4n);
    expect(pixelGroup('p4m', 4, 4).order()).toBe(128n);
    expect(pixelGroup('symmetric', 2, 2).order()).toBe(24n);
    expect(pixelGroup('p4m', 4, 4)).toBe(pixelGroup('p4m', 4, 4));
    expect(() => pixelGroup('d4', 3, 4)).toThrow(InputRangeError);
    expect(() => pixelGroup('d4', 3, 4)).toThrow('d4: needs a square grid, got 3 x 4');
  });

  it('lieGroup(name) is the group of that name, with the dimension the summary states', () => {
    for (const name of LIE_GROUP_NAMES) {
      const G = lieGroup(name);
      expect(G.name).toBe(name);
      expect(GROUP_REGISTRY[name].summary).toContain(`(dim ${G.dim})`);
    }
  });
});
