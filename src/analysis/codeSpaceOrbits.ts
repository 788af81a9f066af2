import { quantizeLevels } from '../actions/quantize.js';

/**
 * log10 of the orbit size of a vector under the full symmetric group S_m permuting its m
 * coordinates, after quantising to `levels` levels (see quantiseLevels): the stabilizer is the
 * Young subgroup of the level multiplicities, so |O| = m! / prod_v m_v! (the closed form the
 * group engine uses for S_n). Used for a deep unit's weights over the codes of the layer below,
 * where no spatial group acts and any relabelling of code units is a symmetry.
 */
export function symmetricOrbitLog10(x: ArrayLike<number>, levels: number): number {
  const q = quantizeLevels(x, levels);
  const counts = new Map<number, number>();
  for (const v of q) counts.set(v, (counts.get(v) ?? 0) + 1);
  const logFactorial = (k: number) => {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log10(i);
    return s;
  };
  let out = logFactorial(q.length);
  for (const c of counts.values()) out -= logFactorial(c);
  return out;
}
