import { InputRangeError } from '../core/index.js';
import type { AutoencoderOutputs } from './autoencoderOutputs.js';
import { glShadow, type GlShadowOptions } from './glShadow.js';
import { imageShadow, type ImageShadowOptions } from './imageShadow.js';
import { ALL_SHADOW_FAMILIES, IMAGE_SHADOW_FAMILIES, SHADOW_FAMILIES } from './families.js';
import { orthogonalShadow } from './orthogonalShadow.js';
import { p4mShadow } from './p4mShadow.js';
import { permutationShadow } from './permutationShadow.js';
import type { LieShadowFamily, ShadowFamily, ShadowResult } from './shadowResult.js';

export { ALL_SHADOW_FAMILIES, IMAGE_SHADOW_FAMILIES, SHADOW_FAMILIES };

/**
 * Options of `shadow`: GL's ridge options, and for the image families the image size
 * (`height`, `width`) with imageShadow's grid and refinement options.
 */
export type ShadowOptions = GlShadowOptions & Partial<ImageShadowOptions>;

/**
 * The shadow element of an autoencoder (given by its outputs on data) in one group family:
 * 'gl' (ridge least squares), 'o' (orthogonal Procrustes), 'perm' (pixel-permutation linear
 * assignment), the image-plane Lie families 'se2' | 'sim2' | 'gl2' | 'aff2' (grid then
 * Gauss-Newton, imageShadow) and 'p4m' (exact, over the 8 n^2 symmetries of the n x n torus,
 * p4mShadow). The image families need options.height and options.width. An unknown family, or
 * an image family without the image size, rejects with InputRangeError.
 */
export async function shadow(data: AutoencoderOutputs, family: ShadowFamily, options: ShadowOptions = {}): Promise<ShadowResult> {
  const { ridge, conditionNumber, height, width, ...image } = options;
  const gl: GlShadowOptions = { ...(ridge !== undefined ? { ridge } : {}), ...(conditionNumber !== undefined ? { conditionNumber } : {}) };
  const needSize = () => {
    if (height === undefined || width === undefined) throw new InputRangeError(`shadow: family "${family}" acts on images; give options.height and options.width`);
    return { height, width };
  };
  switch (family) {
    case 'gl':
      return glShadow(data, gl);
    case 'o':
      return orthogonalShadow(data);
    case 'perm':
      return permutationShadow(data);
    case 'p4m': {
      const s = needSize();
      return p4mShadow(data, s.height, s.width);
    }
    case 'se2':
    case 'sim2':
    case 'gl2':
    case 'aff2':
      return imageShadow(data, family as LieShadowFamily, { ...image, ...needSize() });
    default:
      throw new InputRangeError(`shadow: family must be one of ${ALL_SHADOW_FAMILIES.join(', ')}, got "${String(family)}"`);
  }
}
