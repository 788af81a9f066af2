import { isFeatureFiniteGroup } from '../groups/groupNames.js';
import type { RunContext } from './claims/claimModule.js';
import type { RunConfig } from './config.js';

/** The orbit number used for learned features, from the declared groups and the world. */
export function orbitMeasureOf(config: RunConfig, syntheticWorld: boolean): RunContext['orbitMeasure'] {
  const lieGroup = config.groups.find((g) => !isFeatureFiniteGroup(g));
  const finiteGroup = config.groups.find(isFeatureFiniteGroup);
  // Learned features are real-valued: their orbit is measured by an epsilon-orbit. On a torus
  // world (shapes) features sit anywhere, so the world's own finite group serves; elsewhere an
  // image-plane Lie group about the image centre.
  return finiteGroup && (syntheticWorld || !lieGroup)
    ? { group: finiteGroup, field: 'epsOrbitSize', label: `ε-orbit size under ${finiteGroup} (ε = ${config.finiteEps}, centred)` }
    : { group: lieGroup!, field: 'epsOrbitSize', label: `ε-orbit size under ${lieGroup!.toUpperCase()} (ε = ${config.eps})` };
}
