/** Complexity measures of a feature (src/analysis/complexity.ts); the config names the primary one. Light: the CLI registrar imports it. */
export const COMPLEXITY_MEASURES = ['compressedBytes', 'totalVariation', 'spectralEntropy', 'components'] as const;
export type ComplexityMeasureName = (typeof COMPLEXITY_MEASURES)[number];
