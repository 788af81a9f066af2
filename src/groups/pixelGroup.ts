import { InputRangeError } from '../core/errors.js';
import { GROUP_REGISTRY, type FiniteGroupName } from './groupNames.js';
import { gridC4, gridD4, p4m, symmetric, torusTranslations } from './perm/named.js';
import type { PermGroup } from './perm/PermGroup.js';

/** The builder of each finite group of the registry on an h x w image (square ones read n = h). */
const BUILDERS: { readonly [N in FiniteGroupName]: (h: number, w: number) => PermGroup } = {
  translations: (h, w) => torusTranslations(h, w),
  d4: (n) => gridD4(n),
  c4: (n) => gridC4(n),
  p4m: (n) => p4m(n),
  symmetric: (h, w) => symmetric(h * w),
};

const cache = new Map<string, PermGroup>();

/**
 * The finite pixel group `name` of the registry (src/groups/groupNames.ts) acting on the pixels
 * p = row * w + col of an h x w image, built once per process and shape. InputRangeError when
 * the group needs a square grid and h != w.
 */
export function pixelGroup(name: FiniteGroupName, h: number, w: number): PermGroup {
  const key = `${name}/${h}x${w}`;
  let g = cache.get(key);
  if (!g) {
    if (GROUP_REGISTRY[name].square && h !== w) throw new InputRangeError(`${name}: needs a square grid, got ${h} x ${w}`);
    g = BUILDERS[name](h, w);
    cache.set(key, g);
  }
  return g;
}
