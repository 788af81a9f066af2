import { readFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { EXIT_INTERNAL, processIo, type Action, type Io } from '../program.js';
import { InputRangeError, InputTypeError, UserError } from '../../core/errors.js';
import { Perm, PermGroup, parseGenerators, type GeneratorText } from '../../groups/perm/index.js';
import type { GroupProgress } from '../../groups/schreier/progress.js';
import { ProductReplacement } from '../../groups/schreier/productReplacement.js';
import { RandomSource } from '../../core/random.js';

export interface GroupOptions {
  gens?: string[];
  gensFile?: string;
  degree?: number;
  orbitOf?: number;
  stabilizerOf?: number;
  stabilizerOfSet?: number[];
  stabilizerOfTuple?: number[];
  contains?: string;
  /** |G| when the user knows it (--order): the randomized chain stops on reaching it. */
  order?: bigint;
  full?: boolean;
  quiet?: boolean;
  json?: boolean;
}

/** Random elements that must lie in a chain that reached --order N (a wrong N below |G| passes with probability about 2^-20). */
const ORDER_HINT_TRIALS = 20;

/** Above this degree the orbits are summarised (count and sizes) unless --full (its --help says the same number). */
export const ORBIT_LIST_MAX_DEGREE = 1000;
/** Above this many points a base is shortened in text output unless --full. */
const BASE_TEXT_MAX = 40;

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

/**
 * Progress of the group computation on stderr: a cli-progress bar per stage on a terminal, one
 * line per stage (with the seconds the previous one took) otherwise. Quick runs print nothing:
 * lines start once the computation has run for `quietMs` (a second).
 */
export function groupProgress(io: Io, tty: NodeJS.WriteStream | null, quietMs = 1000): { report: (p: GroupProgress) => void; stop: () => void } {
  const t0 = performance.now();
  let stage = '';
  let stageStart = t0;
  let bar: cliProgress.SingleBar | null = null;
  let announced = false;
  const stop = () => {
    bar?.stop();
    bar = null;
    if (announced && !tty) io.err(`group: ${stage} done (${((performance.now() - stageStart) / 1000).toFixed(1)} s)`);
    announced = false;
  };
  return {
    report(p) {
      const now = performance.now();
      if (p.stage !== stage) {
        stop();
        stage = p.stage;
        stageStart = now;
        announced = false;
      }
      if (now - t0 < quietMs) return;
      if (tty) {
        if (!bar) {
          bar = new cliProgress.SingleBar({ stream: tty, format: `${stage} [{bar}] {percentage}% | {detail}`, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
          bar.start(1000, 0, { detail: '' });
        }
        bar.update(Math.round((p.fraction ?? 0) * 1000), { detail: p.detail ?? '' });
      } else if (!announced) {
        io.err(`group: ${stage}...`);
        announced = true;
      }
    },
    stop,
  };
}

/** `orbitscope group`: order, orbits, base and stabilizers of a permutation group given by generators. */
export const handle: Action<GroupOptions> = (o, _args, io) => {
  const texts: GeneratorText[] = (o.gens ?? []).map((text) => ({ text, where: `--gens "${text}"` }));
  if (o.gensFile !== undefined) texts.push(...readGensFile(o.gensFile));
  if (texts.length === 0) throw new InputTypeError('--gens: no generators given (use --gens "(1,2,3)" or --gens-file FILE)');
  const parsed = parseGenerators(texts, o.degree, '--gens');
  const tty = !o.quiet && io === processIo && process.stderr.isTTY ? process.stderr : null;
  const progress = o.quiet ? undefined : groupProgress(io, tty);
  const G = new PermGroup(parsed.generators, parsed.degree, { ...(progress ? { onProgress: progress.report } : {}), ...(o.order !== undefined ? { knownOrder: o.order } : {}) });
  try {
    return compute(G, o, io, progress);
  } catch (e) {
    progress?.stop();
    // an allocation that fails is a limit of this machine, not a bug: say so in one line
    if (e instanceof RangeError && /allocation|array length|Array buffer/i.test(e.message)) {
      io.err(`orbitscope group: out of memory for a group of degree ${G.degree} (${e.message}); see orbitscope group --help for the practical sizes`);
      return EXIT_INTERNAL;
    }
    throw e;
  }
};

function compute(G: PermGroup, o: GroupOptions, io: Io, progress: { report: (p: GroupProgress) => void; stop: () => void } | undefined): void {
  const n = G.degree;
  let certificate = G.certificate();
  if (o.order !== undefined) {
    // build the chain: a hint that the randomized chain does not reach ends in the exact verification
    G.chain();
    certificate = G.certificate() === 'known-order' ? 'order-hint' : G.certificate();
    // a chain that reached a hint below |G| is incomplete: it holds at most half of G, so each
    // random element misses it with probability at least 1/2
    if (certificate === 'order-hint') {
      const pr = new ProductReplacement(n, G.generators.map((g) => g.images), RandomSource.fromSeed(0));
      for (let k = 0; k < ORDER_HINT_TRIALS; k++)
        if (!G.contains(Perm.unsafeWrap(pr.next()))) throw new InputRangeError(`--order ${o.order}: below the group's order (a random element of the group lies outside the chain that reached ${o.order})`);
    }
    if (G.order() !== o.order) throw new InputRangeError(`--order ${o.order}: the group's order is ${G.order()} (${certificateText(certificate)}), not ${o.order}`);
  }
  const listOrbits = o.full || n <= ORBIT_LIST_MAX_DEGREE;
  const orbits = listOrbits ? G.orbits() : [];
  const sizes = G.orbitSizes();
  const orbitCount = [...sizes.values()].reduce((a, b) => a + b, 0);
  const out: Record<string, unknown> = {
    degree: n,
    order: G.order().toString(),
    certificate,
    orbitCount,
    // keys are sizes as strings: JSON objects list integer keys in increasing order
    orbitSizes: Object.fromEntries([...sizes.entries()].map(([size, count]) => [String(size), count])),
    ...(listOrbits ? { orbits: orbits.map((orb) => orb.map((p) => p + 1)) } : {}),
    base: G.base().map((p) => p + 1),
    strongGeneratorCount: G.strongGeneratorCount(),
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
  progress?.stop();
  if (o.json) {
    io.out(JSON.stringify(out));
    return;
  }
  const base = out.base as number[];
  const sizeText = Object.entries(out.orbitSizes as Record<string, number>)
    .map(([size, count]) => `${count} of size ${size}`)
    .join(', ');
  const lines = [
    `degree ${n}, order ${orderText(out.order as string, o.full)} (${G.giantKind() ? `exact: the ${G.giantKind()} group on its ${G.base().length + (G.giantKind() === 'symmetric' ? 1 : 2)} moved points, proved by a Jordan element` : certificateText(out.certificate as string)})`,
    listOrbits ? `orbits: ${orbits.map((orb) => `{${orb.map((p) => p + 1).join(',')}}`).join(' ')}` : `orbits: ${orbitCount} (${sizeText}); --full lists them`,
    `base: ${base.length <= BASE_TEXT_MAX || o.full ? base.join(',') : `${base.slice(0, BASE_TEXT_MAX).join(',')},... (${base.length} points; --full lists them)`} (${out.strongGeneratorCount} strong generators)`,
  ];
  if (out.orbitOf) lines.push(`orbit of ${o.orbitOf}: {${(out.orbitOf as number[]).join(',')}}`);
  if (out.stabilizerOrder) lines.push(`stabilizer of ${o.stabilizerOf}: order ${out.stabilizerOrder}`);
  if (out.setStabilizerOrder) lines.push(`setwise stabilizer of {${o.stabilizerOfSet!.join(',')}}: order ${out.setStabilizerOrder}`);
  if (out.tupleStabilizerOrder) lines.push(`pointwise stabilizer of (${o.stabilizerOfTuple!.join(',')}): order ${out.tupleStabilizerOrder}`);
  if (out.contains !== undefined) lines.push(`contains ${o.contains}: ${out.contains ? 'yes' : 'no'}`);
  io.out(lines.join('\n'));
}

/** The order in full up to 60 digits (or with --full), else its leading digits and length. */
function orderText(order: string, full?: boolean): string {
  if (full || order.length <= 60) return order;
  return `${order[0]}.${order.slice(1, 12)}e${order.length - 1} (${order.length} digits; --full or --json prints them all)`;
}

/** How the order was proved, in words. */
function certificateText(c: string): string {
  const words: Record<string, string> = {
    'direct-product': 'direct product of the groups on its orbits',
    'symmetric-bound': 'reached the order of the symmetric group on the moved points',
    'alternating-bound': 'reached the order of the alternating group on the moved points',
    'schreier-generators': 'verified by the deterministic Schreier generator test',
    'sims-verify': "randomized chain verified exactly by Sims' routine",
    deterministic: 'deterministic Schreier-Sims',
    'known-order': 'known order',
    'order-hint': 'the randomized chain reached the order given by --order and 20 more random elements lay in it; exact when --order is the order of the group, a smaller one passes with probability about 2^-20',
  };
  return `exact: ${words[c] ?? c}`;
}
