import { InputRangeError, InputTypeError, InvalidInputError } from '../../core/errors.js';
import { isPermutation } from '../core/kernels.js';
import { MAX_DEGREE, parseCycles } from './cycles.js';
import { Perm } from './Perm.js';
import { PermGroup } from './PermGroup.js';

/** One generator's text and the name to use for it in error messages ("--gens", "gens.txt, line 3"). */
export interface GeneratorText {
  readonly text: string;
  readonly where: string;
}

/**
 * Parse a 1-based image list "[2,3,1]" (GAP's PermList): the degree is the list's length.
 * Throws InputTypeError naming `where` unless it is a permutation of 1..n.
 */
export function parseImageList(text: string, where = 'generator'): Int32Array {
  const m = /^\s*\[\s*(\d+(\s*,\s*\d+)*)?\s*\]\s*$/.exec(text);
  if (!m) throw new InputTypeError(`${where}: malformed image list "${text}"; expected e.g. "[2,3,1]"`);
  const images = m[1] ? m[1].split(',').map((s) => Number(s.trim()) - 1) : [];
  if (images.length > MAX_DEGREE) throw new InputRangeError(`${where}: ${images.length} images is above the largest supported degree ${MAX_DEGREE}`);
  if (!isPermutation(images)) throw new InputRangeError(`${where}: "${text}" is not a permutation of 1..${images.length}`);
  return Int32Array.from(images);
}

/**
 * Generators from text, each in cycle notation "(1,2,3)(4,5)" (no fixed degree) or as an image
 * list "[2,3,1]" (degree = its length). The degree is `degree` when given, else that of the
 * image lists (which must all agree: otherwise the generators have different degrees, an error),
 * else the largest point named in any cycle. Every error names the generator's `where`.
 */
export function parseGenerators(texts: readonly GeneratorText[], degree?: number, where = 'generators'): PermGroup {
  if (texts.length === 0) throw new InputTypeError(`${where}: no generators given`);
  const lists = texts.map((t) => (t.text.trim().startsWith('[') ? parseImageList(t.text, t.where) : undefined));
  const fixed = new Set<number>(lists.filter((l): l is Int32Array => l !== undefined).map((l) => l.length));
  if (fixed.size > 1) throw new InputRangeError(`${where}: generators of different degrees (${[...fixed].sort((a, b) => a - b).join(' and ')})`);
  if (degree !== undefined && fixed.size === 1 && !fixed.has(degree)) throw new InvalidInputError('parseGenerators', 'degree', `${degree}, but the image lists of ${where} have degree ${[...fixed][0]}`);
  if (degree !== undefined) fixed.add(degree);
  const n = fixed.size === 1 ? [...fixed][0] : Math.max(1, ...texts.map((t) => parseCycles(t.text, undefined, t.where).length));
  const gens = texts.map((t, k) => Perm.unsafeWrap(lists[k] ?? parseCycles(t.text, n, t.where)));
  return new PermGroup(gens, n);
}

/**
 * Parse a generators file: one generator per line (cycle notation or image list); '#' starts a
 * comment; blank lines are skipped. The degree is `degree` when given, else as parseGenerators.
 * Errors name `name` (the file) and the line.
 */
export function parseGeneratorsFile(text: string, name: string, degree?: number): PermGroup {
  const lines = text
    .split(/\r?\n/)
    .map((l, k) => ({ text: l.replace(/#.*$/, '').trim(), where: `${name}, line ${k + 1}` }))
    .filter((l) => l.text !== '');
  if (lines.length === 0) throw new InputTypeError(`${name}: no generators (expected one generator per line, e.g. "(1,2,3)(4,5)")`);
  return parseGenerators(lines, degree, name);
}
