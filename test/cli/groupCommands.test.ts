import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/program.js';
import { encodeNpy } from '../../src/data/npy.js';
import fixtures from '../fixtures/group-orders.json' with { type: 'json' };

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

async function run(...argv: string[]) {
  const io = capture();
  const code = await main(['node', 'orbitscope', ...argv], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orbitscope-groups-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('orbitscope group', () => {
  it('main(["group", --gens ..., --json]) prints degree, order, orbits, base and strongGeneratorCount', async () => {
    const r = await run('group', '--gens', '(1,2,3)(4,5)', '--gens', '(1,4)', '--degree', '7', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.degree).toBe(7);
    expect(out.order).toBe('120');
    expect(out.orbits).toEqual([[1, 2, 3, 4, 5], [6], [7]]);
    expect(out.base.every((p: number) => p >= 1 && p <= 5)).toBe(true);
    expect(out.strongGeneratorCount).toBeGreaterThanOrEqual(out.base.length);
  });

  it('main(["group", ...]) answers orbit, stabilizer, setwise, pointwise and membership questions in S_10', async () => {
    const r = await run('group', '--gens', '(1,2)', '--gens', '(1,2,3,4,5,6,7,8,9,10)', '--orbit-of', '3', '--stabilizer-of', '1',
      '--stabilizer-of-set', '1,2,3', '--stabilizer-of-tuple', '1,2,3', '--contains', '(1,10)(2,3)', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.order).toBe('3628800');
    expect(out.orbitOf).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(out.stabilizerOrder).toBe('362880');
    expect(out.setStabilizerOrder).toBe('30240');
    expect(out.tupleStabilizerOrder).toBe('5040');
    expect(out.contains).toBe(true);
  });

  it('main(["group", "--gens-file", F]) reads generators from a file and --contains can say no', async () => {
    const f = fixtures.groups.find((g) => g.name === 'M12')!;
    const file = join(dir, 'm12.txt');
    writeFileSync(file, `# M12\n${f.generators.join('\n')}\n`);
    const r = await run('group', '--gens-file', file, '--contains', '(1,2)', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ degree: 12, order: '95040', contains: false });
  });

  it('main(["group", ...]) without --json prints a short summary', async () => {
    const r = await run('group', '--gens', '(1,2,3)');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/degree 3, order 3/);
  });

  const bad: [string, string[], RegExp][] = [
    ['generators of different degrees', ['--gens', '[2,1]', '--gens', '[2,3,1]'], /--gens: generators of different degrees \(2 and 3\)/],
    ['a generator beyond --degree', ['--gens', '(1,9)', '--degree', '8'], /--gens "\(1,9\)": point 9 .*outside degree 8/],
    ['a point outside the degree', ['--gens', '(1,2,3)', '--orbit-of', '4'], /--orbit-of: point 4 is outside degree 3/],
    ['a set point outside the degree', ['--gens', '(1,2,3)', '--stabilizer-of-set', '1,5'], /--stabilizer-of-set: point 5 is outside degree 3/],
    ['a malformed cycle', ['--gens', '(1,2'], /--gens "\(1,2": malformed cycle notation "\(1,2"/],
    ['a repeated point', ['--gens', '(1,2,1)'], /--gens "\(1,2,1\)": point 1 is repeated/],
    ['a malformed --contains', ['--gens', '(1,2)', '--contains', '(1,x)'], /--contains: malformed/],
    ['no generators', [], /--gens: no generators given/],
    ['an unreadable generators file', ['--gens-file', '/nonexistent/g.txt'], /--gens-file \/nonexistent\/g\.txt: cannot read/],
  ];
  for (const [what, args, message] of bad) {
    it(`main(["group", ...]) with ${what} exits 2 naming the argument`, async () => {
      const r = await run('group', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^orbitscope group: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('orbitscope count', () => {
  it('main(["count", "--size", "3", "--colors", "2", "--group", "d4", "--json"]) prints 102 orbits and their sizes', async () => {
    const r = await run('count', '--size', '3', '--colors', '2', '--group', 'd4', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.orbits).toBe('102');
    const bySize = Object.entries(out.orbitsBySize as Record<string, string>);
    expect(bySize.reduce((a, [, c]) => a + BigInt(c), 0n)).toBe(102n);
    expect(bySize.reduce((a, [s, c]) => a + BigInt(s) * BigInt(c), 0n)).toBe(512n);
  });

  it('main(["count", ...]) with an unknown group exits 2', async () => {
    const r = await run('count', '--size', '3', '--colors', '2', '--group', 'e8');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--group/);
  });
});

describe('orbitscope orbit', () => {
  const rows = [
    [0, 0, 0, 0],
    [0, 1, 1, 0],
    [0, 1, 1, 0],
    [0, 0, 0, 0],
  ];

  it('main(["orbit", "--image", JSON, "--group", "d4"]) finds the full stabilizer of a centred square', async () => {
    const file = join(dir, 'square.json');
    writeFileSync(file, JSON.stringify(rows));
    const r = await run('orbit', '--image', file, '--group', 'd4', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ group: 'd4', groupOrder: '8', orbitSize: '1', stabilizerOrder: '8' });
    const t = JSON.parse((await run('orbit', '--image', file, '--group', 'translations', '--json')).stdout);
    expect(t).toEqual({ group: 'translations', groupOrder: '16', orbitSize: '16', stabilizerOrder: '1' });
    const s = JSON.parse((await run('orbit', '--image', file, '--group', 'symmetric', '--json')).stdout);
    expect(s).toEqual({ group: 'symmetric', groupOrder: '20922789888000', orbitSize: '1820', stabilizerOrder: '11496038400' });
  });

  it('main(["orbit", "--image", NPY, "--group", "p4m", "--eps", ...]) reads .npy and counts the eps-stabilizer', async () => {
    const file = join(dir, 'square.npy');
    writeFileSync(file, encodeNpy(Float32Array.from(rows.flat()), [4, 4]));
    const r = await run('orbit', '--image', file, '--group', 'p4m', '--eps', '0', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ group: 'p4m', groupOrder: '128', orbitSize: '16', stabilizerOrder: '8', epsStabilizerSize: '8' });
  });

  it('main(["orbit", "--image", PNG, "--levels", "2"]) reads a PNG as luminance and quantises it', async () => {
    const png = new PNG({ width: 2, height: 2 });
    const values = [250, 10, 10, 12];
    values.forEach((v, i) => png.data.set([v, v, v, 255], 4 * i));
    const file = join(dir, 'img.png');
    writeFileSync(file, PNG.sync.write(png));
    const exact = JSON.parse((await run('orbit', '--image', file, '--group', 'symmetric', '--json')).stdout);
    expect(exact.stabilizerOrder).toBe('2');
    const q = JSON.parse((await run('orbit', '--image', file, '--group', 'symmetric', '--levels', '2', '--json')).stdout);
    expect(q.stabilizerOrder).toBe('6');
  });

  it('main(["orbit", "--group", "gens:FILE"]) uses a generators file as the pixel group', async () => {
    const img = join(dir, 'row.json');
    writeFileSync(img, JSON.stringify([[1, 0, 0, 0]]));
    const gens = join(dir, 'c4.txt');
    writeFileSync(gens, '(1,2,3,4)\n');
    const r = await run('orbit', '--image', img, '--group', `gens:${gens}`, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ groupOrder: '4', orbitSize: '4', stabilizerOrder: '1' });
    const human = await run('orbit', '--image', img, '--group', `gens:${gens}`);
    expect(human.stdout).toMatch(/orbit size 4, stabilizer order 1/);
  });

  it('main(["orbit", ...]) with bad input exits 2 naming the argument', async () => {
    const npy3 = join(dir, 'cube.npy');
    writeFileSync(npy3, encodeNpy(new Float32Array(8), [2, 2, 2]));
    const wide = join(dir, 'wide.json');
    writeFileSync(wide, JSON.stringify([[0, 1, 0]]));
    const nine = join(dir, 'nine.json');
    writeFileSync(nine, JSON.stringify([[0, 1, 0], [1, 1, 1], [0, 1, 0]]));
    const badGens = join(dir, 'bad.txt');
    writeFileSync(badGens, '(1,9)\n');
    const cases: [string[], RegExp][] = [
      [['--image', '/nonexistent.png', '--group', 'd4'], /--image \/nonexistent\.png: cannot read/],
      [['--image', npy3, '--group', 'd4'], /--image .*cube\.npy: expected a 2-D array/],
      [['--image', wide, '--group', 'd4'], /--group d4: needs a square image, got 1 x 3/],
      [['--image', wide, '--group', 'e8'], /--group: unknown group "e8"/],
      [['--image', wide, '--group', `gens:${badGens}`], /--group gens:.*line 1: point 9 .*outside degree 3/],
      [['--image', wide, '--group', 'gens:/nonexistent.txt'], /--group gens:\/nonexistent\.txt: cannot read/],
      [['--image', npy3.replace('cube', 'missing'), '--group', 'p4m'], /--image .*missing\.npy: cannot read/],
      [['--image', nine, '--group', 'symmetric', '--eps', '0.1'], /--eps: the eps-stabilizer enumerates the group, and --group symmetric has order 362880, above 100000/],
      [['--image', wide, '--group', 'd4', '--levels', '1'], /--levels/],
    ];
    for (const [args, message] of cases) {
      const r = await run('orbit', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^orbitscope orbit: /);
      expect(r.stderr).toMatch(message);
    }
  });
});
