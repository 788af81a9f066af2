/**
 * The continuous-group half of `orbitscope orbit` (the finite half and the command itself live
 * in orbit.ts): check the Lie group and the image, and call the library.
 * `orbit --image FILE --group t2|so2|scale|se2|sim2|gl2|aff2 [--eps E] [--tol T]
 * [--interp bilinear|bicubic] [--border zero|periodic|reflect] [--samples N]` prints
 * {"group", "dim", "orbitDim", "stabilizerDim", "singularValues", ...} and, with --eps,
 * "epsStabilizerMeasure", "epsOrbitSize", "samples" (plus "box" and "errorFloor").
 */
import { InputRangeError, UserError } from '../../core/errors.js';
import type { GrayImage } from '../../data/imageFile.js';
import { continuousOrbitReport, type ContinuousOrbitOptions, type ContinuousOrbitReport } from '../../actions/continuousOrbitReport.js';
import { isLieGroupName, LIE_GROUP_NAMES } from '../../groups/groupNames.js';

/** The report for one image (what `orbit` prints as JSON); the flags' values were validated by the registrar's parsers. */
export async function orbitContinuous(image: GrayImage, group: string, options: ContinuousOrbitOptions): Promise<ContinuousOrbitReport> {
  if (!isLieGroupName(group)) throw new UserError(`--group: "${group}" is not a continuous group; expected one of ${LIE_GROUP_NAMES.join(', ')}`);
  // --eps 0 is a valid count for finite groups (the exact stabilizer), not a measure over a Lie group's box
  if (options.eps !== undefined && !(options.eps > 0)) throw new UserError(`--eps: expected a number > 0 for the Lie group ${group}, got ${options.eps}`);
  if (image.height < 5 || image.width < 5) throw new UserError(`--image: the image is ${image.height} x ${image.width}; continuous groups need at least 5 x 5 pixels`);
  try {
    return await continuousOrbitReport(image, group, options);
  } catch (e) {
    // the one input problem the library finds late: a zero image inside the window
    if (e instanceof InputRangeError && /zero inside the window/.test(e.message)) throw new UserError('--image: the image is zero inside the window (the inscribed disk), so its orbit dimension is undefined');
    throw e;
  }
}
