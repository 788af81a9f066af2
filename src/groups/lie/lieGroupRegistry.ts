import { UserError } from '../../core/errors.js';
import { LIE_GROUP_NAMES, type LieGroup, type LieGroupName } from './LieGroup.js';
import { aff2, gl2 } from './linearGroups.js';
import { scale, se2, sim2, so2, t2 } from './similarityGroups.js';

const GROUPS: Record<LieGroupName, LieGroup> = { t2, so2, scale, se2, sim2, gl2, aff2 };

/** True when `name` is one of 't2' | 'so2' | 'scale' | 'se2' | 'sim2' | 'gl2' | 'aff2'. */
export function isLieGroupName(name: string): name is LieGroupName {
  return (LIE_GROUP_NAMES as readonly string[]).includes(name);
}

/** The image-plane Lie group of that name; UserError naming the choices otherwise. */
export function lieGroup(name: string): LieGroup {
  if (!isLieGroupName(name)) throw new UserError(`lieGroup: unknown group "${name}"; expected one of ${LIE_GROUP_NAMES.join(', ')}`);
  return GROUPS[name];
}
