import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orbitscope } from './bin.js';

describe('orbitscope run --preset natural (through bin/orbitscope.mjs)', () => {
  it('run --preset natural works from any directory: it reads the photographs shipped in data/natural', { timeout: 300_000 }, async () => {
    // a working directory with no ../shared/data/natural beside it, as after a fresh clone
    const cwd = mkdtempSync(join(tmpdir(), 'orbitscope-natural-'));
    const r = await orbitscope(['run', '--preset', 'natural', '--quick', '--seeds', '1', '--epochs', '1', '--quiet', '--out', 'run'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const config = JSON.parse(readFileSync(join(cwd, 'run', 'config.json'), 'utf8')) as { config: { data: string } };
    expect(config.config.data).toMatch(/^natural:.*data[/\\]natural,patch=8/);
  });
});

describe('orbitscope run default directory name', () => {
  it('run names its default directory after every seed it holds (seeds0-1), not the first alone', { timeout: 300_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'orbitscope-runname-'));
    const r = await orbitscope(['run', '--quick', '--epochs', '1', '--json', '--quiet'], { cwd });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { out: string }).out).toBe('runs/shapes-quick-seeds0-1');
    expect(existsSync(join(cwd, 'runs', 'shapes-quick-seeds0-1', 'results.json'))).toBe(true);
  });
});

describe('orbitscope run progress', () => {
  it('run prints one line per seed for its analysis phase when stderr is not a terminal', { timeout: 300_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'orbitscope-runprogress-'));
    const r = await orbitscope(['run', '--quick', '--seeds', '1', '--epochs', '1', '--out', 'run'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => /^seed 0: analysis: \d+ parts in [\d.]+ s$/.test(l))).toHaveLength(1);
  });
});
