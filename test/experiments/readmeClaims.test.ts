import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/packageRoot.js';
import { RunConfigSchema } from '../../src/experiments/config.js';
import { MINIMUM_SEEDS } from '../../src/experiments/inference/seedVerdict.js';
import { CONTROL_NAME } from '../../src/experiments/claims/minimalOrbitsFirst/judge.js';
import { C3_CONTROLS } from '../../src/experiments/claims/minimalOrbitsSimplest/index.js';
import { C4_CONTROL } from '../../src/experiments/claims/complexityGrowsWithDepth/index.js';
import { meanBaseline, pcaBaseline } from '../../src/experiments/claims/autoencodersStabilize/baselines.js';

// Issue 13: the README's claims table and verdict rule match the code word for word. The table's
// rows are read from README.md and compared with the names and numbers the code declares, so an
// edit to either side alone fails here.
const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8');

/** The claims table's rows by claim id: [statistic, controls, minimum effect]. */
function claimRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of readme.split('\n')) {
    const m = /^\| (C[2-5]) [^|]+\|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    const cells = m[2].split(/(?<!\\)\|/).map((c) => c.trim());
    rows.set(m[1], cells);
  }
  return rows;
}

describe('README claims table', () => {
  const rows = claimRows();
  const defaults = RunConfigSchema.shape.minimumEffects.parse(undefined);

  it('has one row for each judged claim C2-C5 and none for the self-checks', () => {
    expect([...rows.keys()].sort()).toEqual(['C2', 'C3', 'C4', 'C5']);
  });

  it('names the controls the claims declare, in their words', () => {
    expect(rows.get('C2')![1]).toBe(CONTROL_NAME);
    expect(rows.get('C3')![1]).toBe(C3_CONTROLS.join('; '));
    expect(rows.get('C4')![1]).toBe(C4_CONTROL);
    // C5's names carry the width: written "width" in the table
    const train = new Float32Array([0, 1, 2, 3, 4, 5, 6, 7, 9, 1, 0, 2]);
    const width = 2;
    const c5 = [meanBaseline(train, 4, 3).name, pcaBaseline(train, 4, 3, width).name, `linear autoencoder, ${width} units`].map((n) => n.replace(String(width), 'width'));
    expect(rows.get('C5')![1]).toBe(c5.join('; '));
  });

  it('gives the declared default minimum effects', () => {
    for (const id of ['C2', 'C3', 'C4', 'C5'] as const) expect(Number(rows.get(id)![2])).toBe(defaults[id]);
  });

  it("states the verdict rule's seed minimum and sign-flip level", () => {
    expect(readme).toContain(`at least ${MINIMUM_SEEDS} seeds each have a defined statistic`);
    expect(readme).toContain('gives p <= 0.025');
  });
});
