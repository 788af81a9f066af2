// Issue 15: a rising training loss is flagged by a real run in all three places a user looks:
// the epoch's progress line, the summary on stdout and report.html.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orbitscope } from './bin.js';

describe('run flags a rising loss (through bin/orbitscope.mjs)', () => {
  it('run --lr 0.3 on the quick shapes world, whose layer 2 loss rises at epoch 3, notes it on stderr, stdout and in report.html', { timeout: 240_000 }, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'orbitscope-loss-note-')), 'run');
    const r = await orbitscope(['run', '--quick', '--seeds', '1', '--epochs', '4', '--lr', '0.3', '--out', out]);
    expect(r.code).toBe(0);
    const losses = (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { layers: { layer: number; losses: number[] }[] }).layers.map((L) => L.losses);
    // the premise, from the losses the run recorded: layer 2 rose at epoch 3 only, layer 1 fell throughout
    expect(losses[0].every((x, i) => i === 0 || x < losses[0][i - 1])).toBe(true);
    expect(losses[1][2]).toBeGreaterThan(losses[1][1]);
    expect(r.stderr.split('\n').filter((l) => l.includes('not decreasing'))).toEqual([expect.stringMatching(/^seed 0 layer 2\/2 epoch 3\/4 loss [\d.]+ \(note: the loss rose from [\d.]+; not decreasing\)$/)]);
    expect(r.stdout).toMatch(/^ {2}note: seed 0, layer 2: the training loss rose at epoch 3 \([\d.]+ → [\d.]+\); not decreasing/m);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/<li class="note">Note: seed 0, layer 2: the training loss rose at epoch 3 /);
  });
});
