import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { main } from '../../src/cli/main.js';
import { capture, resultsWithoutTimings, TINY_BASE, writeEightCellGrid } from './sweepFixture.js';
import { startRedis } from './redisServer.js';

const root = mkdtempSync(join(tmpdir(), 'orbitscope-queue-'));
let redis: Awaited<ReturnType<typeof startRedis>>;
const workers: { child: ChildProcess; log: string }[] = [];

async function cli(args: string[]) {
  const io = capture();
  const code = await main(['node', 'orbitscope', ...args], io);
  return { code, ...io };
}

/** A worker process in its own process group, so that a kill can take it with its cell process (a machine going down). */
function startWorker(out: string, lockSeconds = 2) {
  const child = spawn(process.execPath, ['bin/orbitscope.mjs', 'worker', '--queue', redis.url, '--out', out, '--lock-seconds', String(lockSeconds)], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const w = { child, log: '' };
  child.stderr!.on('data', (d: Buffer) => (w.log += d.toString()));
  workers.push(w);
  return w;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

async function stopWorker(w: { child: ChildProcess }) {
  if (w.child.exitCode !== null || w.child.signalCode !== null) return;
  const exited = new Promise((r) => w.child.once('exit', r));
  killGroup(w.child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(w.child, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await Promise.all(workers.map(stopWorker));
  await redis?.stop();
});

describe('orbitscope sweep --queue and orbitscope worker (BullMQ on a real redis-server)', { timeout: 300_000 }, () => {
  it('sweep --queue with two workers runs 8 cells once each, to the results of the local pool; enqueueing the grid twice runs no cell twice', async () => {
    const grid = writeEightCellGrid(root);
    const out = join(root, 'queued');
    const first = await cli(['sweep', '--grid', grid, '--out', out, '--queue', redis.url, '--detach']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/8 cells enqueued on redis:\/\/127\.0\.0\.1:\d+, 0 already there/);
    const again = await cli(['sweep', '--grid', grid, '--out', out, '--queue', redis.url, '--detach']);
    expect(again.stderr).toMatch(/0 cells enqueued on .*, 8 already there/);
    const a = startWorker(out);
    const b = startWorker(out);
    const waited = await cli(['sweep', '--grid', grid, '--out', out, '--queue', redis.url, '--json']);
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stderr).toMatch(/sweep: 8\/8 cells done, 0 running, 0 failed\n$/);
    const cells: { id: string }[] = JSON.parse(waited.stdout).cells;
    const logs = a.log + b.log;
    for (const c of cells) expect(logs.match(new RegExp(`cell ${c.id} .* started`, 'g')), c.id).toHaveLength(1);
    expect(a.log).toMatch(/ done in /);
    expect(b.log).toMatch(/ done in /);
    // the same grid on the local pool: the same results, cell by cell
    const local = join(root, 'local');
    const r = await cli(['sweep', '--grid', grid, '--out', local, '--workers', '2', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    for (const c of cells) expect(resultsWithoutTimings(join(out, 'cells', c.id)), c.id).toEqual(resultsWithoutTimings(join(local, 'cells', c.id)));
    await Promise.all([stopWorker(a), stopWorker(b)]);
  });

  it('a worker killed (SIGKILL, with its cell process) mid-cell: another worker resumes the cell from its checkpoint, to the results of an uninterrupted run', async () => {
    const options = { ...TINY_BASE, epochs: 40 };
    const grid = join(root, 'one.yaml');
    writeFileSync(grid, stringify({ cells: [options] }));
    const out = join(root, 'killed');
    expect((await cli(['sweep', '--grid', grid, '--out', out, '--queue', redis.url, '--detach', '--quiet'])).code).toBe(0);
    const id: string = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')).cells[0].id;
    const doomed = startWorker(out);
    const checkpoint = join(out, 'cells', id, 'checkpoints', 'seed-0', 'checkpoint.safetensors');
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (existsSync(checkpoint)) {
          clearInterval(timer);
          killGroup(doomed.child, 'SIGKILL');
          resolve();
        }
      }, 5);
      doomed.child.once('exit', () => {
        clearInterval(timer);
        if (!existsSync(checkpoint)) reject(new Error(`the worker ended before a checkpoint: ${doomed.log}`));
      });
    });
    await new Promise((r) => (doomed.child.exitCode === null && doomed.child.signalCode === null ? doomed.child.once('exit', r) : r(null)));
    expect(existsSync(join(out, 'cells', id, 'results.json'))).toBe(false);
    const rescuer = startWorker(out);
    const waited = await cli(['sweep', '--grid', grid, '--out', out, '--queue', redis.url]);
    expect(waited.code, waited.stderr).toBe(0);
    expect(rescuer.log).toMatch(new RegExp(`cell ${id} .* started \\(attempt 2\\)|cell ${id} .* started`));
    expect(rescuer.log).toMatch(/done in /);
    // resumed, not restarted: the killed attempt had checkpointed epoch 1, and the two attempts' log
    // (the cell's sweep.log) has epoch 1 once; a restart from scratch would train it again
    const epochs = [...readFileSync(join(out, 'cells', id, 'sweep.log'), 'utf8').matchAll(/seed 0 layer 1\/1 epoch (\d+)\/40/g)].map((m) => Number(m[1]));
    expect(epochs.filter((e) => e === 1)).toHaveLength(1);
    expect(epochs[epochs.length - 1]).toBe(40);
    const alone = join(root, 'alone');
    const file = join(root, 'alone.json');
    writeFileSync(file, JSON.stringify(options));
    expect((await cli(['run', '--config', file, '--out', alone, '--quiet'])).code).toBe(0);
    expect(resultsWithoutTimings(join(out, 'cells', id))).toEqual(resultsWithoutTimings(alone));
    await stopWorker(rescuer);
  });

  it('sweep and worker with a Redis that is down exit 2 with one clear line, without hanging', async () => {
    const grid = writeEightCellGrid(root, 'down.yaml');
    const t0 = performance.now();
    const r = await cli(['sweep', '--grid', grid, '--out', join(root, 'down'), '--queue', 'redis://127.0.0.1:1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('orbitscope sweep: --queue: redis://127.0.0.1:1: Redis does not answer (ECONNREFUSED); is redis-server running there?\n');
    const w = await cli(['worker', '--queue', 'redis://127.0.0.1:1', '--out', join(root, 'down')]);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/^orbitscope worker: --queue: redis:\/\/127\.0\.0\.1:1: Redis does not answer/);
    expect(performance.now() - t0).toBeLessThan(15_000);
    const bad = await cli(['sweep', '--grid', grid, '--out', join(root, 'down'), '--queue', 'localhost:6379']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('orbitscope sweep: --queue: expected redis://HOST:PORT, got "localhost:6379"\n');
  });
});
