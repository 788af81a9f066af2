import type { RandomSource } from '../../core/random.js';
import { compose, identityArray, invert } from '../core/kernels.js';

/**
 * Product replacement random elements (Celler, Leedham-Green, Murray, Niemeyer and O'Brien
 * 1995; Seress section 2.2; Holt-Eick-O'Brien section 3.2, with the "rattle" accumulator
 * x0): keep r elements that generate G; each step replaces a_s by a_s a_t^{+-1} for random s != t
 * and multiplies the accumulator by the new a_s. Nearly uniform after a short warm-up; seeded.
 */
export class ProductReplacement {
  private readonly slots: Int32Array[];
  private acc: Int32Array;

  /** `gens` generate G (degree n); r = max(10, 2 |gens|) slots; `warmUp` initial steps (default 50). */
  constructor(
    degree: number,
    gens: readonly Int32Array[],
    private readonly rng: RandomSource,
    warmUp = 50,
  ) {
    const base = gens.length ? gens : [identityArray(degree)];
    const r = Math.max(10, 2 * base.length);
    this.slots = Array.from({ length: r }, (_, k) => base[k % base.length].slice());
    this.acc = identityArray(degree);
    for (let k = 0; k < warmUp; k++) this.next();
  }

  /** The next random element (a fresh array the caller may keep). */
  next(): Int32Array {
    const r = this.slots.length;
    const s = this.rng.int(r);
    let t = this.rng.int(r - 1);
    if (t >= s) t++;
    const other = this.rng.int(2) === 0 ? this.slots[t] : invert(this.slots[t]);
    this.slots[s] = this.rng.int(2) === 0 ? compose(this.slots[s], other) : compose(other, this.slots[s]);
    this.acc = compose(this.acc, this.slots[s]);
    return this.acc.slice();
  }
}
