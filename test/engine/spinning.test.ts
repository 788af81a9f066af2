import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphBuilder, compile, float32 } from '../../src/engine/index.js';
import { machineLoad, registryDir } from '../../src/engine/machineLoad.js';
import { activeProcesses, otherBusyBetween, shouldSpin, SPIN_SLACK } from '../../src/engine/spinning.js';

describe('shouldSpin', () => {
  const load = (cores: number, otherBusy: number, processes = 1) => ({ cores, otherBusy, processes });

  it('shouldSpin(2, true, idle 2-core machine) spins', () => {
    expect(shouldSpin(2, true, load(2, 0))).toBe(true);
  });

  it('shouldSpin stops spinning when another process keeps a core busy', () => {
    expect(shouldSpin(2, true, load(2, 1))).toBe(false);
    expect(shouldSpin(4, true, load(4, 0.6))).toBe(false);
  });

  it('shouldSpin tolerates background noise up to SPIN_SLACK cores, and other load on cores our threads leave free', () => {
    expect(shouldSpin(2, true, load(2, SPIN_SLACK))).toBe(true);
    expect(shouldSpin(2, true, load(2, SPIN_SLACK + 0.01))).toBe(false);
    expect(shouldSpin(2, true, load(8, 6))).toBe(true);
    expect(shouldSpin(2, true, load(8, 7))).toBe(false);
  });

  it('shouldSpin counts each other active Orbitscope process as a busy core even when its CPU use was low', () => {
    expect(shouldSpin(2, true, load(2, 0, 2))).toBe(false);
    expect(shouldSpin(2, true, load(8, 0, 3))).toBe(true);
    expect(shouldSpin(2, true, load(8, 0, 8))).toBe(false);
  });

  it('shouldSpin never spins one thread, nor a session that did not ask to', () => {
    expect(shouldSpin(1, true, load(16, 0))).toBe(false);
    expect(shouldSpin(3, false, load(16, 0))).toBe(false);
  });
});

describe('otherBusyBetween', () => {
  it('otherBusyBetween(a, b, cores) is the machine busy time less this process, per wall ms', () => {
    // 1000 ms of wall time, the machine 1500 ms busy, 400 of them ours: 1.1 cores elsewhere
    expect(otherBusyBetween({ wallMs: 0, machineBusyMs: 100, ownMs: 50 }, { wallMs: 1000, machineBusyMs: 1600, ownMs: 450 }, 2)).toBeCloseTo(1.1, 12);
  });

  it('otherBusyBetween clamps to [0, cores] and declines windows shorter than the minimum', () => {
    // our time counted before the machine's tick caught up: negative, clamped to 0
    expect(otherBusyBetween({ wallMs: 0, machineBusyMs: 0, ownMs: 0 }, { wallMs: 100, machineBusyMs: 10, ownMs: 60 }, 2)).toBe(0);
    expect(otherBusyBetween({ wallMs: 0, machineBusyMs: 0, ownMs: 0 }, { wallMs: 100, machineBusyMs: 900, ownMs: 0 }, 2)).toBe(2);
    expect(otherBusyBetween({ wallMs: 0, machineBusyMs: 0, ownMs: 0 }, { wallMs: 20, machineBusyMs: 20, ownMs: 0 }, 2)).toBeUndefined();
    expect(otherBusyBetween({ wallMs: 0, machineBusyMs: 0, ownMs: 0 }, { wallMs: 20, machineBusyMs: 20, ownMs: 0 }, 2, 10)).toBe(1);
  });
});

describe('activeProcesses', () => {
  it('activeProcesses counts this process once and others active within the window', () => {
    const now = 100_000;
    const entries = [
      { pid: 7, lastActiveMs: now - 100 }, // this process's own entry
      { pid: 8, lastActiveMs: now - 2_000 },
      { pid: 9, lastActiveMs: now - 3_001 }, // idle too long
      { pid: 10, lastActiveMs: now },
    ];
    expect(activeProcesses(entries, 7, now, 3_000)).toBe(3);
    expect(activeProcesses([], 7, now, 3_000)).toBe(1);
  });
});

describe('machineLoad and sessions that follow it', () => {
  const saved = { tmp: process.env.TMPDIR, fixed: process.env.ORBITSCOPE_FIXED_SPINNING };
  let tmp = '';
  // machineLoad() reads the machine at most every 500 ms
  const nextReading = () => new Promise((r) => setTimeout(r, 600));
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'orbitscope-plan-'));
    process.env.TMPDIR = tmp;
    delete process.env.ORBITSCOPE_FIXED_SPINNING;
  });
  afterEach(() => {
    if (saved.tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved.tmp;
    if (saved.fixed === undefined) delete process.env.ORBITSCOPE_FIXED_SPINNING;
    else process.env.ORBITSCOPE_FIXED_SPINNING = saved.fixed;
    rmSync(tmp, { recursive: true, force: true });
  });
  const other = (mtimeSeconds: number) => {
    mkdirSync(registryDir(), { recursive: true });
    const file = join(registryDir(), '999999991');
    writeFileSync(file, '');
    utimesSync(file, mtimeSeconds, mtimeSeconds);
    return file;
  };

  it('machineLoad() registers this process and counts another one while it is active', async () => {
    await nextReading();
    expect(machineLoad().processes).toBe(1);
    expect(readdirSync(registryDir())).toContain(String(process.pid));
    other(Date.now() / 1000);
    await nextReading();
    expect(machineLoad().processes).toBe(2);
    other(Date.now() / 1000 - 10); // idle for 10 s: no longer sharing the cores
    await nextReading();
    expect(machineLoad().processes).toBe(1);
    other(Date.now() / 1000 - 120); // untouched for 2 min: a dead process's entry, removed
    await nextReading();
    machineLoad();
    expect(readdirSync(registryDir())).not.toContain('999999991');
  });

  it.skipIf(availableParallelism() < 2)('a graph compiled to spin gets a blocking session once a second process is active, with the same numbers', async () => {
    await nextReading();
    const idle = machineLoad();
    const g = new GraphBuilder('plan');
    const x = g.input('x', 'float32', [4]);
    g.output(g.op('Sigmoid', [g.op('Mul', [x, x])]), 'y', 'float32', [4]);
    const s = await compile(g.build(), { threads: 2 });
    const input = float32([-2, 0, 1, 3], [4]);
    const before = Array.from((await s.run({ x: input })).y.data as Float32Array);
    expect(s.sessionCount).toBe(1);
    other(Date.now() / 1000);
    await nextReading();
    const after = Array.from((await s.run({ x: input })).y.data as Float32Array);
    // from a spinning session to a blocking one; on a loaded machine it was blocking from the start
    expect(s.sessionCount).toBe(shouldSpin(2, true, idle) ? 2 : 1);
    expect(after).toEqual(before);
  });

  it('with ORBITSCOPE_FIXED_SPINNING=1 a graph keeps the one session it was compiled with', async () => {
    process.env.ORBITSCOPE_FIXED_SPINNING = '1';
    const g = new GraphBuilder('fixed');
    const x = g.input('x', 'float32', [2]);
    g.output(g.op('Neg', [x]), 'y', 'float32', [2]);
    const s = await compile(g.build(), { threads: 2 });
    other(Date.now() / 1000);
    await nextReading();
    expect(Array.from((await s.run({ x: float32([1, -2], [2]) })).y.data as Float32Array)).toEqual([-1, 2]);
    expect(s.sessionCount).toBe(1);
  });
});
