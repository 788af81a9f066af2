import type { Claim } from '../results.js';
import type { Evidence } from '../evidence.js';
import { bootstrapInterval } from '../statistics.js';
import { unmeasuredClaim } from './correlationClaim.js';

const TITLE = 'Random search stabilises with probability 1/|O|';

/** Half-width of the band around 1 inside which the observed/expected ratio counts as agreement. */
export const C1_TOLERANCE = 0.15;

/**
 * C1: for g uniform in G, P(g.x = x) = |S(x)|/|G| = 1/|O(x)|. Statistic: observed hits over
 * expected hits, pooled over features (1 when the theory holds), with a bootstrap interval over
 * features. Supported when the interval lies inside 1 +- C1_TOLERANCE, not supported when it
 * excludes 1, inconclusive otherwise (too few draws to tell).
 */
export function claimC1(e: Evidence): Claim {
  const measured =
    'Drew group elements uniformly at random and counted how often each feature was stabilised, against the exact 1/|O(f)| from the group engine (expected = draws / |O|); races of random search among the primitives are tabled against |S(f)| / sum |S| (shared elements such as the identity make that only approximate).';
  const recs = e.randomSearch;
  if (recs.length === 0) return unmeasuredClaim(TITLE, measured, 'observed / expected stabilising draws', 'no finite group was analysed', { x: '1/|O|', y: 'observed frequency' });
  const expected = recs.map((r) => r.draws / Number(r.orbitSize));
  const ratio = (idx: ArrayLike<number>) => {
    let h = 0;
    let x = 0;
    for (let k = 0; k < idx.length; k++) {
      h += recs[idx[k]].hits;
      x += expected[idx[k]];
    }
    return x > 0 ? h / x : NaN;
  };
  const all = Int32Array.from(recs, (_, i) => i);
  const stat = ratio(all);
  const ci = bootstrapInterval(recs.length, ratio, { seed: 1, clusters: recs.map((r) => r.seed) });
  let verdict: Claim['verdict'] = 'inconclusive';
  let reason: string | undefined;
  if (!ci) reason = 'too few features to bootstrap';
  else if (ci[0] >= 1 - C1_TOLERANCE && ci[1] <= 1 + C1_TOLERANCE) verdict = 'supported';
  else if (ci[0] > 1 || ci[1] < 1) {
    verdict = 'not supported';
    reason = 'the observed frequency differs from 1/|O| beyond sampling error';
  } else reason = `the interval is wider than 1 ± ${C1_TOLERANCE}: more draws are needed`;
  // one row per exact orbit size (features with equal |O| pooled), then the races by primitive
  const byOrbit = new Map<string, { features: number; draws: number; hits: number; expected: number }>();
  recs.forEach((r, i) => {
    const key = r.orbitSize.toString();
    const row = byOrbit.get(key) ?? { features: 0, draws: 0, hits: 0, expected: 0 };
    row.features++;
    row.draws += r.draws;
    row.hits += r.hits;
    row.expected += expected[i];
    byOrbit.set(key, row);
  });
  const table: Record<string, string | number>[] = [...byOrbit.entries()]
    .sort((a, b) => Number(BigInt(a[0]) - BigInt(b[0])))
    .map(([orbit, r]) => ({ what: `features with |O| = ${orbit}`, features: r.features, draws: r.draws, 'stabilising draws': r.hits, expected: Number(r.expected.toFixed(2)), 'observed / expected': Number((r.hits / r.expected).toFixed(4)) }));
  const races = new Map<string, { wins: number; races: number; share: number; seeds: number }>();
  for (const race of e.races) {
    const total = race.candidates.reduce((s, c) => s + Number(c.stabilizerOrder), 0);
    race.candidates.forEach((c, i) => {
      const row = races.get(c.label) ?? { wins: 0, races: 0, share: Number(c.stabilizerOrder) / total, seeds: 0 };
      row.wins += race.firstCounts[i];
      row.races += race.races;
      row.seeds++;
      races.set(c.label, row);
    });
  }
  for (const [label, r] of races) {
    table.push({ what: `race: ${label} stabilised first`, features: r.seeds, draws: r.races, 'stabilising draws': Number(r.wins.toFixed(2)), expected: Number((r.share * r.races).toFixed(2)), 'observed / expected': Number((r.wins / (r.share * r.races)).toFixed(4)) });
  }
  return {
    verdict,
    statistic: Number.isFinite(stat) ? stat : null,
    ci,
    n: recs.length,
    ...(reason ? { reason } : {}),
    title: TITLE,
    measured,
    statisticName: 'observed / expected stabilising draws',
    threshold: 1,
    perSeed: [],
    points: recs.filter((r) => r.hits > 0).map((r) => ({ x: 1 / Number(r.orbitSize), y: r.hits / r.draws, label: r.label, seed: r.seed, series: 'feature' })),
    axes: { x: 'exact 1/|O(f)|', y: 'observed frequency of g.f = f' },
    table,
  };
}
