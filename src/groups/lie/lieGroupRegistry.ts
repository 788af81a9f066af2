import { UserError } from '../../core/errors.js';
import { isLieGroupName, LIE_GROUP_NAMES, type LieGroupName } from '../groupNames.js';
import type { LieGroup } from './LieGroup.js';
import { aff2, gl2 } from './linearGroups.js';
import { scale, se2, sim2, so2, t2 } from './similarityGroups.js';

const GROUPS: Record<LieGroupName, LieGroup> = { t2, so2, scale, se2, sim2, gl2, aff2 };

export { isLieGroupName };

/** The image-plane Lie group of that name; UserError naming the choices otherwise. */
export function lieGroup(name: string): LieGroup {
  if (!isLieGroupName(name)) throw new UserError(`lieGroup: unknown group "${name}"; expected one of ${LIE_GROUP_NAMES.join(', ')}`);
  return GROUPS[name];
}
