import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeNpy } from '../../src/data/npy.js';
import { RandomSource } from '../../src/core/random.js';
import { orbitscope, oneErrorLine } from './bin.js';

const SLOW = { timeout: 120_000 };

describe('messages name the option and value in the user\'s words (through bin/orbitscope.mjs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbitscope-messages-'));
  const npy = (name: string, h: number, w: number, f: (i: number) => number) => {
    const path = join(dir, name);
    writeFileSync(path, encodeNpy(Float32Array.from({ length: h * w }, (_, i) => f(i)), [h, w]));
    return path;
  };
  const rng = RandomSource.fromSeed(9);
  const small = npy('small.npy', 3, 3, () => rng.float());
  const zero = npy('zero.npy', 12, 12, () => 0);
  // pixel noise: resampling error alone is far above eps 0.1
  const sharp = npy('sharp.npy', 16, 16, () => rng.float());

  it('a positive-only option says "a positive number", never 5e-324', SLOW, async () => {
    const r = await orbitscope(['run', '--quick', '--eps', '0']);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r, 'run')).toBe(true);
    expect(r.stderr).toContain('--eps');
    expect(r.stderr).toContain('expected a positive number, got 0');
    expect(r.stderr).not.toMatch(/5e-324|Infinity/);
  });

  it('train --out "" names --out, not trainStack\'s runDir', SLOW, async () => {
    const r = await orbitscope(['train', '--out', '']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('orbitscope train: --out: expected a path, got an empty string');
  });

  it('orbit under a Lie group names --image for a too small or a zero image, not the library function', SLOW, async () => {
    const a = await orbitscope(['orbit', '--image', small, '--group', 'so2']);
    expect(a.code).toBe(2);
    expect(a.stderr.trim()).toBe('orbitscope orbit: --image: the image is 3 x 3; continuous groups need at least 5 x 5 pixels');
    const b = await orbitscope(['orbit', '--image', zero, '--group', 'se2']);
    expect(b.code).toBe(2);
    expect(oneErrorLine(b, 'orbit')).toBe(true);
    expect(b.stderr).toContain('--image: the image is zero inside the window');
    expect(b.stderr).not.toMatch(/orbitDimension|continuousOrbitReport/);
  });

  it('orbit --group se2 --eps 0.1 --tol 0.01 (the README example) prints in text every warning its JSON carries', SLOW, async () => {
    const args = ['orbit', '--image', sharp, '--group', 'se2', '--eps', '0.1', '--tol', '0.01', '--samples', '64'];
    const json = await orbitscope([...args, '--json']);
    expect(json.code).toBe(0);
    const warnings = (JSON.parse(json.stdout) as { warnings?: string[] }).warnings ?? [];
    expect(warnings.length).toBeGreaterThan(0);
    const text = await orbitscope(args);
    expect(text.code).toBe(0);
    for (const w of warnings) expect(text.stdout).toContain(`warning: ${w}`);
  });
});
