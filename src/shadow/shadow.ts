import { InputRangeError } from '../core/index.js';
import type { AutoencoderOutputs } from './autoencoderOutputs.js';
import { glShadow, type GlShadowOptions } from './glShadow.js';
import { orthogonalShadow } from './orthogonalShadow.js';
import { permutationShadow } from './permutationShadow.js';
import type { ShadowFamily, ShadowResult } from './shadowResult.js';

/** The shadow families that `shadow` accepts, in a stable order. */
export const SHADOW_FAMILIES: readonly ShadowFamily[] = ['gl', 'o', 'perm'];

/**
 * The shadow element of an autoencoder (given by its outputs on data) in one group family:
 * 'gl' (ridge least squares; `options` are GlShadowOptions), 'o' (orthogonal Procrustes) or
 * 'perm' (pixel-permutation linear assignment). See glShadow, orthogonalShadow, permutationShadow.
 * An unknown family rejects with InputRangeError.
 */
export async function shadow(data: AutoencoderOutputs, family: ShadowFamily, options: GlShadowOptions = {}): Promise<ShadowResult> {
  switch (family) {
    case 'gl':
      return glShadow(data, options);
    case 'o':
      return orthogonalShadow(data);
    case 'perm':
      return permutationShadow(data);
    default:
      throw new InputRangeError(`shadow: family must be one of ${SHADOW_FAMILIES.join(', ')}, got "${String(family)}"`);
  }
}
