import { cosine } from '../analysis/cosine.js';
/**
 * A small, valid run directory for developing and testing the explorer before (and apart from)
 * the real experiment runner: the layout `orbitscope run` writes (config.json, results.json that
 * validates against ResultsSchema, report.html, figures/, features/index.json and
 * features/seed-<s>/layer-<l>/snapshot-<k>.npy, units/seed-<s>-layer-<l>.parquet, snapshots/,
 * checkpoints/).
 *
 * The feature images are real pictures with known symmetry (bars at several angles, isotropic
 * Gaussian blobs, plus signs, seeded noise), blended from noise towards the final picture over
 * the snapshots. Orbit numbers are computed from the images, never typed in: p4m by enumerating
 * all 8 n^2 torus translations times D4 after quantisation to 8 levels; SO(2)/SE(2) tangent ranks
 * from the library's orbitDimension. The `layers` entries (losses, residuals, shadow errors) are
 * placeholders and the config says so: this is a fixture, not a measurement.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { RandomSource } from '../core/random.js';
import { encodeNpy } from '../data/npy.js';
import { spearmanWithInterval } from '../experiments/statistics.js';
import { judge } from '../experiments/verdict.js';
import { writeUnitTables } from '../experiments/runDirectory.js';
import { ClaimIds, ResultsSchema, type Claim, type FeatureResult, type Results } from '../results/index.js';
import { orbitDimension } from '../actions/orbitDimension.js';
import { so2 as SO2, se2 as SE2 } from '../groups/lie/similarityGroups.js';
import { bruteForceOrbit } from './p4mBruteForce.js';

/** Options of writeFixtureRun. */
export interface FixtureRunOptions {
  seeds?: readonly number[];
  /** Units per layer (layer numbers are 1, 2, ...). */
  units?: readonly number[];
  /** Side of the square feature images. */
  size?: number;
  snapshots?: number;
}

export const FIXTURE_KINDS = ['bar-0', 'blob', 'bar-45', 'plus', 'bar-90', 'noise', 'bar-30', 'ring'] as const;

/** A primitive picture of side n (values in [-0.2, 1]); `rng` feeds the noise kind. */
export function fixtureImage(kind: string, n: number, rng: RandomSource): Float32Array {
  const img = new Float32Array(n * n);
  const c = (n - 1) / 2;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const u = j - c;
      const v = i - c;
      let val = 0;
      if (kind.startsWith('bar-')) {
        const a = (Number(kind.slice(4)) * Math.PI) / 180;
        const along = u * Math.cos(a) + v * Math.sin(a);
        const across = -u * Math.sin(a) + v * Math.cos(a);
        val = Math.exp(-(across * across) / (2 * 0.8 ** 2)) * (Math.abs(along) < n / 3 ? 1 : 0);
      } else if (kind === 'blob') val = Math.exp(-(u * u + v * v) / (2 * (n / 7) ** 2));
      else if (kind === 'plus') val = Math.max(Math.exp(-(u * u) / 0.8), Math.exp(-(v * v) / 0.8)) * (Math.max(Math.abs(u), Math.abs(v)) < n / 3 ? 1 : 0);
      else if (kind === 'ring') val = Math.exp(-((Math.hypot(u, v) - n / 4) ** 2) / 1.2);
      else val = rng.normal() * 0.5;
      img[i * n + j] = val;
    }
  }
  return img;
}

/** p4m orbit size and stabilizer order of an n x n image on the torus, after 8-level quantisation. */
export function p4mOrbit(img: ArrayLike<number>, n: number): { order: number; orbitSize: number; stabilizerOrder: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let p = 0; p < n * n; p++) {
    lo = Math.min(lo, img[p]);
    hi = Math.max(hi, img[p]);
  }
  const q = Int32Array.from({ length: n * n }, (_, p) => (hi > lo ? Math.min(7, Math.floor(((img[p] - lo) / (hi - lo)) * 8)) : 0));
  // the slow oracle: every one of the 8 n^2 elements applied to the quantised image
  const { groupOrder: order, orbitSize, stabilizerOrder } = bruteForceOrbit(q, n, 'p4m');
  return { order, orbitSize, stabilizerOrder };
}

function complexity(img: Float32Array, n: number): FeatureResult['complexity'] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of img) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const q = Uint8Array.from(img, (v) => (hi > lo ? Math.round(((v - lo) / (hi - lo)) * 255) : 0));
  let tv = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) tv += (j + 1 < n ? Math.abs(img[i * n + j + 1] - img[i * n + j]) : 0) + (i + 1 < n ? Math.abs(img[(i + 1) * n + j] - img[i * n + j]) : 0);
  // spectral entropy of the normalised power spectrum (plain DFT; n is small)
  const power: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      let re = 0;
      let im = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        const t = (-2 * Math.PI * (a * i + b * j)) / n;
        re += img[i * n + j] * Math.cos(t);
        im += img[i * n + j] * Math.sin(t);
      }
      power.push(re * re + im * im);
    }
  }
  const total = power.reduce((s, p) => s + p, 0);
  const entropy = total > 0 ? -power.reduce((s, p) => (p > 0 ? s + (p / total) * Math.log(p / total) : s), 0) : 0;
  // 4-connected components of |x| > half its maximum
  const thr = Math.max(Math.abs(lo), Math.abs(hi)) / 2;
  const seen = new Uint8Array(n * n);
  let comps = 0;
  for (let p = 0; p < n * n; p++) {
    if (seen[p] || Math.abs(img[p]) <= thr) continue;
    comps++;
    const stack = [p];
    seen[p] = 1;
    while (stack.length) {
      const s = stack.pop()!;
      const i = Math.floor(s / n);
      const j = s % n;
      for (const [a, b] of [[i - 1, j], [i + 1, j], [i, j - 1], [i, j + 1]]) {
        const t = a * n + b;
        if (a >= 0 && a < n && b >= 0 && b < n && !seen[t] && Math.abs(img[t]) > thr) {
          seen[t] = 1;
          stack.push(t);
        }
      }
    }
  }
  return { compressedBytes: deflateSync(q).length, totalVariation: tv, spectralEntropy: entropy, components: comps };
}

function claim(id: string, title: string, xs: number[], ys: number[], pts: Claim['points'], axes: Claim['axes'], seeds: number[], rngSeed: number): Claim {
  const { rho, ci, n } = spearmanWithInterval(xs, ys, { seed: rngSeed, resamples: 400, clusters: seeds });
  const { verdict, reason } = judge(ci, n);
  return {
    verdict,
    statistic: Number.isFinite(rho) ? rho : null,
    ci,
    n,
    reason,
    title,
    measured: `${id} on the explorer fixture (synthetic pictures, not a trained network)`,
    statisticName: `Spearman rho(${axes.x}, ${axes.y})`,
    threshold: 0,
    minimumEffect: 0.1,
    control: null,
    difference: null,
    controls: [],
    failsWhen: 'fixture: not a real claim',
    perSeed: [],
    points: pts,
    axes,
  };
}

/** Write a fixture run into `dir` (created); returns the results written (the records are in its unit tables). */
export async function writeFixtureRun(dir: string, options: FixtureRunOptions = {}): Promise<Results> {
  const seeds = options.seeds ?? [1, 2];
  const units = options.units ?? [12, 6];
  const n = options.size ?? 16;
  const nSnap = options.snapshots ?? 4;
  const snapshots = Array.from({ length: nSnap }, (_, k) => ({ index: k, step: k * 50, epoch: k === 0 ? 0 : 2 ** (k - 1) }));
  const features: FeatureResult[] = [];
  for (const d of ['figures', 'snapshots', 'checkpoints']) await mkdir(join(dir, d), { recursive: true });
  for (const seed of seeds) {
    const rng = RandomSource.fromSeed(seed);
    for (let li = 0; li < units.length; li++) {
      const layer = li + 1;
      const u = units[li];
      const finals = Array.from({ length: u }, (_, k) => fixtureImage(FIXTURE_KINDS[(k + li * 3 + seed) % FIXTURE_KINDS.length], n, rng));
      const starts = Array.from({ length: u }, () => rng.fillNormal(new Float32Array(n * n), 0, 0.3));
      // a unit whose picture is more symmetric settles earlier: a per-unit speed, so C2 has data
      const speed = finals.map((f) => 1 / p4mOrbit(f, n).orbitSize ** 0.25);
      const series: Float32Array[][] = [];
      for (let k = 0; k < nSnap; k++) {
        const t = nSnap === 1 ? 1 : k / (nSnap - 1);
        series.push(finals.map((f, i) => Float32Array.from(f, (v, p) => {
          const w = Math.min(1, t * (1 + 4 * speed[i]));
          return w * v + (1 - w) * starts[i][p];
        })));
      }
      const sub = join(dir, 'features', `seed-${seed}`, `layer-${layer}`);
      await mkdir(sub, { recursive: true });
      for (let k = 0; k < nSnap; k++) {
        const all = new Float32Array(u * n * n);
        series[k].forEach((img, i) => all.set(img, i * n * n));
        await writeFile(join(sub, `snapshot-${k}.npy`), encodeNpy(all, [u, n, n]));
      }
      for (let i = 0; i < u; i++) {
        const finalImg = series[nSnap - 1][i];
        let emerged: number | null = null;
        for (let k = nSnap - 1; k >= 0 && cosine(series[k][i], finalImg) >= 0.9; k--) emerged = snapshots[k].epoch;
        for (let k = 0; k < nSnap; k++) {
          const img = series[k][i];
          const p4m = p4mOrbit(img, n);
          const so2 = orbitDimension(img, n, n, SO2);
          const se2 = orbitDimension(img, n, n, SE2);
          features.push({
            seed,
            layer,
            unit: i,
            snapshot: snapshots[k],
            orbits: {
              p4m: { order: String(p4m.order), orbitSize: String(p4m.orbitSize), stabilizerOrder: String(p4m.stabilizerOrder), eps: 0.5 },
              so2: { dim: so2.dim, orbitDim: so2.orbitDim, stabilizerDim: so2.stabilizerDim, singularValues: so2.singularValues, tol: so2.tol },
              se2: { dim: se2.dim, orbitDim: se2.orbitDim, stabilizerDim: se2.stabilizerDim, singularValues: se2.singularValues, tol: se2.tol },
            },
            complexity: complexity(img, n),
            emergenceEpoch: emerged,
            matchedPrimitive: { name: FIXTURE_KINDS[(i + li * 3 + seed) % FIXTURE_KINDS.length], cosine: cosine(img, finalImg) },
          });
        }
      }
    }
  }
  const last = features.filter((f) => f.snapshot.index === nSnap - 1);
  const orbitSize = (f: FeatureResult) => Number(f.orbits.p4m.orbitSize);
  const pts = (xf: (f: FeatureResult) => number, yf: (f: FeatureResult) => number, fs = last) =>
    fs.map((f) => ({ x: xf(f), y: yf(f), label: `seed ${f.seed} layer ${f.layer} unit ${f.unit}`, series: `layer ${f.layer}`, seed: f.seed, layer: f.layer, unit: f.unit }));
  const mk = (id: string, title: string, xf: (f: FeatureResult) => number, yf: (f: FeatureResult) => number, axes: Claim['axes'], fs = last) =>
    claim(id, title, fs.map(xf), fs.map(yf), pts(xf, yf, fs), axes, fs.map((f) => f.seed), 7);
  const withEpoch = last.filter((f) => f.emergenceEpoch !== null);
  const claims = {
    C2: mk('C2', 'Minimal orbits first', orbitSize, (f) => f.emergenceEpoch ?? NaN, { x: 'p4m orbit size', y: 'emergence epoch' }, withEpoch),
    C3: mk('C3', 'Minimal orbits are simplest', orbitSize, (f) => f.complexity.compressedBytes, { x: 'p4m orbit size', y: 'compressed bytes' }),
    C4: mk('C4', 'Complexity grows with depth', (f) => f.layer, (f) => f.complexity.totalVariation, { x: 'layer', y: 'total variation' }),
    C5: mk('C5', 'Autoencoders shadow stabilizers', (f) => f.complexity.spectralEntropy, (f) => f.complexity.totalVariation, { x: 'spectral entropy', y: 'total variation' }),
  };
  const placeholder = { n: 0, mean: null, median: null, q05: null, q25: null, q75: null, q95: null };
  const results: Results = ResultsSchema.parse({
    version: '0.1.0',
    config: { fixture: true, note: 'explorer fixture: synthetic pictures; layers[] numbers are placeholders', seeds, units, size: n, snapshots: nSnap },
    checks: {
      C0: { status: 'pass', title: 'Orbit-stabilizer identity', measured: 'fixture', n: last.length },
      C1: { status: 'not run', title: 'Random search stabilises with probability 1/|O|', measured: 'fixture', n: 0, reason: 'fixture' },
    },
    claims,
    layers: seeds.flatMap((seed) => units.map((u, li) => ({ seed, layer: li + 1, sizes: [li === 0 ? n * n : units[li - 1], u], finalLoss: null, residuals: { trained: placeholder, untrained: placeholder }, shadowErrors: {} }))),
    unitTables: writeUnitTables(dir, features),
    timings: { fixture: 0 },
  });
  for (const id of ClaimIds) if (!results.claims[id]) throw new Error(`fixture: claim ${id} missing`);
  await writeFile(join(dir, 'config.json'), JSON.stringify(results.config, null, 2));
  await writeFile(join(dir, 'results.json'), JSON.stringify(results));
  await writeFile(join(dir, 'features', 'index.json'), JSON.stringify({ height: n, width: n, seeds, layers: units.map((u, li) => ({ layer: li + 1, units: u })), snapshots }));
  await writeFile(join(dir, 'report.html'), `<!doctype html><meta charset="utf-8"><title>fixture report</title><h1>Explorer fixture</h1><p>Synthetic pictures, not a trained network.</p>`);
  await writeFile(join(dir, 'figures', 'layer-1.png'), gridPng(series0(features, n), n));
  return results;
}

// a small grey PNG so that figures/ holds a real image
function series0(_f: FeatureResult[], n: number): Float32Array {
  return fixtureImage('plus', n, RandomSource.fromSeed(0));
}

function gridPng(img: Float32Array, n: number): Buffer {
  const png = new PNG({ width: n, height: n });
  for (let p = 0; p < n * n; p++) {
    const v = Math.max(0, Math.min(255, Math.round(img[p] * 255)));
    png.data.set([v, v, v, 255], p * 4);
  }
  return PNG.sync.write(png);
}
