// Issue 15, beyond its examples: options that would be silently ignored are refused by name,
// messages echo the user's own digits and name options (not library functions), `run` warns
// before writing gigabytes as `train` does, and an unwritable --out (as a user without write
// permission) exits 2 before any work.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeNpy } from '../../src/data/npy.js';
import { BIN, firstErrorLine, orbitscope, oneErrorLine } from './bin.js';

const SLOW = { timeout: 240_000 };

describe('orbitscope refuses what it would ignore, and says it in the user\'s words (through bin/orbitscope.mjs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbitscope-inapplicable-'));
  const npy = join(dir, 'x.npy');
  writeFileSync(npy, encodeNpy(Float32Array.from({ length: 60 * 36 }, (_, i) => ((i * 7) % 5 < 2 ? 1 : 0)), [60, 6, 6]));
  const grid = join(dir, 'sweep.yaml');
  writeFileSync(grid, 'base: {quick: true, seeds: 1, epochs: 1}\ngrid:\n  lr: [0.01]\n');

  it('analyze refuses ONNX-only options for a model directory and model-directory options for an .onnx file', SLOW, async () => {
    const model = join(dir, 'model');
    expect((await orbitscope(['train', '--data', `npy:${npy}`, '--layers', '3', '--epochs', '1', '--batch', '10', '--quiet', '--out', model])).code).toBe(0);
    const a = await orbitscope(['analyze', '--model', model, '--features', join(dir, 'feat'), '--data', `npy:${npy}`]);
    expect(a.code).toBe(2);
    expect(a.stderr.trim()).toBe('orbitscope analyze: --data, --features: apply to ONNX networks (--model FILE.onnx) only, not to a model or run directory');
    const b = await orbitscope(['analyze', '--model', join(model, 'encoder.onnx'), '--data', `npy:${npy}`, '--eps', '0.3', '--snapshots', 'all']);
    expect(b.code).toBe(2);
    expect(b.stderr.trim()).toBe('orbitscope analyze: --eps, --snapshots all: apply to model and run directories only, not to an .onnx network');
    // train into a directory that holds another training run: the option, not trainStack
    const c = await orbitscope(['train', '--data', `npy:${npy}`, '--layers', '4', '--epochs', '1', '--quiet', '--out', model]);
    expect(c.code).toBe(2);
    expect(c.stderr.trim()).toBe(`orbitscope train: ${model} holds a different run (its config.json differs from these options); choose another --out or delete it`);
  });

  it('import names --weights for a missing file, never "import:"', SLOW, async () => {
    const r = await orbitscope(['import', '--weights', join(dir, 'no.npy'), '--out', join(dir, 'imported')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`orbitscope import: --weights: ${join(dir, 'no.npy')} does not exist`);
  });

  it('an integer beyond 2^53 is echoed with the user\'s digits, not rounded to 1e17', SLOW, async () => {
    const a = await orbitscope(['group', '--gens', '(1,2)', '--stabilizer-of', '99999999999999999']);
    expect(a.code).toBe(2);
    expect(oneErrorLine(a, 'group')).toBe(true);
    expect(a.stderr).toContain('99999999999999999 is beyond the exact integers');
    expect(a.stderr).not.toContain('100000000000000000');
    const b = await orbitscope(['group', '--gens', '(1,2)', '--stabilizer-of-set', '1,2,99999999999999999']);
    expect(b.code).toBe(2);
    expect(b.stderr).not.toContain('100000000000000000');
  });

  it('run --layers 1000000 warns about the gigabytes it will write before training, even with --quiet', SLOW, async () => {
    const stderr = await firstErrorLine(['run', '--quick', '--quiet', '--layers', '1000000', '--out', join(dir, 'huge')]);
    expect(stderr).toMatch(/^warning: this run will write about [\d.]+ GiB into .*huge \(weights of 64-1000000 at every snapshot and checkpoint, 2 seeds\)/);
  });

  it('sweep --out under /proc and worker --out onto a file exit 2 at once with one line naming --out (sweep spun in /proc)', SLOW, async () => {
    const s = await orbitscope(['sweep', '--grid', grid, '--out', '/proc/orbitscope-test/sweep'], { timeoutMs: 60_000 });
    expect([s.signal, s.code]).toEqual([null, 2]);
    expect(oneErrorLine(s, 'sweep')).toBe(true);
    expect(s.stderr).toContain('--out /proc/orbitscope-test/sweep: /proc is a kernel file system');
    const w = await orbitscope(['worker', '--queue', 'redis://127.0.0.1:1', '--out', npy], { timeoutMs: 60_000 });
    expect(w.code).toBe(2);
    expect(w.stderr.trim()).toBe(`orbitscope worker: --out ${npy}: is a file, not a directory`);
  });

  // root writes anywhere, so the unwritable folder is tried as the user nobody (setpriv)
  const asNobody = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
  it.skipIf(process.getuid?.() !== 0 || !asNobody)('train, run, analyze, shadow and sweep --out into a folder the user cannot write exit 2 with one line, before any work', SLOW, async () => {
    const model = join(dir, 'model-ro');
    expect((await orbitscope(['train', '--data', `npy:${npy}`, '--layers', '3', '--epochs', '1', '--batch', '10', '--quiet', '--out', model])).code).toBe(0);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    chmodSync(dir, 0o755);
    spawnSync('chmod', ['-R', 'a+rX', model, npy, grid]);
    const nobody = (args: string[]) => spawnSync('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', process.execPath, BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
    const cases: [string, string[]][] = [
      ['train', ['train', '--data', `npy:${npy}`, '--quiet', '--out', join(locked, 'run')]],
      ['run', ['run', '--quick', '--quiet', '--out', join(locked, 'run')]],
      ['analyze', ['analyze', '--model', model, '--group', 'so2', '--out', join(locked, 'a.json')]],
      ['shadow', ['shadow', '--model', model, '--data', `npy:${npy}`, '--family', 'perm', '--out', join(locked, 's.json')]],
      ['sweep', ['sweep', '--grid', grid, '--out', join(locked, 'sweep')]],
    ];
    for (const [command, args] of cases) {
      const r = nobody(args);
      expect(r.status, `${command}: ${r.stderr}`).toBe(2);
      expect(oneErrorLine({ code: r.status, signal: null, stdout: r.stdout, stderr: r.stderr }, command), r.stderr).toBe(true);
      expect(r.stderr).toMatch(new RegExp(`--out ${locked}/\\S+: .*\\(EACCES\\)`));
    }
  });
});
