import type { Check } from '../../results/index.js';
import { orbitNumbersFromJson } from '../../results/orbitNumbers.js';
import type { SeedContext } from '../claims/claimModule.js';
import { finalFeatures } from '../seedFeatures.js';
import { checkFeatureOrbits, type CheckResult } from '../checks/index.js';

/** One orbit-stabilizer check (C0): |O| |S| = |G| (finite) or dim O + dim S = dim G (Lie). */
export interface OrbitStabilizerCheck {
  readonly what: string;
  readonly group: string;
  readonly kind: 'finite' | 'lie';
  /** Group order (finite) or dimension (Lie). */
  readonly group_size: bigint | number;
  readonly orbit: bigint | number;
  readonly stabilizer: bigint | number;
  /**
   * The independent check of the same numbers (src/experiments/checks): the orbit enumerated and
   * S checked element by element (finite), or the null space of the generators' action (Lie).
   */
  readonly independent: CheckResult;
}

/** The final features' orbit numbers of one seed, and the world's primitives, as C0 checks. */
export function collectOrbitStabilizer(ctx: SeedContext): OrbitStabilizerCheck[] {
  const checks: OrbitStabilizerCheck[] = [];
  const n = ctx.height * ctx.width;
  const settings = { levels: ctx.config.levels, tol: ctx.config.tol };
  for (const f of finalFeatures(ctx.features)) {
    const snapshots = ctx.images[f.layer - 1];
    const x = snapshots[snapshots.length - 1].subarray(f.unit * n, (f.unit + 1) * n);
    for (const [g, o] of Object.entries(orbitNumbersFromJson(f.orbits))) {
      const what = `seed ${ctx.seed} layer ${f.layer} unit ${f.unit}`;
      if (o.kind === 'finite' ? o.orbitSize === null || o.groupOrder === null || o.stabilizerOrder === null : o.orbitDim === null || o.stabilizerDim === null) continue;
      const [independent] = checkFeatureOrbits(what, x, ctx.height, ctx.width, { [g]: o }, settings);
      const missing: CheckResult = { name: `${what} under ${g}`, passed: false, details: 'no independent check could be run on these numbers' };
      if (o.kind === 'finite') checks.push({ what, group: g, kind: 'finite', group_size: o.groupOrder!, orbit: o.orbitSize!, stabilizer: o.stabilizerOrder!, independent: independent ?? missing });
      else checks.push({ what, group: g, kind: 'lie', group_size: o.dim, orbit: o.orbitDim!, stabilizer: o.stabilizerDim!, independent: independent ?? missing });
    }
  }
  return checks;
}

/**
 * C0 as an engine self-check: for every analysed feature, under every finite group the orbit
 * enumerated by closing {x} under the generators has |G|/|S| images and the reported S has the
 * reported order, contains the identity, lies in G, fixes x and is closed; under every Lie group
 * the stabilizer dimension equals the null space of the generators' action (computed by a separate
 * SVD) and dim O + dim S = dim G. A failure is a bug in Orbitscope, never a finding about learning.
 */
export function checkOrbitStabilizer(checks: readonly OrbitStabilizerCheck[]): Check {
  const title = 'Orbit-stabilizer identity';
  const measured =
    'For every analysed feature: under finite groups, enumerated the orbit {g.x} and compared its size with |G|/|S|, and checked S element by element (identity, in G, fixes x, closed under composition); under Lie groups, compared the stabilizer dimension with the null space of the generators\' action (separate SVD) and dim O + dim S with dim G.';
  if (checks.length === 0) return { status: 'not run', title, measured, n: 0, reason: 'no feature was analysed under any group' };
  const holds = checks.map((c) => c.independent.passed && (c.kind === 'finite' ? BigInt(c.orbit) * BigInt(c.stabilizer) === BigInt(c.group_size) : Number(c.orbit) + Number(c.stabilizer) === Number(c.group_size)));
  const failures = checks.filter((_, i) => !holds[i]);
  const byGroup = new Map<string, { n: number; ok: number; kind: string; size: string }>();
  checks.forEach((c, i) => {
    const g = byGroup.get(c.group) ?? { n: 0, ok: 0, kind: c.kind, size: String(c.group_size) };
    g.n++;
    if (holds[i]) g.ok++;
    byGroup.set(c.group, g);
  });
  return {
    status: failures.length === 0 ? 'pass' : 'fail',
    title,
    measured,
    n: checks.length,
    ...(failures.length ? { reason: `BUG: ${failures.length} checks fail, first: ${failures[0].what} under ${failures[0].group}: ${failures[0].independent.details}` } : {}),
    table: [...byGroup.entries()].map(([group, g]) => ({ group, kind: g.kind, 'order or dimension': g.size, checks: g.n, hold: g.ok })),
  };
}
