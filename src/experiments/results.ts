import { z } from 'zod';

/**
 * The schema of `results.json`, the contract between the experiment runner, the report and the
 * explorer. Field names listed in issue 8 (version, config, claims C0..C5 with verdict,
 * statistic, ci, n, reason; layers; features; timings) must not change. Numbers that are
 * undefined on the data (NaN) are written as null.
 */

export const ClaimIds = ['C0', 'C1', 'C2', 'C3', 'C4', 'C5'] as const;
export type ClaimId = (typeof ClaimIds)[number];

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
  /** The same statistic for each seed alone. */
  perSeed: z.array(z.object({ seed: z.number().int(), statistic: num, ci: IntervalSchema, n: z.number().int(), verdict: z.string() })),
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

export const ResultsSchema = z.object({
  version: z.string(),
  config: z.record(z.string(), z.unknown()),
  claims: z.object(Object.fromEntries(ClaimIds.map((c) => [c, ClaimSchema])) as Record<ClaimId, typeof ClaimSchema>),
  layers: z.array(LayerResultSchema),
  features: z.array(FeatureResultSchema),
  /** Wall-clock seconds per stage; the only field that may differ between reruns. */
  timings: z.record(z.string(), z.number()),
});

export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimPoint = z.infer<typeof ClaimPointSchema>;
export type LayerResult = z.infer<typeof LayerResultSchema>;
export type FeatureResult = z.infer<typeof FeatureResultSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type Results = z.infer<typeof ResultsSchema>;
