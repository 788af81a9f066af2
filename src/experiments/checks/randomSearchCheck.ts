import jStat from 'jstat';
import type { CheckResult } from './checkResult.js';
import type { RaceExpectation } from './raceExpectation.js';

/**
 * Significance level of the stochastic self-checks: a correct engine fails one in 10^4 times by
 * chance, so a failure points to a bug (a non-uniform generator, a wrong |O|).
 */
export const SELF_CHECK_ALPHA = 1e-4;

/** One candidate's random-search tally (as in results: draws, stabilising draws, exact |O|). */
export interface SearchRecord {
  readonly draws: number;
  readonly hits: number;
  readonly orbitSize: bigint;
}

/**
 * C1 as a self-check of the uniform random-element generator: for g uniform in G,
 * P(g.x = x) = 1/|O(x)|, so each candidate's hits are Binomial(draws, 1/|O|). Pearson's
 * chi-square over candidates (df = candidates with 1/|O| < 1); passes when P(chi2 >= X) > SELF_CHECK_ALPHA.
 */
export function checkSearchTallies(name: string, records: readonly SearchRecord[]): CheckResult {
  let x2 = 0;
  let df = 0;
  let hits = 0;
  let expected = 0;
  for (const r of records) {
    const p = 1 / Number(r.orbitSize);
    hits += r.hits;
    expected += r.draws * p;
    if (p === 1) {
      if (r.hits !== r.draws) return { name, passed: false, details: `|O| = 1 but only ${r.hits} of ${r.draws} draws fixed the image` };
      continue;
    }
    x2 += (r.hits - r.draws * p) ** 2 / (r.draws * p * (1 - p));
    df++;
  }
  if (df === 0) return { name, passed: true, details: `${records.length} candidates, all with |O| = 1: every draw fixed them` };
  const pValue = 1 - jStat.chisquare.cdf(x2, df);
  const passed = pValue > SELF_CHECK_ALPHA;
  return { name, passed, details: `stabilising draws ${hits} against ${expected.toFixed(2)} expected from 1/|O|; chi-square ${x2.toFixed(2)} on ${df} df, p = ${pValue.toPrecision(3)} (fails below ${SELF_CHECK_ALPHA})` };
}

/**
 * The race table as a self-check: win counts of randomSearchRace against the exact shares of
 * exactRaceShares (chi-square goodness of fit, df = candidates that can win - 1). Split wins
 * make the counts less variable than multinomial, so the test errs towards passing.
 */
export function checkRace(name: string, firstCounts: readonly number[], races: number, expectation: RaceExpectation): CheckResult {
  let x2 = 0;
  let df = -1;
  for (let k = 0; k < firstCounts.length; k++) {
    const e = races * expectation.shares[k];
    if (e === 0) {
      if (firstCounts[k] > 0) return { name, passed: false, details: `candidate ${k} won ${firstCounts[k]} races but no element of G fixes it alone or jointly` };
      continue;
    }
    x2 += (firstCounts[k] - e) ** 2 / e;
    df++;
  }
  const shares = expectation.shares.map((s) => s.toFixed(4)).join(', ');
  if (df <= 0) return { name, passed: true, details: `one candidate can win; exact shares [${shares}]` };
  const pValue = 1 - jStat.chisquare.cdf(x2, df);
  return {
    name,
    passed: pValue > SELF_CHECK_ALPHA,
    details: `wins [${firstCounts.map((v) => v.toFixed(1)).join(', ')}] in ${races} races against exact shares [${shares}] (${expectation.stoppingElements} of ${expectation.groupOrder} elements end a race); chi-square ${x2.toFixed(2)} on ${df} df, p = ${pValue.toPrecision(3)}`,
  };
}
