import { imageStabilizer } from '../../actions/imageStabilizer.js';
import { isFeatureFiniteGroup } from '../../groups/groupNames.js';
import { pixelGroup } from '../../groups/pixelGroup.js';
import { type FeatureOrbitNumbers } from '../../analysis/featureOrbits.js';
import { isLieGroupName, lieGroup } from '../../groups/lie/lieGroupRegistry.js';
import type { CheckResult } from './checkResult.js';
import { checkFiniteOrbitStabilizer } from './finiteOrbitStabilizer.js';
import { checkLieStabilizer } from './lieStabilizerAlgebra.js';

/** The analysis settings the orbit numbers were computed with (RunConfig's levels and tol). */
export interface FeatureCheckSettings {
  readonly levels: number;
  readonly tol: number;
}

/**
 * C0 for one analysed feature, from what the run already has: the feature image (h*w) and its
 * orbit numbers from featureOrbits. Under each finite group the engine's stabilizer is recomputed
 * (imageStabilizer, the code under test) and checked against an enumerated orbit; under each Lie
 * group the reported dimensions are checked against the null space of the generators' action.
 * Groups whose numbers are undefined (a feature that is zero inside the window) are skipped.
 */
export function checkFeatureOrbits(what: string, x: ArrayLike<number>, h: number, w: number, orbits: FeatureOrbitNumbers, settings: FeatureCheckSettings): CheckResult[] {
  const out: CheckResult[] = [];
  for (const [name, o] of Object.entries(orbits)) {
    const label = `${what} under ${name}`;
    if (o.kind === 'finite' && isFeatureFiniteGroup(name) && o.orbitSize !== null && o.stabilizerOrder !== null) {
      const G = pixelGroup(name, h, w);
      const s = imageStabilizer(G, x, { levels: settings.levels });
      if (!s.stabilizer) {
        out.push({ name: label, passed: false, details: 'the engine returned no stabilizer group to check' });
        continue;
      }
      out.push(checkFiniteOrbitStabilizer(label, G, x, { orbitSize: o.orbitSize, stabilizerOrder: o.stabilizerOrder, stabilizer: s.stabilizer }, { levels: settings.levels }));
    } else if (o.kind === 'lie' && isLieGroupName(name) && o.orbitDim !== null && o.stabilizerDim !== null) {
      out.push(checkLieStabilizer(label, x, h, w, lieGroup(name), { orbitDim: o.orbitDim, stabilizerDim: o.stabilizerDim, tol: settings.tol }));
    }
  }
  return out;
}

/** Many checks as one line for results.json and the report: passed only when every one passed. */
export function summarizeChecks(name: string, results: readonly CheckResult[]): CheckResult {
  const failed = results.filter((r) => !r.passed);
  if (results.length === 0) return { name, passed: false, details: 'no check was run' };
  if (failed.length === 0) return { name, passed: true, details: `${results.length} of ${results.length} checks pass` };
  return { name, passed: false, details: `BUG: ${failed.length} of ${results.length} checks fail; first: ${failed[0].name}: ${failed[0].details}` };
}
