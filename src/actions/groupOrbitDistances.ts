import type { LieGroup } from '../groups/lie/LieGroup.js';
import { imageWindow, type WindowKind } from './imageWindow.js';
import type { ImageStack } from './imageStack.js';
import { orbitDistances, type ResampleOptions } from './resample.js';

/**
 * Windowed relative distances ||W(g.x - x)|| / ||W x|| for every image of a stack (F, h, w) and
 * every element given by its parameter vector in `group` (e.g. so2 angles): (F, G) float64,
 * computed in the graph (orbitDistances). Window default: the soft inscribed disk, or all ones
 * with periodic borders.
 */
export function groupOrbitDistances(
  images: ImageStack,
  group: LieGroup,
  params: readonly ArrayLike<number>[],
  options: ResampleOptions & { window?: WindowKind } = {},
): Promise<Float64Array> {
  const window = imageWindow(images.height, images.width, options.window ?? (options.border === 'periodic' ? 'none' : 'disk'));
  return orbitDistances(images, params.map((p) => group.matrix(p)), window, options);
}
