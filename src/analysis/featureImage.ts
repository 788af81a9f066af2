import { InputRangeError, InputTypeError, checkFinite, checkInteger } from '../core/index.js';

/** Throw a UserError naming `where` unless `pixels` is a finite h x w row-major image. */
export function checkFeatureImage(where: string, pixels: ArrayLike<number>, h: number, w: number): void {
  checkInteger(where, 'h', h, 1);
  checkInteger(where, 'w', w, 1);
  if (pixels === null || typeof pixels !== 'object' || typeof pixels.length !== 'number') {
    throw new InputTypeError(`${where}: pixels must be an array of numbers`);
  }
  if (pixels.length !== h * w) throw new InputRangeError(`${where}: pixels has ${pixels.length} values but h x w = ${h} x ${w} = ${h * w}`);
  checkFinite(where, 'pixels', pixels);
}
