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
  const measured = 'Drew group elements uniformly at random and counted how often each feature was stabilised, against the exact 1/|O(f)| from the group engine.';
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
  const table: Record<string, string | number>[] = recs.slice(0, 40).map((r, i) => ({
    feature: r.label,
    seed: r.seed,
    '|O|': r.orbitSize.toString(),
    draws: r.draws,
    hits: r.hits,
    'observed P': r.hits / r.draws,
    '1/|O|': 1 / Number(r.orbitSize),
    expected: expected[i],
  }));
  for (const race of e.races) {
    const total = race.candidates.reduce((s, c) => s + Number(c.stabilizerOrder), 0);
    race.candidates.forEach((c, i) =>
      table.push({ feature: `race: ${c.label}`, seed: race.seed, '|O|': '', draws: race.races, hits: race.firstCounts[i], 'observed P': race.firstCounts[i] / race.races, '1/|O|': '', expected: (race.races * Number(c.stabilizerOrder)) / total }),
    );
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
