/**
 * The continuous-group half of `orbitscope orbit` (the finite half and the command itself live
 * in orbit.ts): validate --eps, --tol, --interp, --border, --samples and call the library.
 * `orbit --image FILE --group t2|so2|scale|se2|sim2|gl2|aff2 [--eps E] [--tol T]
 * [--interp bilinear|bicubic] [--border zero|periodic|reflect] [--samples N]` prints
 * {"group", "dim", "orbitDim", "stabilizerDim", "singularValues", ...} and, with --eps,
 * "epsStabilizerMeasure", "epsOrbitSize", "samples" (plus "box" and "errorFloor").
 */
import { z } from 'zod';
import { InputRangeError, UserError } from '../../core/errors.js';
import { parseOptions } from '../../core/validate.js';
import type { GrayImage } from '../../data/imageFile.js';
import { continuousOrbitReport, type ContinuousOrbitOptions, type ContinuousOrbitReport } from '../../actions/continuousOrbitReport.js';
import { BORDER_MODES, INTERPOLATIONS } from '../../actions/imageStack.js';
import { isLieGroupName, LIE_GROUP_NAMES } from '../../groups/groupNames.js';


/** Raw option values as commander hands them over (strings, or numbers when pre-parsed). */
export interface ContinuousFlags {
  eps?: string | number;
  tol?: string | number;
  interp?: string;
  border?: string;
  samples?: string | number;
}

const schema = z.strictObject({
  eps: z.union([z.string(), z.number()]).optional(),
  tol: z.union([z.string(), z.number()]).optional(),
  interp: z.string().optional(),
  border: z.string().optional(),
  samples: z.union([z.string(), z.number()]).optional(),
});

function numberFlag(flag: string, v: string | number | undefined, ok: (x: number) => boolean, what: string): number | undefined {
  if (v === undefined) return undefined;
  const x = typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v);
  if (!Number.isFinite(x) || !ok(x)) throw new UserError(`--${flag}: expected ${what}, got "${v}"`);
  return x;
}

function choiceFlag<T extends string>(flag: string, v: string | undefined, choices: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(choices as readonly string[]).includes(v)) throw new UserError(`--${flag}: expected one of ${choices.join(', ')}, got "${v}"`);
  return v as T;
}

/** Validate the continuous flags; UserError naming the flag otherwise. */
export function parseContinuousFlags(flags: ContinuousFlags): ContinuousOrbitOptions {
  const f = parseOptions('orbit', schema, flags);
  return {
    eps: numberFlag('eps', f.eps, (x) => x > 0, 'a number > 0'),
    tol: numberFlag('tol', f.tol, (x) => x > 0, 'a number > 0'),
    interp: choiceFlag('interp', f.interp, INTERPOLATIONS),
    border: choiceFlag('border', f.border, BORDER_MODES),
    samples: numberFlag('samples', f.samples, (x) => Number.isInteger(x) && x >= 1 && x <= 1 << 16, 'an integer in [1, 65536]'),
  };
}

/** Validate the flags and compute the report for one image (what `orbit` prints as JSON). */
export async function orbitContinuous(image: GrayImage, group: string, flags: ContinuousFlags): Promise<ContinuousOrbitReport> {
  if (!isLieGroupName(group)) throw new UserError(`--group: "${group}" is not a continuous group; expected one of ${LIE_GROUP_NAMES.join(', ')}`);
  const options = parseContinuousFlags(flags);
  if (image.height < 5 || image.width < 5) throw new UserError(`--image: the image is ${image.height} x ${image.width}; continuous groups need at least 5 x 5 pixels`);
  try {
    return await continuousOrbitReport(image, group, options);
  } catch (e) {
    // the one input problem the library finds late: a zero image inside the window
    if (e instanceof InputRangeError && /zero inside the window/.test(e.message)) throw new UserError('--image: the image is zero inside the window (the inscribed disk), so its orbit dimension is undefined');
    throw e;
  }
}
