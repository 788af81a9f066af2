import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { ResultsSchema } from '../../src/experiments/results.js';
import { resolveRunConfig } from '../../src/experiments/config.js';
import { readUnitTable } from '../../src/experiments/unitTable.js';

const root = mkdtempSync(join(tmpdir(), 'orbitscope-run-'));

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

async function run(out: string, extra: string[] = []) {
  const io = capture();
  const code = await main(['node', 'orbitscope', 'run', '--quick', '--quiet', '--out', out, ...extra], io);
  return { code, ...io };
}

/** results.json without its timings, and the bytes of every unit table it lists: what a rerun must reproduce. */
function resultsWithoutTimings(dir: string): unknown {
  const r = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  delete r.timings;
  const tables = (r.unitTables as { path: string }[]).map((t) => readFileSync(join(dir, t.path)).toString('base64'));
  expect(tables.length).toBeGreaterThan(0);
  return { ...r, tables };
}

/** Every array in a JSON value with its path. */
function arrays(value: unknown, path = ''): { path: string; length: number; bytes: number }[] {
  if (Array.isArray(value)) return [{ path, length: value.length, bytes: JSON.stringify(value, null, 1).length }, ...value.flatMap((v, i) => arrays(v, `${path}[${i}]`))];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => arrays(v, `${path}.${k}`));
  return [];
}

describe('orbitscope run', () => {
  const a = join(root, 'a');

  it('run --quick writes every file of the run directory and a results.json that validates', async () => {
    // both seeds at once, each in its own process (the default on two or more cores)
    const r = await run(a, ['--concurrency', '2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const f of ['config.json', 'results.json', 'report.html', 'figures', 'snapshots', 'checkpoints', 'features/index.json']) expect(existsSync(join(a, f)), f).toBe(true);
    expect(readdirSync(join(a, 'figures')).some((f) => f.endsWith('.png'))).toBe(true);
    expect(readdirSync(join(a, 'snapshots', 'seed-0')).some((f) => f.endsWith('.json'))).toBe(true);
    const results = ResultsSchema.parse(JSON.parse(readFileSync(join(a, 'results.json'), 'utf8')));
    expect(Object.keys(results.claims)).toEqual(['C2', 'C3', 'C4', 'C5']);
    expect(results.checks.C0.status).toBe('pass');
    expect(results.checks.C0.n).toBeGreaterThan(0);
    // residuals are measured on held-out rows, disjoint from the training rows, with quartiles
    const split = results.dataSplit!;
    const rows = (ranges: [number, number][]) => new Set(ranges.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i)));
    const train = rows(split.training);
    const held = rows(split.heldOut);
    expect(held.size).toBeGreaterThan(0);
    expect([...held].some((r) => train.has(r))).toBe(false);
    for (const l of results.layers) {
      expect(l.residuals.trained.q25).not.toBeNull();
      expect(l.residuals.trained.q75).not.toBeNull();
      expect(l.residuals.trained.q25!).toBeLessThanOrEqual(l.residuals.trained.q75!);
    }
    const config = JSON.parse(readFileSync(join(a, 'config.json'), 'utf8'));
    expect(config.dataset.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(config.version).toMatch(/^\d+\.\d+\.\d+$/);
    const index = JSON.parse(readFileSync(join(a, 'features', 'index.json'), 'utf8'));
    expect(existsSync(join(a, 'features', 'seed-0', 'layer-1', `snapshot-${index.snapshots.length - 1}.npy`))).toBe(true);
    // the per-unit, per-snapshot records: a Parquet table per seed and layer, a row per unit and snapshot
    const seeds = results.config.seeds as number[];
    const layers = (results.config.config as { layers: number[] }).layers;
    expect(results.unitTables.map((t) => [t.seed, t.layer, t.path])).toEqual(seeds.flatMap((s) => layers.map((_, l) => [s, l + 1, `units/seed-${s}-layer-${l + 1}.parquet`])));
    for (const t of results.unitTables) {
      const recs = await readUnitTable(new Uint8Array(readFileSync(join(a, t.path))).buffer);
      expect(recs).toHaveLength(layers[t.layer - 1] * index.snapshots.length);
      expect(t.rows).toBe(recs.length);
      expect(new Set(recs.map((r) => `${r.seed}/${r.layer}`))).toEqual(new Set([`${t.seed}/${t.layer}`]));
      for (const r of recs) expect(Number(r.orbits.p4m.orbitSize) * Number(r.orbits.p4m.stabilizerOrder)).toBe(Number(r.orbits.p4m.groupOrder));
    }
  });

  it('results.json of run --quick is a summary: no array grows with the snapshots, and by its size per seed and unit the default run\'s is under 2 MB', () => {
    const text = readFileSync(join(a, 'results.json'), 'utf8');
    const results = JSON.parse(text);
    const seeds = results.config.config.seeds as number[] | number;
    const S = Array.isArray(seeds) ? seeds.length : seeds;
    const U = (results.config.config.layers as number[]).reduce((x, y) => x + y, 0);
    const L = (results.config.config.layers as number[]).length;
    const found = arrays(results);
    // a claim's chart has at most 3 points per unit (trained and two controls); per-snapshot records
    // would be units x snapshots per seed
    for (const x of found) expect(x.length, x.path).toBeLessThanOrEqual(3 * S * U);
    expect(text).not.toMatch(/"snapshot":\s*\{/);
    // the default run has more seeds and units: arrays longer than one entry per seed and layer grow
    // with seeds x units, everything else at most with the seeds (the bound over-counts: nested
    // arrays are counted inside their parent too)
    const preset = resolveRunConfig({});
    const seedRatio = preset.seeds / S;
    const unitRatio = (preset.seeds * preset.layers.reduce((x, y) => x + y, 0)) / (S * U);
    const outer = found.filter((x) => x.length > S * L && !found.some((y) => y !== x && y.length > S * L && x.path.startsWith(`${y.path}[`)));
    const unitBytes = outer.reduce((t, x) => t + x.bytes, 0);
    const predicted = (text.length - unitBytes) * seedRatio + unitBytes * unitRatio;
    expect(predicted).toBeLessThanOrEqual(2_000_000);
  });

  it('run --quick gives numeric quartiles in every residual summary (they were null when named q1/q3)', () => {
    const results = ResultsSchema.parse(JSON.parse(readFileSync(join(a, 'results.json'), 'utf8')));
    expect(results.layers.length).toBeGreaterThan(0);
    for (const L of results.layers) {
      for (const s of [L.residuals.trained, L.residuals.untrained]) {
        expect(s.n).toBeGreaterThan(0);
        for (const q of [s.q05, s.q25, s.median, s.q75, s.q95]) expect(typeof q, `seed ${L.seed} layer ${L.layer}`).toBe('number');
        expect(s.q25!).toBeLessThanOrEqual(s.median!);
        expect(s.median!).toBeLessThanOrEqual(s.q75!);
      }
    }
  });

  it('run with the same seed reproduces results.json exactly (timings aside)', async () => {
    const b = join(root, 'b');
    expect((await run(b)).code).toBe(0);
    expect(resultsWithoutTimings(b)).toEqual(resultsWithoutTimings(a));
  });

  it('run --concurrency 1 (every seed in this process) writes the results of --concurrency 2 (a process per seed)', async () => {
    const one = join(root, 'one-process');
    expect((await run(one, ['--concurrency', '1'])).code).toBe(0);
    expect(resultsWithoutTimings(one)).toEqual(resultsWithoutTimings(a));
  });

  it('a seed process that dies stops the run with its seed named; the seed under way finishes, and the rerun resumes after it', async () => {
    const dir = join(root, 'seed-process-killed');
    const child = spawn(process.execPath, ['bin/orbitscope.mjs', 'run', '--quick', '--quiet', '--concurrency', '2', '--out', dir], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ORBITSCOPE_CRASH_AT: 'seed process: seed 1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((r) => child.on('close', r));
    expect(code).not.toBe(0);
    expect(stderr).toContain("seed 1's process ended (SIGKILL)");
    expect(existsSync(join(dir, 'analysis', 'seed-0.v8'))).toBe(true);
    expect(existsSync(join(dir, 'analysis', 'seed-1.v8'))).toBe(false);
    expect(existsSync(join(dir, 'results.json'))).toBe(false);
    const io = capture();
    expect(await main(['node', 'orbitscope', 'run', '--quick', '--out', dir], io)).toBe(0);
    expect(io.stderr).toContain(`seed 0: analysis read from ${join(dir, 'analysis', 'seed-0.v8')}`);
    expect(resultsWithoutTimings(dir)).toEqual(resultsWithoutTimings(a));
  }, 300_000);

  it('run killed during training and started again completes with the results of an uninterrupted run', async () => {
    const args = ['--epochs', '40'];
    const whole = join(root, 'whole');
    expect((await run(whole, args)).code).toBe(0);
    const killed = join(root, 'killed');
    const child = spawn(process.execPath, ['bin/orbitscope.mjs', 'run', '--quick', '--quiet', '--out', killed, ...args], { stdio: 'ignore' });
    const checkpoint = join(killed, 'checkpoints', 'seed-0', 'checkpoint.safetensors');
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (existsSync(checkpoint)) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('the run finished before it could be killed'));
      });
    });
    await new Promise((r) => child.on('close', r));
    expect(existsSync(join(killed, 'results.json'))).toBe(false);
    expect((await run(killed, args)).code).toBe(0);
    expect(resultsWithoutTimings(killed)).toEqual(resultsWithoutTimings(whole));
  }, 300_000); // three quick runs of 40 epochs, each also training C2's linear twin

  it('run killed during seed 1\'s analysis reads seed 0\'s analysis back on resume and ends with the results of an uninterrupted run', async () => {
    const killed = join(root, 'killed-analysis');
    // one process: seed 1's analysis starts only after seed 0's is kept
    const child = spawn(process.execPath, ['bin/orbitscope.mjs', 'run', '--quick', '--concurrency', '1', '--out', killed], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        // the line is logged after seed 1's training, as its analysis starts
        if (log.includes('seed 1: analysing')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the run ended before seed 1's analysis: ${log}`)));
    });
    await new Promise((r) => child.on('close', r));
    const seed0 = join(killed, 'analysis', 'seed-0.v8');
    expect(existsSync(seed0)).toBe(true);
    expect(existsSync(join(killed, 'analysis', 'seed-1.v8'))).toBe(false);
    expect(existsSync(join(killed, 'results.json'))).toBe(false);
    const before = statSync(seed0).mtimeMs;
    const io = capture();
    expect(await main(['node', 'orbitscope', 'run', '--quick', '--concurrency', '1', '--out', killed], io)).toBe(0);
    // seed 0 was neither trained nor analysed again; seed 1 was
    expect(io.stderr).toContain(`seed 0: analysis read from ${seed0}`);
    expect(io.stderr).not.toContain('seed 0: analysing');
    expect(io.stderr).toContain('seed 1: analysing');
    expect(statSync(seed0).mtimeMs).toBe(before);
    expect(resultsWithoutTimings(killed)).toEqual(resultsWithoutTimings(a));
  }, 300_000);

  it('run refuses a directory that holds a different run, before overwriting anything in it', async () => {
    const before = readFileSync(join(a, 'config.json'), 'utf8');
    const r = await run(a, ['--epochs', '4']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`orbitscope run: ${a} holds a different run (its config.json differs from these options or data); choose another --out or delete it`);
    expect(readFileSync(join(a, 'config.json'), 'utf8')).toBe(before);
  });

  it('run rejects an unknown config key, a bad preset and --concurrency 0 with exit 2 and a one-line message', async () => {
    const io = capture();
    const cfg = join(root, 'bad.json');
    (await import('node:fs')).writeFileSync(cfg, JSON.stringify({ epochz: 3 }));
    expect(await main(['node', 'orbitscope', 'run', '--config', cfg, '--out', join(root, 'x')], io)).toBe(2);
    expect(io.stderr.trim()).toBe(`orbitscope run: ${cfg}: unknown key "epochz"`);
    const io2 = capture();
    expect(await main(['node', 'orbitscope', 'run', '--preset', 'cifar'], io2)).toBe(2);
    expect(io2.stderr).toMatch(/^orbitscope run: .*--preset.*expected one of shapes, gl2, mnist, natural/);
    const io3 = capture();
    expect(await main(['node', 'orbitscope', 'run', '--concurrency', '0', '--out', join(root, 'x')], io3)).toBe(2);
    expect(io3.stderr.trim()).toBe("orbitscope run: option '--concurrency <n>' argument '0' is invalid. expected an integer in [1, 256], got 0");
  });
});
