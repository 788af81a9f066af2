import type { Perm } from '../groups/perm/Perm.js';
import type { PermGroup } from '../groups/perm/PermGroup.js';

/**
 * The elements of a finite pixel group: a PermGroup (enumerated through its stabilizer chain), or
 * the list of its distinct elements when the caller has them at hand (the explorer lists p4m's
 * 8 n^2 named elements instead of building p4m's chain in the browser).
 */
export type FiniteElements = PermGroup | readonly Perm[];

/** A group's elements in order, with the images of each pixel under all of them. */
export interface PixelMajorTable {
  /** The elements, in `elements()` order for a PermGroup. */
  readonly list: readonly Perm[];
  /** table[p |G| + k] = g_k(p); null when n |G| > TABLE_MAX. */
  readonly table: Int32Array | null;
}

/** Largest n |G| of a pixel-major table (2^23 entries, 32 MiB; p4m on 28 x 28 has 4.9 M). */
const TABLE_MAX = 1 << 23;

const tables = new WeakMap<object, PixelMajorTable>();

/**
 * The group's elements as a list and the pixel-major table of their images, built once per group
 * or list (callers must not modify either). Tests of many elements on a few pixels read one row
 * per pixel in memory order, where each element's own images would be a cache miss a pixel.
 */
export function pixelMajorTable(group: FiniteElements): PixelMajorTable {
  let hit = tables.get(group);
  if (!hit) {
    const list = Array.isArray(group) ? (group as readonly Perm[]) : [...(group as PermGroup).elements()];
    const n = list[0]?.degree ?? 0;
    const m = list.length;
    let table: Int32Array | null = null;
    if (n * m <= TABLE_MAX) {
      table = new Int32Array(n * m);
      for (let k = 0; k < m; k++) {
        const images = list[k].images;
        for (let p = 0; p < n; p++) table[p * m + k] = images[p];
      }
    }
    tables.set(group, (hit = { list, table }));
  }
  return hit;
}
