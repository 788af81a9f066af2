import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeNpy } from '../../src/data/npy.js';
import { orbitscope, oneErrorLine } from './bin.js';

const SLOW = { timeout: 180_000 };
const claimsOf = (dir: string) => (JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { claims: unknown }).claims;

describe('orbitscope output paths and run directories (through bin/orbitscope.mjs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbitscope-outputs-'));
  const file = join(dir, 'a-file');
  writeFileSync(file, 'not a directory');
  const npy = join(dir, 'x.npy');
  writeFileSync(npy, encodeNpy(Float32Array.from({ length: 60 * 9 }, (_, i) => ((i * 7) % 5 < 2 ? 1 : 0)), [60, 3, 3]));

  it('orbitscope run --out FILE exits 2 with one line naming --out, and leaves the file alone', SLOW, async () => {
    const r = await orbitscope(['run', '--quick', '--quiet', '--out', file]);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r, 'run')).toBe(true);
    expect(r.stderr).toContain(`--out ${file}: is a file, not a directory`);
    expect(readFileSync(file, 'utf8')).toBe('not a directory');
  });

  it('orbitscope train --out below a file exits 2 with one line', SLOW, async () => {
    const r = await orbitscope(['train', '--data', `npy:${npy}`, '--quiet', '--out', join(file, 'run')]);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r, 'train')).toBe(true);
    expect(r.stderr).toContain('--out');
  });

  it('orbitscope run --out /proc/... exits 2 at once instead of spinning', SLOW, async () => {
    const r = await orbitscope(['run', '--quick', '--quiet', '--out', '/proc/orbitscope-test/run'], { timeoutMs: 60_000 });
    expect(r.signal).toBe(null);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r, 'run')).toBe(true);
    expect(r.stderr).toContain('kernel file system');
  });

  it('orbitscope analyze and shadow --out into a missing folder or onto a directory exit 2 before any work', SLOW, async () => {
    const model = join(dir, 'model');
    expect((await orbitscope(['train', '--data', `npy:${npy}`, '--layers', '4', '--epochs', '1', '--batch', '10', '--quiet', '--out', model])).code).toBe(0);
    const a = await orbitscope(['analyze', '--model', model, '--group', 'so2', '--out', join(dir, 'missing', 'a.json')]);
    expect(a.code).toBe(2);
    expect(oneErrorLine(a, 'analyze')).toBe(true);
    expect(a.stderr).toMatch(/--out .*: the folder .* does not exist/);
    const s = await orbitscope(['shadow', '--model', model, '--data', `npy:${npy}`, '--family', 'gl', '--out', dir]);
    expect(s.code).toBe(2);
    expect(oneErrorLine(s, 'shadow')).toBe(true);
    expect(s.stderr).toContain('is a directory');
  });

  it('a failed run (missing data folder) leaves no run directory behind', SLOW, async () => {
    const out = join(dir, 'fresh', 'run');
    const r = await orbitscope(['run', '--quick', '--quiet', '--data', `natural:${join(dir, 'no-such-folder')}`, '--out', out]);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r, 'run')).toBe(true);
    expect(existsSync(join(dir, 'fresh'))).toBe(false);
  });

  it('a damaged checkpoints/seed-0/config.json exits 2 naming the file', SLOW, async () => {
    const out = join(dir, 'damaged');
    mkdirSync(join(out, 'checkpoints', 'seed-0'), { recursive: true });
    writeFileSync(join(out, 'checkpoints', 'seed-0', 'config.json'), '{"configHash": "abc');
    const r = await orbitscope(['run', '--quick', '--quiet', '--seeds', '1', '--out', out]);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r, 'run')).toBe(true);
    expect(r.stderr).toContain(join(out, 'checkpoints', 'seed-0', 'config.json'));
    expect(r.stderr).toContain('damaged');
  });

  it('two orbitscope run into one new --out at once: one says the directory is in use and exits 2, the other finishes', SLOW, async () => {
    const out = join(dir, 'shared-run');
    const [a, b] = await Promise.all([0, 1].map(() => orbitscope(['run', '--quick', '--quiet', '--seeds', '1', '--out', out])));
    expect([a.code, b.code].sort()).toEqual([0, 2]);
    const loser = a.code === 2 ? a : b;
    expect(oneErrorLine(loser, 'run')).toBe(true);
    expect(loser.stderr).toMatch(/in use by another orbitscope process \(pid \d+\)/);
    expect(existsSync(join(out, 'results.json'))).toBe(true);
    expect(existsSync(join(out, '.orbitscope-lock'))).toBe(false);

    // the rerun recipe stored in config.json reruns the same run
    const config = JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')) as { rerun: string };
    expect(config.rerun).toBe(`orbitscope run --config ${join(out, 'config.json')} --out ${out}`);
    const before = claimsOf(out);
    const again = await orbitscope(config.rerun.split(' ').slice(1).concat('--quiet'));
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(claimsOf(out)).toEqual(before);

    // the snapshots move into snapshots/seed-0 with one rename: a kill leaves the state before it
    // (all still beside the checkpoint) or after it; both restart to the same results
    // (a kill before the move also comes before the seed's analysis was saved: remove that too)
    rmSync(join(out, 'results.json'));
    rmSync(join(out, 'analysis'), { recursive: true, force: true });
    renameSync(join(out, 'snapshots', 'seed-0'), join(out, 'checkpoints', 'seed-0', 'snapshots'));
    const beforeMove = await orbitscope(['run', '--config', join(out, 'config.json'), '--out', out, '--quiet']);
    expect(beforeMove.code).toBe(0);
    expect(existsSync(join(out, 'checkpoints', 'seed-0', 'snapshots'))).toBe(false);
    expect(claimsOf(out)).toEqual(before);
    rmSync(join(out, 'results.json'));
    const afterMove = await orbitscope(['run', '--config', join(out, 'config.json'), '--out', out, '--quiet']);
    expect(afterMove.code).toBe(0);
    expect(claimsOf(out)).toEqual(before);
  });
});
