import type { Claim } from '../results.js';
import type { Evidence } from '../evidence.js';
import { unmeasuredClaim } from './correlationClaim.js';

const TITLE = 'Orbit-stabilizer identity';

/**
 * C0: |O| |S| = |G| exactly for every analysed feature under every finite group, and
 * dim O + dim S = dim G under every Lie group. A failure is a bug in Orbitscope, never a finding.
 */
export function claimC0(e: Evidence): Claim {
  const measured = 'Checked |O(f)| * |S(f)| = |G| (finite groups, exact integers) and dim O + dim S = dim G (Lie groups) for every analysed feature and primitive.';
  if (e.checks.length === 0) return unmeasuredClaim(TITLE, measured, 'fraction of checks that hold', 'no feature was analysed under any group');
  const holds = e.checks.map((c) => BigInt(c.orbit) * (c.kind === 'finite' ? BigInt(c.stabilizer) : 1n) === BigInt(c.group_size) || (c.kind === 'lie' && Number(c.orbit) + Number(c.stabilizer) === Number(c.group_size)));
  const ok = holds.filter(Boolean).length;
  const failures = e.checks.filter((_, i) => !holds[i]);
  const byGroup = new Map<string, { n: number; ok: number; kind: string; size: string }>();
  e.checks.forEach((c, i) => {
    const g = byGroup.get(c.group) ?? { n: 0, ok: 0, kind: c.kind, size: String(c.group_size) };
    g.n++;
    if (holds[i]) g.ok++;
    byGroup.set(c.group, g);
  });
  return {
    verdict: failures.length === 0 ? 'supported' : 'not supported',
    statistic: ok / e.checks.length,
    ci: [ok / e.checks.length, ok / e.checks.length],
    n: e.checks.length,
    ...(failures.length ? { reason: `BUG: ${failures.length} checks fail, first: ${failures[0].what} under ${failures[0].group}` } : {}),
    title: TITLE,
    measured,
    statisticName: 'fraction of checks that hold',
    threshold: 1,
    perSeed: [],
    points: e.checks.map((c, i) => ({
      x: Number(c.group_size),
      y: c.kind === 'finite' ? Number(BigInt(c.orbit) * BigInt(c.stabilizer)) : Number(c.orbit) + Number(c.stabilizer),
      label: `${c.what} (${c.group})`,
      series: `${c.group}${holds[i] ? '' : ' FAIL'}`,
    })),
    axes: { x: '|G| (finite) or dim G (Lie)', y: '|O|·|S| (finite) or dim O + dim S (Lie)' },
    table: [...byGroup.entries()].map(([group, g]) => ({ group, kind: g.kind, 'order or dimension': g.size, checks: g.n, hold: g.ok })),
  };
}
