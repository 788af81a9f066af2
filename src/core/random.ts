import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { checkInteger } from './validate.js';

/** Serialisable state of a RandomSource, for checkpoints. */
export interface RandomState {
  readonly generator: 'xoroshiro128plus';
  readonly state: readonly number[];
  /** A cached second normal deviate (Box-Muller gives two), or null. */
  readonly spareNormal: number | null;
}

/**
 * The one seeded random source of Orbitscope (xoroshiro128+ from pure-rand).
 * Every random choice (weight init, shuffles, noise, Monte Carlo, random Schreier-Sims)
 * draws from one of these; `Math.random` is never used, so a seed fixes every result.
 */
export class RandomSource {
  private constructor(
    private readonly rng: JumpableRandomGenerator,
    private spare: number | null = null,
  ) {}

  /** A source seeded by an integer (any safe integer; only the low 32 bits matter). */
  static fromSeed(seed: number): RandomSource {
    checkInteger('RandomSource.fromSeed', 'seed', seed);
    return new RandomSource(xoroshiro128plus(seed | 0));
  }

  /** Restore a source from `getState()`: it continues exactly where the saved one stood. */
  static fromState(state: RandomState): RandomSource {
    return new RandomSource(xoroshiro128plusFromState(state.state), state.spareNormal);
  }

  /** The state to store in a checkpoint. */
  getState(): RandomState {
    return { generator: 'xoroshiro128plus', state: [...this.rng.getState()], spareNormal: this.spare };
  }

  /** An independent copy that continues with the same numbers. */
  clone(): RandomSource {
    return new RandomSource(this.rng.clone(), this.spare);
  }

  /**
   * A child stream for a sub-task, independent of this one (xoroshiro128+ jump of 2^64 steps
   * from a clone), so that adding draws in one task does not shift the numbers of another.
   * Children are numbered: fork(k) always returns the same stream for the same k.
   */
  fork(k: number): RandomSource {
    checkInteger('RandomSource.fork', 'k', k, 0);
    const child = this.rng.clone();
    for (let i = 0; i <= k; i++) child.jump();
    return new RandomSource(child);
  }

  /** Uniform float in [0, 1) with 53 random bits. */
  float(): number {
    return uniformFloat64(this.rng);
  }

  /**
   * The generator's next raw 32-bit output as a signed integer (float() consumes two: the low 26
   * bits of the first and the low 27 bits of the second). For hot loops that need raw bits.
   */
  next32(): number {
    return this.rng.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    checkInteger('RandomSource.int', 'n', n, 1);
    return uniformInt(this.rng, 0, n - 1);
  }

  /** Standard normal deviate (Box-Muller, polar form). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.float() - 1;
      v = 2 * this.float() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  /** Fill `out` with uniform floats in [lo, hi). */
  fillUniform<T extends Float32Array | Float64Array>(out: T, lo = 0, hi = 1): T {
    const w = hi - lo;
    for (let i = 0; i < out.length; i++) out[i] = lo + w * this.float();
    return out;
  }

  /** Fill `out` with normal deviates of the given mean and standard deviation. */
  fillNormal<T extends Float32Array | Float64Array>(out: T, mean = 0, std = 1): T {
    for (let i = 0; i < out.length; i++) out[i] = mean + std * this.normal();
    return out;
  }

  /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    this.shuffle(p);
    return p;
  }

  /** Shuffle an array in place (Fisher-Yates) and return it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
