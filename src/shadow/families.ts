import { LIE_SHADOW_GROUPS } from '../groups/groupNames.js';
import type { LieShadowFamily, MatrixShadowFamily, ShadowFamily } from './shadowResult.js';

// The family names alone, apart from the fitting code, so that `orbitscope shadow --help` can
// list them without loading it.

/** The families that need no image structure (any signal), in a stable order: the ones every layer gets. */
export const SHADOW_FAMILIES: readonly MatrixShadowFamily[] = ['gl', 'o', 'perm'];

/** The image-plane Lie families, in a stable order. */
export const LIE_SHADOW_FAMILIES: readonly LieShadowFamily[] = LIE_SHADOW_GROUPS;

/** The image-plane families: they need the image height and width. */
export const IMAGE_SHADOW_FAMILIES: readonly ShadowFamily[] = [...LIE_SHADOW_FAMILIES, 'p4m'];

/** Every family `shadow` accepts. */
export const ALL_SHADOW_FAMILIES: readonly ShadowFamily[] = [...SHADOW_FAMILIES, ...IMAGE_SHADOW_FAMILIES];
