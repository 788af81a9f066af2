import { z } from 'zod';

/**
 * The schema of `results.json`, the contract between the experiment runner, the report and the
 * explorer (a bottom module: it imports nothing of Orbitscope). Claims about learning (C2-C5) are
 * in `claims`, each judged on trained minus a declared control; the engine's self-checks (C0, C1),
 * which hold by construction when the code is right, are in `checks`. Numbers that are undefined on
 * the data (NaN) are written as null.
 */

/** Claims about learning, in report order; the one list every consumer iterates. */
export const ClaimIds = ['C2', 'C3', 'C4', 'C5'] as const;
export type ClaimId = (typeof ClaimIds)[number];

/** The engine's self-checks (SPEC.md C0, C1): reported apart, never as findings. */
export const CheckIds = ['C0', 'C1'] as const;
export type CheckId = (typeof CheckIds)[number];

const num = z.number().nullable();
export const IntervalSchema = z.tuple([z.number(), z.number()]).nullable();

/** One point of a claim's chart: x against y, with the feature it came from when there is one. */
export const ClaimPointSchema = z.object({
  x: num,
  y: num,
  label: z.string().optional(),
  series: z.string().optional(),
  seed: z.number().int().optional(),
  layer: z.number().int().optional(),
  unit: z.number().int().optional(),
});

/** A statistic with its interval. */
export const EstimateSchema = z.object({ statistic: num, ci: IntervalSchema });

/** A declared control: the same statistic computed on the control, and trained minus control. */
export const ControlSchema = z.object({
  /** Short name, e.g. "untrained features (snapshot 0)". */
  name: z.string(),
  statistic: num,
  ci: IntervalSchema,
  /** Trained minus this control (per seed, then across seeds). */
  difference: EstimateSchema,
});

/** A named secondary statistic: reported next to the verdict, never the verdict. */
export const SecondarySchema = z.object({
  name: z.string(),
  statistic: num,
  ci: IntervalSchema,
  note: z.string().optional(),
});

/** One seed's statistics: trained, the verdict's control and their difference. */
export const PerSeedSchema = z.object({
  seed: z.number().int(),
  statistic: num,
  ci: IntervalSchema,
  n: z.number().int(),
  verdict: z.string(),
  control: num.optional(),
  difference: num.optional(),
});

/** A row of the sensitivity analysis: the claim's statistic under another analysis choice. */
export const SensitivitySchema = z.object({
  /** What was varied, e.g. "eps = 0.25" or "complexity measure = total variation". */
  choice: z.string(),
  primary: z.boolean(),
  statistic: num,
  control: num,
  difference: num,
  ci: IntervalSchema,
});

export const ClaimSchema = z.object({
  verdict: z.enum(['supported', 'not supported', 'inconclusive']),
  /** The headline statistic (e.g. Spearman's rho), null when undefined on the data. */
  statistic: num,
  /** Bootstrap interval of the statistic over units and seeds. */
  ci: IntervalSchema,
  /** Number of observations behind the statistic. */
  n: z.number().int().nonnegative(),
  reason: z.string().optional(),
  /** Short title, e.g. "Minimal orbits first". */
  title: z.string(),
  /** One sentence: what was measured and on what. */
  measured: z.string(),
  /** What the statistic is, e.g. "Spearman rho(emergence step, orbit size)". */
  statisticName: z.string(),
  threshold: z.number(),
  /** Smallest difference that counts, declared before the run: supported needs the interval above threshold + this. */
  minimumEffect: z.number(),
  /** The control the verdict is judged against (the strictest of `controls`), null when none could be computed. */
  control: ControlSchema.nullable(),
  /** Trained minus `control`: the verdict's statistic. */
  difference: EstimateSchema.nullable(),
  /** Every declared control of the claim. */
  controls: z.array(ControlSchema),
  /** How the interval and the verdict were computed across seeds. */
  method: z.string().optional(),
  /** One sentence: what data would have made the claim come out not supported. */
  failsWhen: z.string(),
  secondary: z.array(SecondarySchema).optional(),
  sensitivity: z.array(SensitivitySchema).optional(),
  /** Said beside the verdict when the analysis choices disagree in sign. */
  sensitivityNote: z.string().optional(),
  /** The statistics for each seed alone. */
  perSeed: z.array(PerSeedSchema),
  /** Data behind the claim's chart. */
  points: z.array(ClaimPointSchema),
  /** Axis titles of the chart. */
  axes: z.object({ x: z.string(), y: z.string() }),
  /** Extra rows (e.g. the orbit-stabilizer table of C0). */
  table: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))).optional(),
});

export const SummarySchema = z.object({
  n: z.number().int(),
  mean: num,
  median: num,
  q05: num,
  q25: num,
  q75: num,
  q95: num,
});

export const LayerResultSchema = z.object({
  seed: z.number().int(),
  layer: z.number().int().positive(),
  sizes: z.tuple([z.number().int(), z.number().int()]),
  finalLoss: num,
  /** Mean training loss of each epoch in order; report and console note any epoch where it rose. */
  losses: z.array(num).optional(),
  residuals: z.object({ trained: SummarySchema, untrained: SummarySchema }),
  shadowErrors: z.record(z.string(), z.object({ trained: num, untrained: num })),
});

export const FeatureResultSchema = z.object({
  seed: z.number().int(),
  layer: z.number().int().positive(),
  unit: z.number().int().nonnegative(),
  /** Snapshot index into the run's snapshot list, with its training step and epoch. */
  snapshot: z.object({ index: z.number().int(), step: z.number().int(), epoch: z.number() }),
  /** Orbit numbers per group name (finite: orbitSize/stabilizerOrder as decimal strings; Lie: dims). */
  orbits: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string(), z.array(z.number()), z.array(z.string()), z.null()]))),
  complexity: z.object({ compressedBytes: z.number(), totalVariation: z.number(), spectralEntropy: z.number(), components: z.number() }),
  /** Epoch after which the unit stays within the cosine threshold of its final filter; null if never. */
  emergenceEpoch: num,
  matchedPrimitive: z.object({ name: z.string(), cosine: z.number() }).nullable(),
});

/**
 * Where one seed and layer's per-unit, per-snapshot records (FeatureResult) are: a Parquet table
 * in the run directory, one row per unit and snapshot (layout and columns: docs/unit-tables.md).
 */
export const UnitTableRefSchema = z.object({
  seed: z.number().int(),
  layer: z.number().int().positive(),
  /** Relative to the run directory, with forward slashes, e.g. "units/seed-0-layer-1.parquet". */
  path: z.string(),
  /** Units times snapshots. */
  rows: z.number().int().nonnegative(),
});

/** An engine self-check: passes when the code is right, whatever was learned. */
export const CheckSchema = z.object({
  status: z.enum(['pass', 'fail', 'not run']),
  title: z.string(),
  /** One sentence: what was checked, on what. */
  measured: z.string(),
  /** Observations checked. */
  n: z.number().int().nonnegative(),
  /** Why it failed or was not run; a failure is a bug in Orbitscope. */
  reason: z.string().optional(),
  table: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))).optional(),
});

/** Which data rows trained the networks and which were held out for the residual claims. */
export const DataSplitSchema = z.object({
  /** Rows used in training, as [start, end) ranges of dataset row indices. */
  training: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** Rows never used in training, the inputs of residuals and shadows, as [start, end) ranges. */
  heldOut: z.array(z.tuple([z.number().int(), z.number().int()])),
});

export const ResultsSchema = z.object({
  version: z.string(),
  config: z.record(z.string(), z.unknown()),
  checks: z.object(Object.fromEntries(CheckIds.map((c) => [c, CheckSchema])) as Record<CheckId, typeof CheckSchema>),
  claims: z.object(Object.fromEntries(ClaimIds.map((c) => [c, ClaimSchema])) as Record<ClaimId, typeof ClaimSchema>),
  dataSplit: DataSplitSchema.optional(),
  layers: z.array(LayerResultSchema),
  /** The per-unit, per-snapshot records live in these Parquet tables, not in results.json. */
  unitTables: z.array(UnitTableRefSchema),
  /** Wall-clock seconds per stage; the only field that may differ between reruns. */
  timings: z.record(z.string(), z.number()),
});

export type Claim = z.infer<typeof ClaimSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type Control = z.infer<typeof ControlSchema>;
export type Estimate = z.infer<typeof EstimateSchema>;
export type Secondary = z.infer<typeof SecondarySchema>;
export type Sensitivity = z.infer<typeof SensitivitySchema>;
export type PerSeed = z.infer<typeof PerSeedSchema>;
export type DataSplit = z.infer<typeof DataSplitSchema>;
export type ClaimPoint = z.infer<typeof ClaimPointSchema>;
export type LayerResult = z.infer<typeof LayerResultSchema>;
export type FeatureResult = z.infer<typeof FeatureResultSchema>;
export type UnitTableRef = z.infer<typeof UnitTableRefSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type Results = z.infer<typeof ResultsSchema>;
