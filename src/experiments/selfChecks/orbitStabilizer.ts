import { finitePixelGroup, FINITE_PIXEL_GROUPS, type FinitePixelGroupName } from '../../analysis/featureOrbits.js';
import { imageStabilizer } from '../../actions/imageStabilizer.js';
import { isLieGroupName, lieGroup } from '../../groups/lie/lieGroupRegistry.js';
import type { Check } from '../../results/index.js';
import type { SeedContext } from '../claims/claimModule.js';
import { checkFiniteOrbitStabilizer, checkLieStabilizer, type CheckResult } from '../checks/index.js';
import { finalFeatures } from '../seedFeatures.js';

/** One C0 self-check result, with the group it was under. */
export interface OrbitStabilizerCheck extends CheckResult {
  readonly group: string;
  readonly kind: 'finite' | 'lie';
}

/**
 * C0 on one seed's final features, made independent (src/experiments/checks): under each finite
 * group the orbit {g.x} is enumerated and compared with |G|/|S| as reported in results.json, and S
 * is checked element by element (identity, in G, fixes x, closed); under each Lie group the
 * reported stabilizer dimension is compared with the null space of the generators' action.
 */
export function collectOrbitStabilizer(ctx: SeedContext): OrbitStabilizerCheck[] {
  const n = ctx.height * ctx.width;
  const out: OrbitStabilizerCheck[] = [];
  const finals = finalFeatures(ctx.features);
  const last = ctx.images[0].length - 1;
  for (const g of ctx.config.groups) {
    if ((FINITE_PIXEL_GROUPS as readonly string[]).includes(g)) {
      const G = finitePixelGroup(g as FinitePixelGroupName, ctx.height, ctx.width);
      for (const f of finals) {
        const o = f.orbits[g];
        if (!o || typeof o.orbitSize !== 'string') continue;
        const x = ctx.images[f.layer - 1][last].subarray(f.unit * n, (f.unit + 1) * n);
        const s = imageStabilizer(G, x, { levels: ctx.config.levels });
        const reported = { orbitSize: BigInt(o.orbitSize), stabilizerOrder: BigInt(o.stabilizerOrder as string), stabilizer: s.stabilizer ?? [] };
        out.push({ ...checkFiniteOrbitStabilizer(`seed ${ctx.seed} layer ${f.layer} unit ${f.unit} under ${g}`, G, x, reported, { levels: ctx.config.levels }), group: g, kind: 'finite' });
      }
    } else if (isLieGroupName(g)) {
      const G = lieGroup(g);
      for (const f of finals) {
        const o = f.orbits[g];
        if (!o || typeof o.orbitDim !== 'number' || typeof o.stabilizerDim !== 'number') continue;
        const x = ctx.images[f.layer - 1][last].subarray(f.unit * n, (f.unit + 1) * n);
        out.push({ ...checkLieStabilizer(`seed ${ctx.seed} layer ${f.layer} unit ${f.unit} under ${g}`, x, ctx.height, ctx.width, G, { orbitDim: o.orbitDim, stabilizerDim: o.stabilizerDim, tol: ctx.config.tol }), group: g, kind: 'lie' });
      }
    }
  }
  return out;
}

/** C0 as an engine self-check over every seed: passes when every independent check passes. */
export function checkOrbitStabilizer(checks: readonly OrbitStabilizerCheck[]): Check {
  const title = 'Orbit-stabilizer identity, checked independently';
  const measured =
    'For every final feature: under each finite group the orbit {g.x} enumerated by closing under the generators against the reported |G|/|S|, and the reported stabilizer checked element by element (identity, in G, fixes x, closed under composition); under each Lie group the reported stabilizer dimension against the null space of the generators’ action, computed separately.';
  if (checks.length === 0) return { status: 'not run', title, measured, n: 0, reason: 'no feature was analysed under any group' };
  const failures = checks.filter((c) => !c.passed);
  const byGroup = new Map<string, { kind: string; n: number; ok: number; first: string }>();
  for (const c of checks) {
    const g = byGroup.get(c.group) ?? { kind: c.kind, n: 0, ok: 0, first: '' };
    g.n++;
    if (c.passed) g.ok++;
    else if (!g.first) g.first = `${c.name}: ${c.details}`;
    byGroup.set(c.group, g);
  }
  return {
    status: failures.length ? 'fail' : 'pass',
    title,
    measured,
    n: checks.length,
    ...(failures.length ? { reason: `BUG: ${failures.length} of ${checks.length} checks fail, first: ${failures[0].name}: ${failures[0].details}` } : {}),
    table: [...byGroup.entries()].map(([group, g]) => ({ group, kind: g.kind, checks: g.n, passed: g.ok, 'first failure': g.first || '-' })),
  };
}
