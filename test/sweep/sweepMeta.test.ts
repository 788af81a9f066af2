import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/random.js';
import { cellResultsOf } from '../../src/sweep/cellResults.js';
import { expandSweep } from '../../src/sweep/sweepFile.js';
import { sweepMeta } from '../../src/sweep/sweepMeta.js';
import { sweepReportHtml } from '../../src/sweep/sweepReport.js';

const cells = expandSweep({ base: { quick: true }, grid: { model: ['ae', 'rbm'], lr: [0.01, 0.03, 0.1] } });

/** A results.json (the claims' schema: control, difference, per-seed differences) whose per-seed differences are effect(cell) + noise. */
function results(effect: (i: number) => number, seeds: number, seed: number, verdict: (i: number) => string) {
  const rng = RandomSource.fromSeed(seed);
  return cells.map((cell, i) => {
    const perSeed = Array.from({ length: seeds }, (_, s) => ({ seed: s, statistic: 0.5, ci: null, n: 20, verdict: 'x', control: 0.5 - effect(i), difference: effect(i) + 0.05 * rng.normal() }));
    const d = perSeed.map((p) => p.difference);
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const claim = { verdict: verdict(i), statistic: 0.5, ci: null, n: 20, title: 'Minimal orbits are simplest', statisticName: 'rho', threshold: 0, minimumEffect: 0.1, control: { name: 'untrained', statistic: 0.5 - effect(i), ci: null }, difference: { statistic: mean, ci: [mean - 0.05, mean + 0.05] }, perSeed };
    return { cell, results: cellResultsOf({ claims: { C3: claim }, features: [] }) };
  });
}

describe('sweepMeta', () => {
  it('sweepMeta(cells) pools trained-minus-control differences: a real effect is supported, and the cells whose verdict differs are the flips', () => {
    const [m] = sweepMeta(results(() => 0.4, 5, 1, (i) => (i === 4 ? 'inconclusive' : 'supported')));
    expect(m.estimateKind).toBe('difference');
    expect(m.pooled!.k).toBe(6);
    expect(m.pooled!.mu).toBeCloseTo(0.4, 1);
    expect(m.verdict).toBe('supported');
    expect(m.flips.map((r) => r.cell.label)).toEqual(['model=rbm lr=0.03']);
    expect(m.byOption.find((o) => o.option === 'model' && o.value === 'rbm')!.counts).toEqual({ supported: 2, inconclusive: 1 });
  });

  it('sweepMeta(cells) with no effect in any cell comes out not supported', () => {
    const [m] = sweepMeta(results(() => 0, 5, 2, () => 'not supported'));
    expect(m.verdict).toBe('not supported');
    expect(m.pooled!.ci[1]).toBeLessThan(0.1);
    expect(m.flips).toHaveLength(0);
  });

  it('sweepMeta(cells) where the effect is in half the cells has large I2 and names the option it flips with', () => {
    const [m] = sweepMeta(results((i) => (i < 3 ? 0.5 : 0), 5, 3, (i) => (i < 3 ? 'supported' : 'not supported')));
    expect(m.pooled!.I2).toBeGreaterThan(0.9);
    const byModel = m.byOption.filter((o) => o.option === 'model').map((o) => [o.value, o.counts]);
    expect(byModel).toEqual([['ae', { supported: 3 }], ['rbm', { 'not supported': 3 }]]);
  });

  it('sweepMeta(cells) with 2 seeds per cell is inconclusive and says why', () => {
    const [m] = sweepMeta(results(() => 0.4, 2, 4, () => 'supported'));
    expect(m.pooled).toBeNull();
    expect(m.verdict).toBe('inconclusive');
    expect(m.reason).toMatch(/only 0 cells with at least 3 seeds/);
  });

  it('sweepReportHtml(cells, metas) has the verdict table with a link to every cell, and a forest plot per claim', async () => {
    const finished = results(() => 0.4, 5, 5, () => 'supported');
    const html = await sweepReportHtml(finished, sweepMeta(finished), [{ cell: cells[0], message: 'boom' }]);
    for (const c of cells) expect(html).toContain(`href="cells/${c.id}/report.html"`);
    expect(html.match(/<svg/g)).toHaveLength(1);
    expect(html).toContain('pooled difference');
    expect(html).toMatch(/I² = \d/);
    expect(html).toContain('failed: boom');
  });
});
