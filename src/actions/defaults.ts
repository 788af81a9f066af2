/**
 * Defaults of the orbit of one image under an image-plane Lie group (`orbitscope orbit`,
 * orbitDimension, continuousOrbitReport, the epsilon measures). `tol` is the relative tolerance
 * of the tangent rank of a clean image: above the discretisation residual of exact symmetries
 * (see orbitDimension); learned features use the looser ANALYSIS_DEFAULTS.tol (analysis/defaults.ts).
 */
export const IMAGE_ORBIT_DEFAULTS = {
  tol: 1e-2,
  samples: 1024,
  interp: 'bilinear',
  border: 'zero',
} as const;
