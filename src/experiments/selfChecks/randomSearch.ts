import { finitePixelGroup, FINITE_PIXEL_GROUPS, type FinitePixelGroupName } from '../../analysis/featureOrbits.js';
import { randomSearch, randomSearchRace } from '../../analysis/randomSearch.js';
import type { Check } from '../../results/index.js';
import type { SeedContext } from '../claims/claimModule.js';
import type { OrbitStabilizerCheck } from './orbitStabilizer.js';
import { imageStabilizer } from '../../actions/imageStabilizer.js';
import { checkFiniteOrbitStabilizer, checkRace, checkRandomSearch as chiSquareCheck, exactRaceShares, type CheckResult } from '../checks/index.js';

/** Monte Carlo of random search (C1): draws of uniform g in G, hits g.x = x, exact |O(x)|. */
export interface RandomSearchRecord {
  readonly label: string;
  readonly seed: number;
  readonly orbitSize: bigint;
  readonly stabilizerOrder: bigint;
  readonly draws: number;
  readonly hits: number;
}

/** A race of random search among candidate features: which is stabilised first, how often. */
export interface RandomSearchRace {
  readonly seed: number;
  readonly candidates: readonly { label: string; stabilizerOrder: bigint }[];
  /** How often each candidate was the first one stabilised (ties split evenly). */
  readonly firstCounts: readonly number[];
  readonly races: number;
}

/** One seed's random-search evidence, its self-check results, and the C0 checks of the world's primitives. */
export interface RandomSearchEvidence {
  readonly records: RandomSearchRecord[];
  readonly races: RandomSearchRace[];
  /** Chi-square of the hits against 1/|O| (src/experiments/checks), and of the race against its exact expectation. */
  readonly results: CheckResult[];
  readonly primitiveChecks: OrbitStabilizerCheck[];
}

/** Random search over the run's first finite group: the world's primitives and the final layer-1 units. */
export function collectRandomSearch(ctx: SeedContext): RandomSearchEvidence {
  const finite = ctx.config.groups.find((g): g is FinitePixelGroupName => (FINITE_PIXEL_GROUPS as readonly string[]).includes(g));
  const out: RandomSearchEvidence = { records: [], races: [], results: [], primitiveChecks: [] };
  if (!finite) return out;
  const n = ctx.height * ctx.width;
  const G = finitePixelGroup(finite, ctx.height, ctx.width);
  const last = ctx.images[0].length - 1;
  // primitives are exact 0/1 images (no quantisation); learned features are quantised
  const prim = ctx.world ? ctx.world.primitives.map((p) => ({ label: `primitive ${p.name}`, pixels: p.template })) : [];
  const units = ctx.images[0][last].length / n;
  const learned = Array.from({ length: units }, (_, u) => ({ label: `unit ${u}`, pixels: ctx.images[0][last].subarray(u * n, (u + 1) * n) }));
  const tallies = [...randomSearch(G, prim, ctx.config.draws, undefined, ctx.rng.fork(1)), ...randomSearch(G, learned, ctx.config.draws, ctx.config.levels, ctx.rng.fork(2))];
  for (const t of tallies) {
    out.records.push({ label: t.label, seed: ctx.seed, orbitSize: t.orbitSize, stabilizerOrder: t.stabilizerOrder, draws: t.draws, hits: t.hits });
  }
  out.results.push(chiSquareCheck(`random search, seed ${ctx.seed}`, out.records));
  for (const p of prim) {
    const s = imageStabilizer(G, p.pixels);
    out.primitiveChecks.push({ ...checkFiniteOrbitStabilizer(`seed ${ctx.seed} ${p.label} under ${finite}`, G, p.pixels, { orbitSize: s.orbitSize, stabilizerOrder: s.stabilizerOrder, stabilizer: s.stabilizer ?? [] }), group: finite, kind: 'finite' });
  }
  if (prim.length > 1) {
    const raceCount = Math.max(50, Math.round(ctx.config.draws / 40));
    const wins = randomSearchRace(G, prim, raceCount, undefined, ctx.rng.fork(3));
    out.races.push({ seed: ctx.seed, candidates: prim.map((c, i) => ({ label: c.label, stabilizerOrder: tallies[i].stabilizerOrder })), firstCounts: wins, races: raceCount });
    out.results.push(checkRace(`race among the primitives, seed ${ctx.seed}`, wins, raceCount, exactRaceShares(G, prim)));
  }
  return out;
}

/**
 * C1 as an engine self-check: for g uniform in G, P(g.x = x) = 1/|O(x)|, so the hits are checked
 * by a chi-square against the exact 1/|O| per seed, and the races among the primitives against
 * their exact win shares (G enumerated); a check fails below SELF_CHECK_ALPHA. The table pools the
 * tallies by orbit size.
 */
export function checkRandomSearch(recs: readonly RandomSearchRecord[], raceList: readonly RandomSearchRace[], results: readonly CheckResult[]): Check {
  const title = 'Random search stabilises with probability 1/|O|';
  const measured = 'Drew group elements uniformly at random and counted how often each feature was stabilised, against the exact 1/|O(f)| (chi-square per seed); races of random search among the primitives against their exact win shares from enumerating G.';
  if (recs.length === 0) return { status: 'not run', title, measured, n: 0, reason: 'no finite group was analysed' };
  const failures = results.filter((r) => !r.passed);
  const expected = recs.map((r) => r.draws / Number(r.orbitSize));
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
    .map(([orbit, r]) => ({ what: `features with |O| = ${orbit}`, features: r.features, draws: r.draws, 'stabilising draws': r.hits, expected: round(r.expected, 2), 'observed / expected': round(r.hits / r.expected, 4) }));
  const races = new Map<string, { wins: number; races: number }>();
  for (const race of raceList) {
    race.candidates.forEach((c, i) => {
      const row = races.get(c.label) ?? { wins: 0, races: 0 };
      row.wins += race.firstCounts[i];
      row.races += race.races;
      races.set(c.label, row);
    });
  }
  for (const [label, r] of races) table.push({ what: `race: ${label} stabilised first`, features: raceList.length, draws: r.races, 'stabilising draws': round(r.wins, 2), expected: '(exact, per seed: see checks)', 'observed / expected': '' });
  return {
    status: failures.length ? 'fail' : 'pass',
    title,
    measured,
    n: recs.length,
    ...(failures.length ? { reason: `BUG: ${failures[0].name}: ${failures[0].details}` } : {}),
    table: [...results.map((r) => ({ what: r.name, features: '', draws: '', 'stabilising draws': '', expected: r.details, 'observed / expected': r.passed ? 'pass' : 'FAIL' })), ...table],
  };
}

const round = (x: number, d: number) => Number(x.toFixed(d));
