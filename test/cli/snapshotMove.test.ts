// Issue 15: a run killed while its snapshots move into snapshots/seed-s resumes to the results
// of an uninterrupted run. The move is one rename; the process is killed with a real SIGKILL just
// before and just after it (ORBITSCOPE_CRASH_AT, src/core/crashPoint.ts), then started again.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orbitscope } from './bin.js';

const ARGS = ['run', '--quick', '--quiet', '--seeds', '1', '--epochs', '2'];

/** results.json without its timings (the one part that differs between runs). */
function results(dir: string): unknown {
  const r = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { timings?: unknown };
  delete r.timings;
  return r;
}

describe('run killed at the snapshot move (through bin/orbitscope.mjs)', () => {
  it('run killed by SIGKILL just before or just after the snapshot directory moves, then started again, ends with the results of an uninterrupted run', { timeout: 300_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'orbitscope-snapshot-move-'));
    const [whole, before, after] = ['whole', 'before', 'after'].map((n) => join(root, n));
    const [w, kb, ka] = await Promise.all([
      orbitscope([...ARGS, '--out', whole]),
      orbitscope([...ARGS, '--out', before], { env: { ORBITSCOPE_CRASH_AT: 'snapshots-before-move' } }),
      orbitscope([...ARGS, '--out', after], { env: { ORBITSCOPE_CRASH_AT: 'snapshots-after-move' } }),
    ]);
    expect([w.code, w.stderr]).toEqual([0, '']);
    for (const k of [kb, ka]) expect([k.code, k.signal]).toEqual([null, 'SIGKILL']);
    // killed before: every snapshot still beside the checkpoint; after: every one in place
    const staged = (dir: string) => join(dir, 'checkpoints', 'seed-0', 'snapshots');
    const placed = (dir: string) => join(dir, 'snapshots', 'seed-0');
    const count = (d: string) => (existsSync(d) ? readdirSync(d).length : 0);
    const snapshots = count(placed(whole));
    expect(snapshots).toBeGreaterThan(0);
    expect([count(staged(before)), count(placed(before))]).toEqual([snapshots, 0]);
    expect([count(staged(after)), count(placed(after))]).toEqual([0, snapshots]);
    for (const dir of [before, after]) expect(existsSync(join(dir, 'results.json'))).toBe(false);

    const [rb, ra] = await Promise.all([before, after].map((dir) => orbitscope([...ARGS, '--out', dir])));
    for (const [dir, r] of [[before, rb], [after, ra]] as const) {
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect([count(staged(dir)), count(placed(dir))]).toEqual([0, snapshots]);
      expect(results(dir)).toEqual(results(whole));
    }
  });
});
