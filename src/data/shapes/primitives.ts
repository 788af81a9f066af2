import { RandomSource } from '../../core/random.js';
import { checkInteger } from '../../core/validate.js';
import { InputRangeError } from '../../core/errors.js';
import { p4mPoint, type P4mElement } from '../../groups/perm/p4mElement.js';

/** The primitives of the binary shapes world, in catalogue order. */
export const BINARY_PRIMITIVES = ['dot', 'plus', 'square', 'line', 'diagonal', 'bar', 'corner', 'tee', 'blob'] as const;
export type BinaryPrimitive = (typeof BINARY_PRIMITIVES)[number];

/** Smallest torus side the binary primitives are defined on (the blob and the square need room). */
export const MIN_SHAPES_N = 6;

/**
 * The canonical image of one primitive on the n x n torus (pixel values exactly 0 or 1,
 * row-major, index row * n + col). Every placed primitive in a binary shapes image is
 * g.template for a P4mElement g; `anchor` is a marked pixel of the template (the dot, the
 * centre of the plus, the vertex of the corner, ...) whose image g(anchor) is reported as the
 * primitive's position.
 */
export interface PrimitiveTemplate {
  readonly name: BinaryPrimitive;
  readonly n: number;
  readonly pixels: Float32Array;
  readonly anchor: readonly [number, number];
  /** One line saying what the template is, with its sizes for this n. */
  readonly description: string;
}

/** Sizes that scale with n: short bar length, arm lengths, square side. */
function sizes(n: number) {
  return {
    c: Math.floor((n - 1) / 2),
    bar: Math.max(3, Math.floor(n / 4)),
    plusArm: Math.max(1, Math.floor(n / 8)),
    cornerArm: Math.max(2, Math.floor(n / 5)),
    teeArm: Math.max(1, Math.floor(n / 6)),
    square: Math.max(3, Math.floor(n / 4)),
  };
}

// The blob is a fixed random polyomino (seed below), grown cell by cell inside a 4 x 4 box and
// redrawn until none of the 7 non-identity grid symmetries maps it onto a translate of itself,
// so its stabilizer in p4m is trivial. The catalogue recomputes that with the group engine.
const BLOB_SEED = 1412_6621;
const BLOB_CELLS = 6;

function normalize(cells: Array<[number, number]>): string {
  const r0 = Math.min(...cells.map((p) => p[0]));
  const c0 = Math.min(...cells.map((p) => p[1]));
  return cells
    .map(([r, c]) => `${r - r0},${c - c0}`)
    .sort()
    .join(';');
}

function blobCells(): Array<[number, number]> {
  const rng = RandomSource.fromSeed(BLOB_SEED);
  const big = 64; // a plane large enough that grid symmetries never wrap
  for (;;) {
    const set = new Set<string>(['0,0']);
    const cells: Array<[number, number]> = [[0, 0]];
    while (cells.length < BLOB_CELLS) {
      const [r, c] = cells[rng.int(cells.length)];
      const [dr, dc] = [[0, 1], [1, 0], [0, -1], [-1, 0]][rng.int(4)];
      const q: [number, number] = [r + dr, c + dc];
      if (Math.abs(q[0]) > 1 || Math.abs(q[1]) > 1 || set.has(`${q[0]},${q[1]}`)) continue;
      set.add(`${q[0]},${q[1]}`);
      cells.push(q);
    }
    const self = normalize(cells);
    let symmetric = false;
    for (let rot = 0; rot < 4 && !symmetric; rot++) {
      for (const mirror of [false, true]) {
        if (rot === 0 && !mirror) continue;
        const g: P4mElement = { rotation: rot, mirror, shift: [0, 0] };
        if (normalize(cells.map(([r, c]) => p4mPoint(big, g, r + 8, c + 8))) === self) symmetric = true;
      }
    }
    if (!symmetric) return cells;
  }
}

/** The canonical template of one binary primitive on the n x n torus (n >= 6). */
export function primitiveTemplate(name: BinaryPrimitive, n: number): PrimitiveTemplate {
  checkInteger('primitiveTemplate', 'n', n, MIN_SHAPES_N, 1024);
  const s = sizes(n);
  const { c } = s;
  const pixels = new Float32Array(n * n);
  const set = (r: number, col: number) => {
    pixels[(((r % n) + n) % n) * n + (((col % n) + n) % n)] = 1;
  };
  let anchor: [number, number] = [c, c];
  let description: string;
  switch (name) {
    case 'dot':
      set(c, c);
      description = 'a single pixel';
      break;
    case 'plus':
      for (let k = -s.plusArm; k <= s.plusArm; k++) {
        set(c, c + k);
        set(c + k, c);
      }
      description = `a plus sign with arms of ${s.plusArm} pixel(s) (${4 * s.plusArm + 1} pixels)`;
      break;
    case 'square': {
      const r0 = Math.floor((n - s.square) / 2);
      for (let k = 0; k < s.square; k++) {
        set(r0, r0 + k);
        set(r0 + s.square - 1, r0 + k);
        set(r0 + k, r0);
        set(r0 + k, r0 + s.square - 1);
      }
      anchor = [r0, r0];
      description = `a square outline of side ${s.square}`;
      break;
    }
    case 'line':
      for (let k = 0; k < n; k++) set(c, k);
      anchor = [c, 0];
      description = 'a full-length horizontal line (closes on the torus)';
      break;
    case 'diagonal':
      for (let k = 0; k < n; k++) set(k, k);
      anchor = [0, 0];
      description = 'a full-length diagonal line (closes on the square torus)';
      break;
    case 'bar': {
      const c0 = Math.floor((n - s.bar) / 2);
      for (let k = 0; k < s.bar; k++) set(c, c0 + k);
      anchor = [c, c0];
      description = `a horizontal bar of ${s.bar} pixels`;
      break;
    }
    case 'corner':
      for (let k = 0; k <= s.cornerArm; k++) {
        set(c, c + k);
        set(c + k, c);
      }
      description = `an L-shaped corner with arms of ${s.cornerArm} pixels beyond the vertex`;
      break;
    case 'tee':
      for (let k = -s.teeArm; k <= s.teeArm; k++) set(c, c + k);
      for (let k = 1; k <= s.teeArm + 1; k++) set(c + k, c);
      description = `a T-junction: a bar of ${2 * s.teeArm + 1} pixels with a stem of ${s.teeArm + 1}`;
      break;
    case 'blob': {
      const cells = blobCells();
      for (const [r, col] of cells) set(c + r, c + col);
      description = `a fixed random polyomino of ${BLOB_CELLS} pixels with no symmetry`;
      break;
    }
    default:
      throw new InputRangeError(`primitiveTemplate: unknown primitive "${name as string}"; expected one of ${BINARY_PRIMITIVES.join(', ')}`);
  }
  return { name, n, pixels, anchor, description };
}

/** Templates of every binary primitive on the n x n torus, in BINARY_PRIMITIVES order. */
export function primitiveTemplates(n: number): PrimitiveTemplate[] {
  return BINARY_PRIMITIVES.map((p) => primitiveTemplate(p, n));
}

