// Issue 21's cases at GAP's scale: degree, order, seconds and peak memory per case, each in a
// fresh process (peak RSS is per process) with a time limit. GAP's times are the figures
// (GAP 4.12 on the issue author's machine; GAP is not installed here), so `vsGap` is indicative.
// Run: npx tsx bench/groupsScale.ts [case ...]   (default: every case; ORBITSCOPE_BENCH_LIMIT_S=120)
// Prints {"bench":"groupsScale","loadAverage","cases":[{case,degree,order,correct,seconds,cpuSeconds,peakMiB,certificate,gapSeconds,vsGap}|{case,error}]}
// (correct: the order equals the literature value; loadAverage: os.loadavg() at the start, since
// the machine is shared and the seconds are not quiet figures when it is high; cpuSeconds: the
// process's CPU time for the same work, which a loaded machine inflates much less than seconds).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Perm, PermGroup, transversalPolicy } from '../src/groups/index.js';

type Gens = { degree: number; gens: Int32Array[] };

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
function cyc(n: number, ...cycles: number[][]): Int32Array {
  const p = Int32Array.from(range(n));
  for (const c of cycles) for (let k = 0; k < c.length; k++) p[c[k]] = c[(k + 1) % c.length];
  return p;
}
/** S_m on points a..a+m-1 of degree n: a transposition and an m-cycle. */
const sym = (n: number, a: number, m: number) => [cyc(n, [a, a + 1]), cyc(n, range(m).map((i) => a + i))];

/** The action of <gens> (on 0..k-1) on the orbit of `start` under `act`, as permutations of that orbit. */
function actionOnOrbit<T>(gens: Int32Array[], start: T, act: (x: T, g: Int32Array) => T, key: (x: T) => string): Gens {
  const index = new Map<string, number>([[key(start), 0]]);
  const objects = [start];
  for (let i = 0; i < objects.length; i++)
    for (const g of gens) {
      const y = act(objects[i], g);
      const ky = key(y);
      if (index.has(ky)) continue;
      index.set(ky, objects.length);
      objects.push(y);
    }
  return { degree: objects.length, gens: gens.map((g) => Int32Array.from(objects, (x) => index.get(key(act(x, g)))!)) };
}

const M23 = [cyc(23, range(23)), Perm.parse('(3,17,10,7,9)(4,13,14,19,5)(8,18,11,12,23)(15,20,22,21,16)', 23).images];
const M11 = [Perm.parse('(1,2,3,4,5,6,7,8,9,10,11)', 11).images, Perm.parse('(3,7,11,8)(4,10,5,6)', 11).images];

/** M23 on the 70,840 pairs (cyclically ordered 3-set, fourth point): 4-transitivity makes it one orbit; stabilizer of order 144. */
function m23on70840(): Gens {
  type X = [number, number, number, number];
  const canon = ([a, b, c, d]: X): X => (a < b && a < c ? [a, b, c, d] : b < c ? [b, c, a, d] : [c, a, b, d]);
  return actionOnOrbit<X>(M23, [0, 1, 2, 3], (x, g) => canon([g[x[0]], g[x[1]], g[x[2]], g[x[3]]]), (x) => x.join(','));
}

/** M11 x M11 on the 7920 elements of M11, (a, b): x -> a^-1 x b. */
function m11xm11(): Gens {
  const key = (x: Int32Array) => x.join(',');
  const compose = (p: Int32Array, q: Int32Array) => Int32Array.from(p, (i) => q[i]);
  const inv = (p: Int32Array) => {
    const r = new Int32Array(p.length);
    p.forEach((v, i) => (r[v] = i));
    return r;
  };
  const elements: Int32Array[] = [Int32Array.from(range(11))];
  const index = new Map([[key(elements[0]), 0]]);
  for (let i = 0; i < elements.length; i++)
    for (const g of M11) {
      const y = compose(elements[i], g);
      if (index.has(key(y))) continue;
      index.set(key(y), elements.length);
      elements.push(y);
    }
  const left = M11.map((a) => Int32Array.from(elements, (x) => index.get(key(compose(inv(a), x)))!));
  const right = M11.map((b) => Int32Array.from(elements, (x) => index.get(key(compose(x, b)))!));
  return { degree: elements.length, gens: [...left, ...right] };
}

/** S5 wr S5 in product action on the 3125 5-tuples over 5 symbols. */
function s5wrS5(): Gens {
  const n = 3125;
  const digits = (p: number) => range(5).map((k) => Math.floor(p / 5 ** k) % 5);
  const number = (d: number[]) => d.reduce((acc, x, k) => acc + x * 5 ** k, 0);
  const onFirst = (s: Int32Array) => Int32Array.from(range(n), (p) => {
    const d = digits(p);
    d[0] = s[d[0]];
    return number(d);
  });
  const onCoords = (s: Int32Array) => Int32Array.from(range(n), (p) => {
    const d = digits(p);
    const e = new Array<number>(5);
    for (let k = 0; k < 5; k++) e[s[k]] = d[k];
    return number(e);
  });
  const [t, c] = sym(5, 0, 5);
  return { degree: n, gens: [onFirst(t), onFirst(c), onCoords(t), onCoords(c)] };
}

/** The Sylow 2-subgroup of S_1024: swaps of the halves of the first block of size 2^(k+1), k = 0..9. */
function sylow2of1024(): Gens {
  const n = 1024;
  return { degree: n, gens: range(10).map((k) => Int32Array.from(range(n), (i) => (i < 2 ** (k + 1) ? (i < 2 ** k ? i + 2 ** k : i - 2 ** k) : i))) };
}

/** C2 wr S_m on 2m points (blocks {2i, 2i+1}). */
function c2wrS(m: number): Gens {
  const n = 2 * m;
  const evens = range(m).map((i) => 2 * i);
  return { degree: n, gens: [cyc(n, [0, 1]), cyc(n, [0, 2], [1, 3]), cyc(n, evens, evens.map((p) => p + 1))] };
}

/** Multiplication in GF(64) = GF(2)[x]/(x^6 + x + 1) (a primitive polynomial: x generates the 63 units). */
function gf64mul(a: number, b: number): number {
  let r = 0;
  for (let x = a, y = b; y; y >>= 1) {
    if (y & 1) r ^= x;
    x <<= 1;
    if (x & 64) x ^= 0b1000011;
  }
  return r;
}

/**
 * PSL(3,64) on the 4161 points of the projective plane over GF(64), from the transvections
 * E_01(1), E_10(1), E_12(1), E_21(1) and diag(w, w^-1, 1), w = x: conjugating by the diagonal
 * element gives E_ij(w^k) for all k, hence every elementary transvection, so the group is SL(3,64)
 * acting on points, i.e. PSL(3,64) (the centre, of order gcd(3, 63) = 3, acts trivially).
 */
function psl3of64(): Gens {
  const q = 64;
  let winv = 1;
  while (gf64mul(2, winv) !== 1) winv++;
  const points: number[][] = [];
  const index = new Map<number, number>();
  const code = (v: number[]) => v[0] * q * q + v[1] * q + v[2];
  const normal = (v: number[]) => {
    const lead = v.find((x) => x !== 0)!;
    let inv = 1;
    while (gf64mul(lead, inv) !== 1) inv++;
    return v.map((x) => gf64mul(x, inv));
  };
  for (let a = 0; a < q; a++)
    for (let b = 0; b < q; b++)
      for (let c = 0; c < q; c++) {
        if (!a && !b && !c) continue;
        const v = normal([a, b, c]);
        if (index.has(code(v))) continue;
        index.set(code(v), points.length);
        points.push(v);
      }
  // row vectors times matrices: v M
  const act = (M: number[][]) => Int32Array.from(points, (v) => index.get(code(normal([0, 1, 2].map((j) => v.reduce((acc, x, i) => acc ^ gf64mul(x, M[i][j]), 0)))))!);
  const E = (i: number, j: number) => [0, 1, 2].map((r) => [0, 1, 2].map((c) => (r === c ? 1 : r === i && c === j ? 1 : 0)));
  const D = [
    [2, 0, 0],
    [0, winv, 0],
    [0, 0, 1],
  ];
  return { degree: points.length, gens: [act(E(0, 1)), act(E(1, 0)), act(E(1, 2)), act(E(2, 1)), act(D)] };
}

/** Generators from a file of bench/data (one cycle-notation permutation a line, `#` comments; see bench/data/README.md). */
function gensFile(name: string, degree: number): () => Gens {
  return () => {
    const lines = readFileSync(new URL(`data/${name}`, import.meta.url), 'utf8').split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter((l) => l !== '');
    return { degree, gens: lines.map((l) => Perm.parse(l, degree).images) };
  };
}

interface Case {
  make: () => Gens;
  order: (G: PermGroup) => bigint;
  /** GAP's time from the issue (0.2 s stands for its "0.1-0.3 s" row). */
  gapSeconds?: number;
  /** |G| from the literature (or the answer's closed form), checked in the output as `correct`. */
  expected: bigint;
}
const fact = (n: number) => range(n).reduce((acc, i) => acc * BigInt(i + 1), 1n);
const orderOf = (G: PermGroup) => G.order();
const CASES: Record<string, Case> = {
  'M23 on 70840': { make: m23on70840, order: orderOf, gapSeconds: 0.67, expected: 10200960n },
  'S1000 x S1000 on 2000': { make: () => ({ degree: 2000, gens: [...sym(2000, 0, 1000), ...sym(2000, 1000, 1000)] }), order: orderOf, expected: fact(1000) ** 2n },
  'S500 x S500 on 1000': { make: () => ({ degree: 1000, gens: [...sym(1000, 0, 500), ...sym(1000, 500, 500)] }), order: orderOf, expected: fact(500) ** 2n },
  'C2 wr S500 on 1000': { make: () => c2wrS(500), order: orderOf, expected: 2n ** 500n * fact(500) },
  'Sym(1000), stabilizer of a 998-tuple': { make: () => ({ degree: 1000, gens: sym(1000, 0, 1000) }), order: (G) => G.pointwiseStabilizer(range(998)).order(), expected: 2n },
  'Alt(1002), stabilizer of a 999-tuple': {
    make: () => ({ degree: 1002, gens: range(1000).map((k) => cyc(1002, [0, 1, k + 2])) }),
    order: (G) => G.pointwiseStabilizer(range(999)).order(),
    expected: 3n,
  },
  'S250 x S250': { make: () => ({ degree: 500, gens: [...sym(500, 0, 250), ...sym(500, 250, 250)] }), order: orderOf, expected: fact(250) ** 2n },
  'S4^500': { make: () => ({ degree: 2000, gens: range(500).flatMap((k) => sym(2000, 4 * k, 4)) }), order: orderOf, expected: 24n ** 500n },
  'Sylow 2-subgroup of S1024': { make: sylow2of1024, order: orderOf, expected: 2n ** 1023n },
  'M11 x M11 on 7920': { make: m11xm11, order: orderOf, gapSeconds: 0.2, expected: 7920n ** 2n },
  'S5 wr S5 on 3125': { make: s5wrS5, order: orderOf, gapSeconds: 0.2, expected: 120n ** 6n },
  'PSL(3,64) on 4161': { make: psl3of64, order: orderOf, gapSeconds: 0.2, expected: (64n ** 3n * (64n ** 3n - 1n) * (64n ** 2n - 1n)) / 3n },
  'Co2 on 2300': { make: gensFile('co2-2300.gens', 2300), order: orderOf, gapSeconds: 0.2, expected: 42305421312000n },
  'Fi22 on 3510': { make: gensFile('fi22-3510.gens', 3510), order: orderOf, gapSeconds: 0.2, expected: 64561751654400n },
  'Ru on 4060': { make: gensFile('ru-4060.gens', 4060), order: orderOf, gapSeconds: 0.2, expected: 145926144000n },
};

function runCase(name: string): void {
  // ORBITSCOPE_EXPLICIT=maxDegree,maxEntries[,smallOrbit] measures another transversal policy
  // (1e9,1e15 keeps every transversal explicit; 0,0,0 none: trees throughout)
  const policy = process.env.ORBITSCOPE_EXPLICIT?.split(',').map(Number);
  if (policy) Object.assign(transversalPolicy, { maxDegree: policy[0], maxEntries: policy[1], ...(policy.length > 2 ? { smallOrbit: policy[2] } : {}) });
  const c = CASES[name];
  const { degree, gens } = c.make();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const G = new PermGroup(gens.map((g) => Perm.unsafeWrap(g)), degree);
  const order = c.order(G);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  const shown = order.toString().length > 40 ? `~10^${order.toString().length - 1}` : order.toString();
  console.log(JSON.stringify({ case: name, degree, order: shown, correct: order === c.expected, seconds: Number(seconds.toFixed(3)), cpuSeconds: Number(cpuSeconds.toFixed(3)), peakMiB, certificate: G.certificate() }));
}

const child = process.argv[2] === '--child';
if (child) runCase(process.argv[3]);
else {
  const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(CASES);
  const limit = Number(process.env.ORBITSCOPE_BENCH_LIMIT_S ?? 120);
  const loadAverage = loadavg().map((x) => Number(x.toFixed(1)));
  const cases = names.map((name) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', name], { encoding: 'utf8', timeout: limit * 1000, maxBuffer: 1 << 24 });
    const line = r.stdout.trim().split('\n').pop();
    if (r.status !== 0 || !line) return { case: name, error: r.signal ? `no answer within ${limit} s` : (r.stderr.trim().split('\n').find((l) => /Error|error/.test(l)) ?? `exit ${r.status}`) };
    const out = JSON.parse(line) as { seconds: number };
    const gap = CASES[name].gapSeconds;
    return { ...out, ...(gap ? { gapSeconds: gap, vsGap: Number((out.seconds / gap).toFixed(1)) } : {}) };
  });
  console.log(JSON.stringify({ bench: 'groupsScale', limitSeconds: limit, loadAverage, cases }));
}
