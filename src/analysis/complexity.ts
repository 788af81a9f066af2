import { z } from 'zod';
import { parseOptions } from '../core/index.js';
import { COMPLEXITY_DEFAULTS, compressedLength } from './compressedLength.js';
import { connectedComponents } from './connectedComponents.js';
import { checkFeatureImage } from './featureImage.js';
import { spectralEntropy } from './spectralEntropy.js';
import { totalVariation } from './totalVariation.js';

const ComplexityOptions = z.strictObject({
  /** Equal-width bins before compression (equalWidthBins; not the stabilizers' quantisation levels). */
  bins: z.number().int().min(2).max(256).default(COMPLEXITY_DEFAULTS.bins),
  /** Foreground threshold t for components: |x| > t max|x|. */
  threshold: z.number().min(0).max(1).default(COMPLEXITY_DEFAULTS.threshold),
  /** Pixel connectivity of components. */
  connectivity: z.union([z.literal(4), z.literal(8)]).default(COMPLEXITY_DEFAULTS.connectivity),
  /** Treat the grid as a torus for total variation and components (the DFT is periodic anyway). */
  periodic: z.boolean().default(COMPLEXITY_DEFAULTS.periodic),
});

/** Options of `complexity` (defaults COMPLEXITY_DEFAULTS: 8 bins, t = 0.5, 8-connectivity, free boundary). */
export type ComplexityOptions = z.input<typeof ComplexityOptions>;

/** The complexity measures of one feature image, independent of any group (SPEC section 1). */
export interface Complexity {
  /** Raw-DEFLATE bytes of the feature binned into `bins` equal-width bins over its range (compressedLength). */
  readonly compressedBytes: number;
  /** Anisotropic total variation divided by max|x| (totalVariation). */
  readonly totalVariation: number;
  /** Shannon entropy in bits of the normalised non-DC power spectrum (spectralEntropy). */
  readonly spectralEntropy: number;
  /** Connected components of {|x| > t max|x|} (connectedComponents). */
  readonly components: number;
}

/**
 * The four complexity measures of an h x w feature image (row-major): compressed length,
 * total variation, spectral entropy and connected components, each as documented on its own
 * function. All four are invariant under x -> a x for a > 0; a constant image scores
 * TV 0, entropy 0 and one component.
 */
export function complexity(pixels: ArrayLike<number>, h: number, w: number, options: ComplexityOptions = {}): Complexity {
  const opts = parseOptions('complexity', ComplexityOptions, options);
  checkFeatureImage('complexity', pixels, h, w);
  return {
    compressedBytes: compressedLength(pixels, h, w, opts.bins),
    totalVariation: totalVariation(pixels, h, w, opts.periodic),
    spectralEntropy: spectralEntropy(pixels, h, w),
    components: connectedComponents(pixels, h, w, { threshold: opts.threshold, connectivity: opts.connectivity, periodic: opts.periodic }),
  };
}
