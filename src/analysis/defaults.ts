/**
 * The analysis settings of learned features, one object for `orbitscope run` (its config schema,
 * experiments/config.ts), `orbitscope analyze` (analyzeModel, analyzeOnnx and the command's
 * --help) and featureOrbits:
 * - `levels`: quantisation levels before exact finite stabilizers (quantiseLevels);
 * - `tol`: relative tolerance of the tangent rank of a learned feature. Looser than the 0.01 of
 *   one clean image (IMAGE_ORBIT_DEFAULTS in actions/defaults.ts): trained filters are noisy and
 *   thin, so their spectra have small non-zero tails that must not count as orbit directions;
 * - `samples`: Halton samples of each Lie group's box for the epsilon measures (fewer than the
 *   1024 of one image: the analysis measures every unit of every seed);
 * - `emergenceCosine`: cosine to the final filter from which a unit counts as settled;
 * - `eps`, `finiteEps`: the run's epsilon of the Lie groups' and of the finite groups' (mean-centred)
 *   epsilon measures, relative to ||x|| (`analyze` measures them only when given --eps).
 */
export const ANALYSIS_DEFAULTS = {
  levels: 3,
  tol: 0.05,
  samples: 128,
  emergenceCosine: 0.9,
  eps: 0.25,
  finiteEps: 0.5,
} as const;
