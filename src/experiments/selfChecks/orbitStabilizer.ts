import type { Check } from '../../results/index.js';
import type { SeedContext } from '../claims/claimModule.js';
import { finalFeatures } from '../seedFeatures.js';

/** One orbit-stabilizer check (C0): |O| |S| = |G| (finite) or dim O + dim S = dim G (Lie). */
export interface OrbitStabilizerCheck {
  readonly what: string;
  readonly group: string;
  readonly kind: 'finite' | 'lie';
  /** Group order (finite) or dimension (Lie). */
  readonly group_size: bigint | number;
  readonly orbit: bigint | number;
  readonly stabilizer: bigint | number;
}

/** The final features' orbit numbers of one seed, and the world's primitives, as C0 checks. */
export function collectOrbitStabilizer(ctx: SeedContext): OrbitStabilizerCheck[] {
  const checks: OrbitStabilizerCheck[] = [];
  for (const f of finalFeatures(ctx.features)) {
    for (const [g, o] of Object.entries(f.orbits)) {
      const what = `seed ${ctx.seed} layer ${f.layer} unit ${f.unit}`;
      if (typeof o.orbitSize === 'string') checks.push({ what, group: g, kind: 'finite', group_size: BigInt(o.groupOrder as string), orbit: BigInt(o.orbitSize), stabilizer: BigInt(o.stabilizerOrder as string) });
      else if (typeof o.orbitDim === 'number') checks.push({ what, group: g, kind: 'lie', group_size: o.dim as number, orbit: o.orbitDim, stabilizer: o.stabilizerDim as number });
    }
  }
  return checks;
}

/**
 * C0 as an engine self-check: |O(f)| |S(f)| = |G| exactly for every analysed feature under every
 * finite group, and dim O + dim S = dim G under every Lie group. A failure is a bug in Orbitscope,
 * never a finding about learning.
 */
export function checkOrbitStabilizer(checks: readonly OrbitStabilizerCheck[]): Check {
  const title = 'Orbit-stabilizer identity';
  const measured = 'Checked |O(f)| * |S(f)| = |G| (finite groups, exact integers) and dim O + dim S = dim G (Lie groups) for every analysed feature.';
  if (checks.length === 0) return { status: 'not run', title, measured, n: 0, reason: 'no feature was analysed under any group' };
  const holds = checks.map((c) => (c.kind === 'finite' ? BigInt(c.orbit) * BigInt(c.stabilizer) === BigInt(c.group_size) : Number(c.orbit) + Number(c.stabilizer) === Number(c.group_size)));
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
    ...(failures.length ? { reason: `BUG: ${failures.length} checks fail, first: ${failures[0].what} under ${failures[0].group}` } : {}),
    table: [...byGroup.entries()].map(([group, g]) => ({ group, kind: g.kind, 'order or dimension': g.size, checks: g.n, hold: g.ok })),
  };
}
