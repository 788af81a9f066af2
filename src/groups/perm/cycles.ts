import { InputRangeError, InputTypeError } from '../../core/errors.js';

/**
 * Largest degree a permutation may have: 2^25 points (a permutation is then 128 MB, and a group
 * computation holds several). Beyond it arrays cannot be allocated reliably.
 */
export const MAX_DEGREE = 1 << 25;

const CYCLES = /^\s*(\(\s*\)|(\(\s*\d+(\s*,\s*\d+)*\s*\)\s*)+)\s*$/;

/**
 * Parse disjoint cycle notation, 1-based as in GAP: "(1,2,3)(4,5)"; "()" is the identity.
 * Returns 0-based images (p[i] = image of point i). The degree is `degree` when given (every
 * point must be at most it), otherwise the largest point named. Cycles must be disjoint: a point
 * named twice is an error (GAP would multiply overlapping cycles; here that is almost always a
 * typo). A 1-cycle "(5)" is allowed and only raises the degree.
 * Throws InputTypeError for malformed text and InputRangeError for bad points, naming `text`.
 * Example: parseCycles("(1,2,3)") -> Int32Array [1, 2, 0].
 */
export function parseCycles(text: string, degree?: number, where = 'cycle'): Int32Array {
  if (!CYCLES.test(text)) {
    throw new InputTypeError(`${where}: malformed cycle notation "${text}"; expected e.g. "(1,2,3)(4,5)" or "()"`);
  }
  const cycles: number[][] = [];
  for (const m of text.matchAll(/\(([^)]*)\)/g)) {
    const body = m[1].trim();
    if (body === '') continue;
    const points = body.split(',').map((s) => s.trim());
    const big = points.find((s) => Number(s) > MAX_DEGREE);
    if (big !== undefined) throw new InputRangeError(`${where}: point ${big} in "${text.length > 60 ? `${text.slice(0, 57)}...` : text}" is above the largest supported degree ${MAX_DEGREE}`);
    cycles.push(points.map(Number));
  }
  const seen = new Set<number>();
  let maxPoint = 0;
  for (const c of cycles) {
    for (const x of c) {
      if (x < 1) throw new InputRangeError(`${where}: point ${x} in "${text}" is not a positive integer (points are 1-based)`);
      if (seen.has(x)) throw new InputRangeError(`${where}: point ${x} is repeated in "${text}" (cycles must be disjoint)`);
      if (degree !== undefined && x > degree) throw new InputRangeError(`${where}: point ${x} in "${text}" is outside degree ${degree}`);
      seen.add(x);
      maxPoint = Math.max(maxPoint, x);
    }
  }
  const n = degree ?? maxPoint;
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (const c of cycles) for (let k = 0; k < c.length; k++) p[c[k] - 1] = c[(k + 1) % c.length] - 1;
  return p;
}

/** Format 0-based images as 1-based disjoint cycles, least point first: "(1,2,3)(4,5)", or "()". */
export function formatCycles(p: ArrayLike<number>): string {
  const seen = new Uint8Array(p.length);
  let s = '';
  for (let i = 0; i < p.length; i++) {
    if (seen[i] || p[i] === i) continue;
    const cyc: number[] = [];
    for (let j = i; !seen[j]; j = p[j]) {
      seen[j] = 1;
      cyc.push(j + 1);
    }
    s += `(${cyc.join(',')})`;
  }
  return s === '' ? '()' : s;
}
