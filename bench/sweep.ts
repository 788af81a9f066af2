// Sweep throughput (issue 17): cells per minute with 1 and 2 local workers, and the per-cell
// overhead of the BullMQ queue (a real redis-server, one `orbitscope worker`) against the local
// pool running the same cells with one worker. Each measurement is a fresh `orbitscope sweep`
// process on a fresh directory over the same 6 tiny cells (one seed, one epoch, 8 units, p4m),
// so every figure includes the CLI's own start; the reference (1 local worker) is measured in the
// same run. Target: queue overhead under 1 s per cell. The overhead is measured on finished cells
// (through the queue, a worker finds each cell done: what remains is the queue's round trip)
// against the local sweep over the same finished cells; queueMinusLocal1PerCellS compares fresh
// cells and carries the machine's load drift between the two runs.
// Prints {"bench":"sweep","cells":6,"local1S":..,"local1CellsPerMin":..,"local2CellsPerMin":..,
// "speedup2":..,"queueCellsPerMin":..,"queueOverheadPerCellS":..,"queueMinusLocal1PerCellS":..,"load1":..}.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/orbitscope.mjs');
const dir = mkdtempSync(join(tmpdir(), 'orbitscope-bench-sweep-'));
const CELLS = 6;
const grid = join(dir, 'sweep.yaml');
writeFileSync(grid, stringify({ base: { quick: true, seeds: 1, epochs: 1, layers: [8], groups: ['p4m'], draws: 500, evalCount: 50 }, grid: { model: ['ae', 'rbm'], lr: [0.01, 0.02, 0.03] } }));

if (spawnSync(process.execPath, [join(root, 'bin/cliBuild.mjs')], { stdio: 'ignore' }).status !== 0) throw new Error('bench sweep: building the CLI failed');

/** Wall seconds of one `orbitscope sweep` process with these extra arguments, on a fresh directory. */
function sweepSeconds(name: string, extra: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'sweep', '--grid', grid, '--out', join(dir, name), '--quiet', ...extra], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench sweep: ${name} failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

const port = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => resolve(p));
  });
});
const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
await new Promise<void>((resolve) => redis.stdout!.on('data', (d: Buffer) => /Ready to accept/.test(d.toString()) && resolve()));
const url = `redis://127.0.0.1:${port}`;
let worker: ReturnType<typeof spawn> | null = null;
try {
  const local1 = sweepSeconds('local1', ['--workers', '1']);
  const local2 = sweepSeconds('local2', ['--workers', '2']);
  // the worker starts before the timing, as a cluster's workers wait for work
  const w = spawn(process.execPath, [bin, 'worker', '--queue', url, '--out', join(dir, 'queued')], { stdio: ['ignore', 'ignore', 'pipe'] });
  worker = w;
  await new Promise<void>((resolve) => w.stderr!.on('data', (d: Buffer) => /taking cells/.test(d.toString()) && resolve()));
  const queued = sweepSeconds('queued', ['--queue', url]);
  // the queue's own cost per cell, free of the cells' compute: the same finished cells through a
  // fresh queue (Redis database 1: new jobs; the worker finds each cell's results.json and
  // returns), against the local sweep over the same finished cells (no process started)
  const w1 = spawn(process.execPath, [bin, 'worker', '--queue', `${url}/1`, '--out', join(dir, 'local1')], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve) => w1.stderr!.on('data', (d: Buffer) => /taking cells/.test(d.toString()) && resolve()));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'sweep', '--grid', grid, '--out', join(dir, 'local1'), '--quiet', '--queue', `${url}/1`], { encoding: 'utf8' });
  const queuedFinished = (performance.now() - t0) / 1000;
  w1.kill('SIGTERM');
  await new Promise((resolve) => w1.once('exit', resolve));
  if (r.status !== 0) throw new Error(`bench sweep: the queue over finished cells failed: ${r.stderr}`);
  const t1 = performance.now();
  if (spawnSync(process.execPath, [bin, 'sweep', '--grid', grid, '--out', join(dir, 'local1'), '--quiet'], { stdio: 'ignore' }).status !== 0) throw new Error('bench sweep: the local sweep over finished cells failed');
  const localFinished = (performance.now() - t1) / 1000;
  const perMin = (s: number) => Number(((CELLS * 60) / s).toFixed(2));
  process.stdout.write(
    `${JSON.stringify({
      bench: 'sweep',
      cells: CELLS,
      local1S: Number(local1.toFixed(2)),
      local1CellsPerMin: perMin(local1),
      local2CellsPerMin: perMin(local2),
      speedup2: Number((local1 / local2).toFixed(2)),
      queueCellsPerMin: perMin(queued),
      queueOverheadPerCellS: Number(((queuedFinished - localFinished) / CELLS).toFixed(3)),
      queueMinusLocal1PerCellS: Number(((queued - local1) / CELLS).toFixed(2)),
      load1: Number(loadavg()[0].toFixed(1)),
    })}\n`,
  );
} finally {
  if (worker && worker.exitCode === null) {
    const w = worker;
    const exited = new Promise((r) => w.once('exit', r));
    w.kill('SIGTERM');
    await exited;
  }
  redis.kill('SIGTERM');
  await new Promise((r) => redis.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
