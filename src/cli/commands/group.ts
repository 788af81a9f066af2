import { readFileSync } from 'node:fs';
import type { Action } from '../program.js';
import { InputRangeError, InputTypeError, UserError } from '../../core/errors.js';
import { Perm, parseGenerators, type GeneratorText } from '../../groups/perm/index.js';

export interface GroupOptions {
  gens?: string[];
  gensFile?: string;
  degree?: number;
  orbitOf?: number;
  stabilizerOf?: number;
  stabilizerOfSet?: number[];
  stabilizerOfTuple?: number[];
  contains?: string;
  json?: boolean;
}

function readGensFile(path: string): GeneratorText[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`--gens-file ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return text
    .split(/\r?\n/)
    .map((l, k) => ({ text: l.replace(/#.*$/, '').trim(), where: `--gens-file ${path}, line ${k + 1}` }))
    .filter((l) => l.text !== '');
}

function checkPoints(flag: string, points: readonly number[], degree: number): number[] {
  for (const p of points) if (p > degree) throw new InputRangeError(`${flag}: point ${p} is outside degree ${degree}`);
  if (new Set(points).size !== points.length) throw new InputRangeError(`${flag}: points repeat in ${points.join(',')}`);
  return points.map((p) => p - 1);
}

/** `orbitscope group`: order, orbits, base and stabilizers of a permutation group given by generators. */
export const handle: Action<GroupOptions> = (o, _args, io) => {
  const texts: GeneratorText[] = (o.gens ?? []).map((text) => ({ text, where: `--gens "${text}"` }));
  if (o.gensFile !== undefined) texts.push(...readGensFile(o.gensFile));
  if (texts.length === 0) throw new InputTypeError('--gens: no generators given (use --gens "(1,2,3)" or --gens-file FILE)');
  const G = parseGenerators(texts, o.degree, '--gens');
  const n = G.degree;
  const out: Record<string, unknown> = {
    degree: n,
    order: G.order().toString(),
    orbits: G.orbits().map((orb) => orb.map((p) => p + 1)),
    base: G.base().map((p) => p + 1),
    strongGeneratorCount: G.strongGenerators().length,
  };
  if (o.orbitOf !== undefined) {
    const [p] = checkPoints('--orbit-of', [o.orbitOf], n);
    out.orbitOf = G.orbit(p).map((q) => q + 1).sort((a, b) => a - b);
  }
  if (o.stabilizerOf !== undefined) {
    const [p] = checkPoints('--stabilizer-of', [o.stabilizerOf], n);
    out.stabilizerOrder = G.pointStabilizer(p).order().toString();
  }
  if (o.stabilizerOfSet !== undefined) out.setStabilizerOrder = G.setwiseStabilizer(checkPoints('--stabilizer-of-set', o.stabilizerOfSet, n)).order().toString();
  if (o.stabilizerOfTuple !== undefined) out.tupleStabilizerOrder = G.pointwiseStabilizer(checkPoints('--stabilizer-of-tuple', o.stabilizerOfTuple, n)).order().toString();
  if (o.contains !== undefined) {
    const g = o.contains.trim().startsWith('[') ? parseGenerators([{ text: o.contains, where: '--contains' }], n).generators[0] : Perm.parse(o.contains, n, '--contains');
    out.contains = G.contains(g);
  }
  if (o.json) {
    io.out(JSON.stringify(out));
    return;
  }
  const lines = [
    `degree ${n}, order ${out.order}`,
    `orbits: ${(out.orbits as number[][]).map((orb) => `{${orb.join(',')}}`).join(' ')}`,
    `base: ${(out.base as number[]).join(',')} (${out.strongGeneratorCount} strong generators)`,
  ];
  if (out.orbitOf) lines.push(`orbit of ${o.orbitOf}: {${(out.orbitOf as number[]).join(',')}}`);
  if (out.stabilizerOrder) lines.push(`stabilizer of ${o.stabilizerOf}: order ${out.stabilizerOrder}`);
  if (out.setStabilizerOrder) lines.push(`setwise stabilizer of {${o.stabilizerOfSet!.join(',')}}: order ${out.setStabilizerOrder}`);
  if (out.tupleStabilizerOrder) lines.push(`pointwise stabilizer of (${o.stabilizerOfTuple!.join(',')}): order ${out.tupleStabilizerOrder}`);
  if (out.contains !== undefined) lines.push(`contains ${o.contains}: ${out.contains ? 'yes' : 'no'}`);
  io.out(lines.join('\n'));
};
