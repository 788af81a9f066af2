import { InputRangeError, InputTypeError } from '../../core/errors.js';
import { compose, cycleType, equals, identityArray, invert, isEven, isIdentity, isPermutation, power } from '../core/kernels.js';
import { formatCycles, parseCycles } from './cycles.js';

/**
 * An immutable permutation of {0, ..., degree-1} (printed 1-based, as GAP does).
 * Groups act from the right: `p.mul(q)` applies p first, then q (i^(pq) = (i^p)^q), as in GAP
 * and SymPy. The wrapped array is never mutated; kernels in kernels.ts do the work.
 */
export class Perm {
  private constructor(readonly images: Int32Array) {}

  /** The degree (number of points). */
  get degree(): number {
    return this.images.length;
  }

  /** The identity of degree n. */
  static identity(n: number): Perm {
    return new Perm(identityArray(n));
  }

  /** A permutation from 0-based images; validates (and copies) them. */
  static fromImages(images: ArrayLike<number>): Perm {
    if (!isPermutation(images)) throw new InputRangeError(`Perm.fromImages: [${Array.from(images).join(',')}] is not a permutation of 0..${images.length - 1}`);
    return new Perm(Int32Array.from(images));
  }

  /** Wrap an Int32Array that the caller promises is a valid permutation and will not mutate. */
  static unsafeWrap(images: Int32Array): Perm {
    return new Perm(images);
  }

  /** Parse 1-based cycle notation "(1,2,3)(4,5)" (see parseCycles). */
  static parse(text: string, degree?: number, where = 'cycle'): Perm {
    if (typeof text !== 'string') throw new InputTypeError(`${where}: expected cycle notation text`);
    return new Perm(parseCycles(text, degree, where));
  }

  /** this*q: apply this, then q. */
  mul(q: Perm): Perm {
    if (q.degree !== this.degree) throw new InputRangeError(`Perm.mul: degrees differ (${this.degree} and ${q.degree})`);
    return new Perm(compose(this.images, q.images));
  }

  /** The inverse. */
  inv(): Perm {
    return new Perm(invert(this.images));
  }

  /** this^k for any integer k. */
  pow(k: number): Perm {
    return new Perm(power(this.images, k));
  }

  /** The image i^this of a 0-based point. */
  image(i: number): number {
    return this.images[i];
  }

  equals(q: Perm): boolean {
    return equals(this.images, q.images);
  }

  isIdentity(): boolean {
    return isIdentity(this.images);
  }

  isEven(): boolean {
    return isEven(this.images);
  }

  /** The order of the permutation: lcm of its cycle lengths. */
  order(): bigint {
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
    return cycleType(this.images).reduce((acc, l) => (acc * BigInt(l)) / gcd(acc, BigInt(l)), 1n);
  }

  /** 1-based disjoint cycle notation, "()" for the identity. */
  toString(): string {
    return formatCycles(this.images);
  }
}
