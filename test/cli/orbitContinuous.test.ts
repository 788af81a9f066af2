import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orbitContinuous } from '../../src/cli/commands/orbitContinuous.js';
import { main } from '../../src/cli/main.js';
import { gaussianBlob } from '../../src/testing/index.js';

const n = 25;
const image = { height: n, width: n, pixels: gaussianBlob(n, n, 3) };
const file = join(mkdtempSync(join(tmpdir(), 'orbitscope-orbit-continuous-')), 'blob.json');
writeFileSync(file, JSON.stringify(Array.from({ length: n }, (_, r) => Array.from(image.pixels.subarray(r * n, (r + 1) * n)))));

/** Run the CLI in this process with captured streams. */
async function cli(args: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  const code = await main(['node', 'orbitscope', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('orbit command, continuous groups', () => {
  it('orbit: --tol, --interp, --border, --samples and --eps arrive typed from the registrar\'s parsers', async () => {
    const r = await cli(['orbit', '--image', file, '--group', 'so2', '--tol', '1e-3', '--interp', 'bicubic', '--border', 'periodic', '--samples', '16', '--eps', '0.05', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect([out.tol, out.interp, out.border, out.samples]).toEqual([1e-3, 'bicubic', 'periodic', 16]);
  });

  it('orbit names the flag and the bad value (exit 2, one line)', async () => {
    const cases: [string[], string][] = [
      [['--tol', '-1'], `option '--tol <t>' argument '-1' is invalid. expected a positive number, got -1`],
      [['--tol', 'abc'], `option '--tol <t>' argument 'abc' is invalid. expected a number, got "abc"`],
      [['--interp', 'nearest'], `option '--interp <kind>' argument 'nearest' is invalid. expected one of bilinear, bicubic, got "nearest"`],
      [['--border', 'wrap'], `option '--border <mode>' argument 'wrap' is invalid. expected one of zero, periodic, reflect, got "wrap"`],
      [['--samples', '2.5'], `option '--samples <n>' argument '2.5' is invalid. expected an integer, got "2.5"`],
      [['--eps', '0'], '--eps: expected a number > 0 for the Lie group so2, got 0'],
    ];
    for (const [flags, message] of cases) {
      const r = await cli(['orbit', '--image', file, '--group', 'so2', ...flags]);
      expect([r.code, r.stderr.trim()]).toEqual([2, `orbitscope orbit: ${message}`]);
    }
  });

  it('orbitContinuous(blob, "aff2") returns the report with the contract fields', async () => {
    const r = await orbitContinuous(image, 'aff2', { tol: 0.01 });
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['group', 'dim', 'orbitDim', 'stabilizerDim', 'singularValues']));
    expect([r.group, r.dim, r.orbitDim, r.stabilizerDim]).toEqual(['aff2', 6, 5, 1]);
    const e = await orbitContinuous(image, 'so2', { eps: 0.1, samples: 32 });
    expect(Object.keys(e)).toEqual(expect.arrayContaining(['epsStabilizerMeasure', 'epsOrbitSize', 'samples']));
  });

  it('orbitContinuous rejects a group that is not continuous', async () => {
    await expect(orbitContinuous(image, 'p4m', {})).rejects.toThrow('--group: "p4m" is not a continuous group; expected one of t2, so2, scale, se2, sim2, gl2, aff2');
  });
});
