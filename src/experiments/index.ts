export { runExperiment, jsonReplacer, type RunOptions } from './runExperiment.js';
export { RunConfigSchema, resolveRunConfig, readConfigFile, PRESETS, FINITE_GROUPS, LIE_GROUPS, type RunConfig, type Preset } from './config.js';
export { ResultsSchema, ClaimSchema, ClaimIds, type Results, type Claim, type ClaimId, type FeatureResult, type LayerResult } from './results.js';
export { analyzeSeed, type SeedAnalysis, type SeedAnalysisInput, type WorldPrimitives } from './analyzeSeed.js';
export type { Evidence } from './evidence.js';
export * from './claims/index.js';
export { spearman, pearson, ranks, bootstrapInterval, spearmanWithInterval, type Interval, type BootstrapOptions } from './statistics.js';
export { judge, DEFAULT_RULE, type Verdict, type VerdictRule } from './verdict.js';
export { deepUnitViews, type DeepUnitView } from './deepUnitViews.js';
