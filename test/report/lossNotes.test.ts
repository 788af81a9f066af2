// Issue 15: a loss that rises after epoch 2 (the natural preset, layer 1) is flagged in
// report.html and in run's console summary, from the per-epoch losses results.json keeps.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lossRises } from '../../src/nn/lossRises.js';
import { trainingLossNotes } from '../../src/report/lossNotes.js';
import { reportHtml } from '../../src/report/html.js';
import { runSummaryJson, runSummaryText } from '../../src/cli/commands/run.js';
import { writeFixtureRun } from '../../src/testing/fixtureRun.js';
import type { Results } from '../../src/results/index.js';

describe('lossRises', () => {
  it('lossRises(losses) lists each epoch whose loss exceeds the epoch before, 1-based, and nothing for a falling loss', () => {
    expect(lossRises([1, 0.8, 0.9, 0.85, 0.86])).toEqual([
      { epoch: 3, from: 0.8, to: 0.9 },
      { epoch: 5, from: 0.85, to: 0.86 },
    ]);
    expect(lossRises([1, 0.8, 0.8, 0.5])).toEqual([]);
    expect(lossRises([0.7])).toEqual([]);
    // a missing loss is no rise, before or after it
    expect(lossRises([1, NaN, 2])).toEqual([]);
  });
});

describe('the note on a rising training loss', () => {
  const withLosses = async (losses: (seed: number, layer: number) => number[]): Promise<Results> => {
    const results = await writeFixtureRun(mkdtempSync(join(tmpdir(), 'orbitscope-loss-notes-')), { seeds: [0, 1], units: [4, 2], size: 8, snapshots: 2 });
    return { ...results, layers: results.layers.map((L) => ({ ...L, losses: losses(L.seed, L.layer) })) };
  };
  // the natural preset's shape: layer 1 of seed 1 falls for two epochs, then rises
  const rising = (seed: number, layer: number) => (seed === 1 && layer === 1 ? [0.52, 0.41, 0.43, 0.47] : [0.6, 0.5, 0.45, 0.44]);
  const falling = () => [0.6, 0.5, 0.45, 0.44];
  const NOTE = 'seed 1, layer 1: the training loss rose at epoch 3 (0.41 → 0.43), epoch 4 (0.43 → 0.47); not decreasing';

  it('trainingLossNotes names the seed, layer, epochs and losses of a rise, and only of that layer', async () => {
    const notes = trainingLossNotes((await withLosses(rising)).layers);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(NOTE);
    expect(trainingLossNotes((await withLosses(falling)).layers)).toEqual([]);
  });

  it('reportHtml and run\'s text and JSON summaries carry the note when the loss rose, and no note when it fell', async () => {
    const up = await withLosses(rising);
    const html = await reportHtml(up, { rows: [] }, []);
    expect(html).toMatch(/<section id="training"><h2>Training<\/h2><ul class="notes"><li class="note">Note: seed 1, layer 1: the training loss rose at epoch 3 \(0\.41 → 0\.43\)/);
    expect(html).not.toContain('fell at every epoch');
    const text = runSummaryText(up, 'runs/x', 1);
    expect(text.split('\n').filter((l) => l.startsWith('  note: '))).toEqual([expect.stringContaining(NOTE)]);
    expect((JSON.parse(runSummaryJson(up, 'runs/x')) as { notes: string[] }).notes).toEqual([expect.stringContaining(NOTE)]);

    const down = await withLosses(falling);
    const calm = await reportHtml(down, { rows: [] }, []);
    expect(calm).toContain('<section id="training"><h2>Training</h2><p>The training loss fell at every epoch of every layer and seed.</p></section>');
    expect(calm).not.toMatch(/loss rose/);
    expect(runSummaryText(down, 'runs/x', 1)).not.toMatch(/note:/);
    expect((JSON.parse(runSummaryJson(down, 'runs/x')) as { notes: string[] }).notes).toEqual([]);
  });
});
