// Issue 15's group/count/orbit items, through the real bin script: exit codes, one-line messages,
// summarised output for large degrees, and p4m stabilizers of large images without enumerating.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { RandomSource } from '../../src/core/index.js';

const root = new URL('../..', import.meta.url).pathname;
function bin(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/orbitscope.mjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orbitscope-group-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('group: limits and large outputs', () => {
  it('a point beyond the supported degree exits 2 with one line naming --gens (was exit 1 "Invalid typed array length")', () => {
    const r = bin('group', '--gens', '(1,99999999999999999999)');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^orbitscope group: --gens "\(1,99999999999999999999\)": point 99999999999999999999 .* above the largest supported degree 33554432/);
    const d = bin('group', '--gens', '(1,2)', '--degree', '100000000');
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/--degree/);
  });

  it('(1,2) on 2,000,000 points prints a few lines (orbit count and sizes), not every singleton orbit; --full lists them', () => {
    const r = bin('group', '--gens', '(1,2)', '--degree', '2000000');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeLessThan(500);
    expect(r.stdout).toMatch(/orbits: 1999999 \(1999998 of size 1, 1 of size 2\); --full lists them/);
    const j = JSON.parse(bin('group', '--gens', '(1,2)', '--degree', '2000000', '--json').stdout);
    expect(j.orbitCount).toBe(1999999);
    expect(j.orbitSizes).toEqual({ 2: 1, 1: 1999998 });
    expect(j.orbits).toBeUndefined();
    const full = bin('group', '--gens', '(1,2)', '--degree', '2000', '--full');
    expect(full.stdout).toMatch(/orbits: \{1,2\} \{3\} \{4\}/);
  });

  it('three random permutations of 20,000 points answer at once: recognised as a giant, order exact', () => {
    const rng = RandomSource.fromSeed(8);
    const n = 20000;
    const file = join(dir, 'random3.txt');
    writeFileSync(file, Array.from({ length: 3 }, () => `[${Array.from(rng.permutation(n), (p) => p + 1).join(',')}]`).join('\n'));
    const r = bin('group', '--gens-file', file, '--json', '--quiet');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.certificate).toBe('giant');
    // n! or n!/2: the number of digits of 20000! is 77338
    expect([77338, 77337]).toContain(j.order.length);
    expect(j.orbitCount).toBe(1);
  });

  it('--help states the practical sizes and that long generators go through --gens-file', () => {
    const r = bin('group', '--help');
    expect(r.stdout).toMatch(/--gens-file FILE/);
    expect(r.stdout).toMatch(/Practical sizes/);
    expect(r.stdout).toMatch(/--full/);
  });
});

describe('orbit: p4m on large images', () => {
  function checkerboard(n: number, square: number): string {
    const png = new PNG({ width: n, height: n });
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) {
        const v = (Math.floor(r / square) + Math.floor(c / square)) % 2 ? 255 : 0;
        const i = 4 * (r * n + c);
        png.data[i] = png.data[i + 1] = png.data[i + 2] = v;
        png.data[i + 3] = 255;
      }
    const file = join(dir, `check-${n}.png`);
    writeFileSync(file, PNG.sync.write(png));
    return file;
  }

  it('a 128 x 128 and a 512 x 512 checkerboard under p4m: exact orbit sizes (was a V8 out-of-memory at 128)', () => {
    // squares of side 8: translations by (8i, 8j) with i + j even (2 (n/16)^2 of them) times the 8 elements of D4 about a square's centre
    for (const n of [128, 512]) {
      const r = bin('orbit', '--image', checkerboard(n, 8), '--group', 'p4m', '--json');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.groupOrder).toBe(String(8 * n * n));
      expect(j.stabilizerOrder).toBe(String(8 * 2 * (n / 16) ** 2));
      expect(j.orbitSize).toBe('128');
    }
  });
});

describe('group: progress', () => {
  it('off a terminal, a long computation prints one line when a stage starts and one when it ends (stderr only)', async () => {
    const { groupProgress } = await import('../../src/cli/commands/group.js');
    const { PermGroup } = await import('../../src/groups/index.js');
    const lines: string[] = [];
    const io = { out: () => undefined, err: (t: string) => void lines.push(t) };
    const progress = groupProgress(io, null, 0);
    // M12 through the random chain and the deterministic verification: several reports per stage
    const G = PermGroup.fromCycles(['(1,2,3,4,5,6,7,8,9,10,11)', '(3,7,11,8)(4,10,5,6)', '(1,12)(2,11)(3,6)(4,8)(5,9)(7,10)'], 12, { onProgress: progress.report });
    expect(G.order()).toBe(95040n);
    progress.stop();
    const starts = lines.filter((l) => l.endsWith('...'));
    const ends = lines.filter((l) => / done \(\d+\.\d s\)$/.test(l));
    expect(starts.map((l) => l.replace(/\.\.\.$/, ''))).toEqual(['group: orbits, direct factors and giant test', 'group: random Schreier-Sims', 'group: verifying the chain (Schreier generators)']);
    expect(ends).toHaveLength(starts.length);
    expect(lines.length).toBe(starts.length + ends.length);
  });
});
