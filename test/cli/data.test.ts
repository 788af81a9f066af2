import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/program.js';
import { encodeNpy } from '../../src/data/index.js';
import { encodeIdx } from '../../src/testing/index.js';

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}
async function run(...argv: string[]) {
  const io = capture();
  const code = await main(['node', 'orbitscope', 'data', ...argv], io);
  return { code, ...io };
}
const dir = mkdtempSync(join(tmpdir(), 'orbitscope-cli-data-'));

describe('orbitscope data', () => {
  it('main(["data", "--data", "shapes:...", "--json", "--out", f]) prints the summary as JSON and writes an 8 x 8 grid', async () => {
    const out = join(dir, 'grid.png');
    const r = await run('--data', 'shapes:n=8,count=100,seed=2', '--json', '--out', out);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect([s.count, s.height, s.width, s.min, s.max]).toEqual([100, 8, 8, 0, 1]);
    const placements = Object.values(s.shapes.primitiveCounts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(placements).toBeGreaterThanOrEqual(100);
    expect(placements).toBeLessThanOrEqual(300);
    const png = PNG.sync.read(readFileSync(out));
    const zoom = 12; // 96 / 8
    expect(png.width).toBe(8 * (8 * zoom + 1) + 1);
  });

  it('main(["data", "--data", "mnist"]) prints a readable summary with label counts', async () => {
    const r = await run('--data', 'mnist:count=50');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/50 samples of 28 x 28/);
    expect(r.stdout).toMatch(/labels: 0:5 1:5/);
  });

  const bad = (name: string, bytes: Uint8Array | string) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const cases: Array<[string, () => string[], RegExp]> = [
    ['an unknown spec key', () => ['--data', 'shapes:size=3'], /^orbitscope data: data spec "shapes:size=3": unknown key "size"/],
    ['a bad spec value', () => ['--data', 'shapes:count=-1'], /count must be an integer in \[1, /],
    ['a missing natural folder', () => ['--data', `natural:${join(dir, 'absent')}`], /absent: cannot read folder \(ENOENT\)/],
    [
      'a folder with no images',
      () => {
        const d = join(dir, 'noimg');
        mkdirSync(d, { recursive: true });
        return ['--data', `natural:${d}`];
      },
      /noimg: no PNG or JPEG images/,
    ],
    ['an IDX file with the wrong magic', () => ['--data', `idx:${bad('magic.idx', Uint8Array.from([1, 2, 3, 4, 5]))}`], /magic\.idx: not an IDX file: magic number starts 01 02 03 04/],
    ['a truncated IDX body', () => ['--data', `idx:${bad('trunc.idx', encodeIdx(new Uint8Array(30), [3, 4, 4]))}`], /trunc\.idx: IDX body truncated/],
    ['a .npy of rank 1', () => ['--data', `npy:${bad('r1.npy', encodeNpy(new Float32Array(4), [4]))}`], /r1\.npy: expected an array of rank 2/],
    ['a .npy with NaN', () => ['--data', `npy:${bad('nan.npy', encodeNpy(Float32Array.from([0, NaN, 0, 0]), [1, 4]))}`], /nan\.npy: non-finite value \(NaN\)/],
    ['an --out that is not .png', () => ['--data', 'shapes:count=2', '--out', join(dir, 'x.jpg')], /--out: expected a \.png file name/],
  ];
  for (const [what, argv, msg] of cases) {
    it(`main(["data", ...]) exits 2 with one line naming the problem for ${what}`, async () => {
      const r = await run(...argv());
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
      expect(r.stdout).toBe('');
    });
  }

  it('main(["data", "--strict", ...]) fails on a corrupt image that is otherwise skipped with a warning', async () => {
    const d = join(dir, 'mixed');
    mkdirSync(d);
    const png = new PNG({ width: 20, height: 20 });
    for (let i = 0; i < 400; i++) png.data.set([(i * 37) % 256, (i * 11) % 256, i % 256, 255], 4 * i);
    writeFileSync(join(d, 'good.png'), PNG.sync.write(png));
    writeFileSync(join(d, 'bad.png'), 'not a png');
    const lax = await run('--data', `natural:${d},patch=8,count=10`);
    expect(lax.code).toBe(0);
    expect(lax.stderr).toMatch(/warning: skipping .*bad\.png: cannot decode image/);
    const strict = await run('--data', `natural:${d},patch=8,count=10`, '--strict');
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/bad\.png: cannot decode image/);
  });
});
