import { randomSearch, randomSearchRace } from '../../analysis/randomSearch.js';
import { isFeatureFiniteGroup } from '../../groups/groupNames.js';
import { pixelGroup } from '../../groups/pixelGroup.js';
import type { Check } from '../../results/index.js';
import type { SeedContext } from '../claims/claimModule.js';
import type { OrbitStabilizerCheck } from './orbitStabilizer.js';
import { checkFiniteOrbitStabilizer, checkRace, checkSearchTallies as searchAgainstBinomial, exactRaceShares } from '../checks/index.js';
import { imageStabilizer } from '../../actions/imageStabilizer.js';

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
  /** Exact chance that each candidate wins a race, by enumerating G (exactRaceShares). */
  readonly exactShares: readonly number[];
  /** Elements of G that end a race (fix at least one candidate), and |G|. */
  readonly stoppingElements: number;
  readonly groupOrder: bigint;
}

/** One seed's random-search evidence, and the C0 checks of the primitives it measured exactly. */
export interface RandomSearchEvidence {
  readonly records: RandomSearchRecord[];
  readonly races: RandomSearchRace[];
  readonly primitiveChecks: OrbitStabilizerCheck[];
}

/** Random search over the run's first finite group: the world's primitives and the final layer-1 units. */
export function collectRandomSearch(ctx: SeedContext): RandomSearchEvidence {
  const finite = ctx.config.groups.find(isFeatureFiniteGroup);
  const out: RandomSearchEvidence = { records: [], races: [], primitiveChecks: [] };
  if (!finite) return out;
  const n = ctx.height * ctx.width;
  const G = pixelGroup(finite, ctx.height, ctx.width);
  const last = ctx.images[0].length - 1;
  // primitives are exact 0/1 images (no quantisation); learned features are quantised
  const prim = ctx.world ? ctx.world.primitives.map((p) => ({ label: `primitive ${p.name}`, pixels: p.template })) : [];
  const units = ctx.images[0][last].length / n;
  const learned = Array.from({ length: units }, (_, u) => ({ label: `unit ${u}`, pixels: ctx.images[0][last].subarray(u * n, (u + 1) * n) }));
  const tallies = [...randomSearch(G, prim, ctx.config.draws, undefined, ctx.rng.fork(1)), ...randomSearch(G, learned, ctx.config.draws, ctx.config.levels, ctx.rng.fork(2))];
  for (const t of tallies) {
    out.records.push({ label: t.label, seed: ctx.seed, orbitSize: t.orbitSize, stabilizerOrder: t.stabilizerOrder, draws: t.draws, hits: t.hits });
    const p = prim.find((c) => c.label === t.label);
    if (p) {
      const what = `seed ${ctx.seed} ${t.label}`;
      const s = imageStabilizer(G, p.pixels);
      const independent = s.stabilizer
        ? checkFiniteOrbitStabilizer(`${what} under ${finite}`, G, p.pixels, { orbitSize: t.orbitSize, stabilizerOrder: t.stabilizerOrder, stabilizer: s.stabilizer })
        : { name: what, passed: false, details: 'the engine returned no stabilizer group to check' };
      out.primitiveChecks.push({ what, group: finite, kind: 'finite', group_size: G.order(), orbit: t.orbitSize, stabilizer: t.stabilizerOrder, independent });
    }
  }
  if (prim.length > 1) {
    const raceCount = Math.max(50, Math.round(ctx.config.draws / 40));
    const wins = randomSearchRace(G, prim, raceCount, undefined, ctx.rng.fork(3));
    const exact = exactRaceShares(G, prim);
    out.races.push({
      seed: ctx.seed,
      candidates: prim.map((c, i) => ({ label: c.label, stabilizerOrder: tallies[i].stabilizerOrder })),
      firstCounts: wins,
      races: raceCount,
      exactShares: exact.shares,
      stoppingElements: exact.stoppingElements,
      groupOrder: exact.groupOrder,
    });
  }
  return out;
}

/**
 * C1 as an engine self-check of the uniform random-element generator: for g uniform in G,
 * P(g.x = x) = 1/|O(x)|, so each feature's stabilising draws are Binomial(draws, 1/|O|)
 * (chi-square over features), and each race's wins follow the exact shares from enumerating G
 * (chi-square per race). Passes when every test has p > SELF_CHECK_ALPHA (1e-4); a failure is a bug.
 */
export function checkRandomSearch(recs: readonly RandomSearchRecord[], raceList: readonly RandomSearchRace[]): Check {
  const title = 'Random search stabilises with probability 1/|O|';
  const measured =
    'Drew group elements uniformly at random and counted how often each feature was stabilised, against Binomial(draws, 1/|O(f)|) with the exact |O(f)| from the group engine (chi-square); races of random search among the primitives against the exact chance of winning, from enumerating G (chi-square per race).';
  if (recs.length === 0) return { status: 'not run', title, measured, n: 0, reason: 'no finite group was analysed' };
  const expected = recs.map((r) => r.draws / Number(r.orbitSize));
  const stat = recs.reduce((s, r) => s + r.hits, 0) / expected.reduce((s, v) => s + v, 0);
  const tests = [
    searchAgainstBinomial('stabilising draws of every feature', recs),
    ...raceList.map((race) => checkRace(`race of seed ${race.seed}`, race.firstCounts, race.races, { shares: [...race.exactShares], stoppingElements: race.stoppingElements, groupOrder: race.groupOrder })),
  ];
  const failed = tests.filter((t) => !t.passed);
  const status: Check['status'] = failed.length === 0 ? 'pass' : 'fail';
  const reason = failed.length ? `BUG: ${failed.length} of ${tests.length} tests fail; first: ${failed[0].name}: ${failed[0].details}` : undefined;
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
  const table: Record<string, string | number | null>[] = [
    { what: 'all features', features: recs.length, draws: recs.reduce((s, r) => s + r.draws, 0), 'stabilising draws': recs.reduce((s, r) => s + r.hits, 0), expected: round(expected.reduce((s, v) => s + v, 0), 2), 'observed / expected': round(stat, 4) },
    ...[...byOrbit.entries()]
      .sort((a, b) => Number(BigInt(a[0]) - BigInt(b[0])))
      .map(([orbit, r]) => ({ what: `features with |O| = ${orbit}`, features: r.features, draws: r.draws, 'stabilising draws': r.hits, expected: round(r.expected, 2), 'observed / expected': round(r.hits / r.expected, 4) })),
  ];
  const races = new Map<string, { wins: number; races: number; expected: number; seeds: number }>();
  for (const race of raceList) {
    race.candidates.forEach((c, i) => {
      const row = races.get(c.label) ?? { wins: 0, races: 0, expected: 0, seeds: 0 };
      row.wins += race.firstCounts[i];
      row.races += race.races;
      row.expected += race.exactShares[i] * race.races;
      row.seeds++;
      races.set(c.label, row);
    });
  }
  for (const [label, r] of races) {
    table.push({ what: `race: ${label} stabilised first`, features: r.seeds, draws: r.races, 'stabilising draws': round(r.wins, 2), expected: round(r.expected, 2), 'observed / expected': r.expected > 0 ? round(r.wins / r.expected, 4) : null });
  }
  return { status, title, measured, n: recs.length, ...(reason ? { reason } : {}), table };
}

const round = (x: number, d: number) => Number(x.toFixed(d));
