import type { Claim, ClaimPoint, Control, PerSeed, Secondary, Sensitivity } from '../../../results/index.js';
import { inferAcrossSeeds } from '../../inference/acrossSeeds.js';
import { judgeAcrossSeeds, seedRule, type SeedVerdict } from '../../inference/seedVerdict.js';
import type { Verdict } from '../../verdict.js';

/** One seed's claim statistic on the trained network and on each declared control (null = undefined on that seed). */
export interface SeedStatistics {
  readonly seed: number;
  readonly trained: number | null;
  /** By control name, in the claim's declared order. */
  readonly controls: Readonly<Record<string, number | null>>;
  /** Observations behind the seed's statistic (units, inputs). */
  readonly n: number;
}

/** What a claim judged on trained minus control needs. */
export interface ControlledClaimInput {
  readonly title: string;
  readonly measured: string;
  readonly statisticName: string;
  /** Declared controls, in order; every SeedStatistics names each. */
  readonly controlNames: readonly string[];
  readonly seeds: readonly number[];
  readonly perSeed: readonly SeedStatistics[];
  readonly minimumEffect: number;
  readonly failsWhen: string;
  readonly points: readonly ClaimPoint[];
  readonly axes: { x: string; y: string };
  readonly table?: Claim['table'];
  readonly secondary?: readonly Secondary[];
  readonly sensitivity?: readonly Sensitivity[];
  readonly sensitivityNote?: string;
}

const RANK: Record<Verdict, number> = { 'not supported': 0, inconclusive: 1, supported: 2 };

/** The estimate and interval of a mean of per-seed values (t interval across seeds). */
export function acrossSeeds(seeds: readonly number[], value: (seed: number) => number | null): { statistic: number | null; ci: [number, number] | null } {
  const inf = inferAcrossSeeds(seeds.map((seed) => ({ seed, value: value(seed) })));
  return { statistic: inf.estimate, ci: inf.ci };
}

/**
 * A claim judged on trained minus control: per seed the trained statistic and each control's,
 * across seeds a Student t interval of each mean, and for each control the verdict of
 * judgeAcrossSeeds on the per-seed differences against the declared minimum effect. The claim's
 * verdict is the weakest of them (supported only when supported against every control: an
 * intersection-union test, valid at the nominal level without correction); `control` names the
 * control that decided it.
 */
export function controlledClaim(input: ControlledClaimInput): Claim {
  const rule = seedRule(input.minimumEffect);
  const bySeed = new Map(input.perSeed.map((s) => [s.seed, s]));
  const trainedOf = (seed: number) => bySeed.get(seed)?.trained ?? null;
  const controlOf = (name: string) => (seed: number) => bySeed.get(seed)?.controls[name] ?? null;
  const diffOf = (name: string) => (seed: number) => {
    const t = trainedOf(seed);
    const c = controlOf(name)(seed);
    return t === null || c === null || !Number.isFinite(t) || !Number.isFinite(c) ? null : t - c;
  };
  const trained = acrossSeeds(input.seeds, trainedOf);
  const judged: { control: Control; verdict: SeedVerdict }[] = input.controlNames.map((name) => {
    const verdict = judgeAcrossSeeds(input.seeds.map((seed) => ({ seed, value: diffOf(name)(seed) })), rule);
    const c = acrossSeeds(input.seeds, controlOf(name));
    return { control: { name, statistic: c.statistic, ci: c.ci, difference: { statistic: verdict.inference.estimate, ci: verdict.inference.ci } }, verdict };
  });
  // the deciding control: the weakest verdict, then the lowest lower bound of the difference
  const deciding = [...judged].sort((a, b) => RANK[a.verdict.verdict] - RANK[b.verdict.verdict] || (a.control.difference.ci?.[0] ?? -Infinity) - (b.control.difference.ci?.[0] ?? -Infinity))[0];
  const n = input.perSeed.reduce((s, p) => s + p.n, 0);
  const perSeed: PerSeed[] = input.seeds.map((seed) => {
    const s = bySeed.get(seed);
    return {
      seed,
      statistic: trainedOf(seed),
      ci: null,
      n: s?.n ?? 0,
      verdict: '',
      ...(deciding ? { control: controlOf(deciding.control.name)(seed), difference: diffOf(deciding.control.name)(seed) } : {}),
    };
  });
  const reason = deciding
    ? deciding.verdict.reason
      ? `against ${deciding.control.name}: ${deciding.verdict.reason}`
      : undefined
    : 'no control was declared';
  return {
    verdict: deciding ? deciding.verdict.verdict : 'inconclusive',
    statistic: trained.statistic,
    ci: trained.ci,
    n,
    ...(reason ? { reason } : {}),
    title: input.title,
    measured: input.measured,
    statisticName: input.statisticName,
    threshold: rule.threshold,
    minimumEffect: input.minimumEffect,
    control: deciding ? deciding.control : null,
    difference: deciding ? deciding.control.difference : null,
    controls: judged.map((j) => j.control),
    ...(deciding ? { method: `${deciding.verdict.inference.method}; verdict against every control, the weakest stands` } : {}),
    failsWhen: input.failsWhen,
    ...(input.secondary?.length ? { secondary: [...input.secondary] } : {}),
    ...(input.sensitivity?.length ? { sensitivity: [...input.sensitivity] } : {}),
    ...(input.sensitivityNote ? { sensitivityNote: input.sensitivityNote } : {}),
    perSeed,
    points: [...input.points],
    axes: input.axes,
    ...(input.table ? { table: input.table } : {}),
  };
}
