import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/random.js';
import { generateShapes } from '../../src/data/shapes/generateShapes.js';
import { confoundPrimitives, gl2WorldPrimitives } from '../../src/experiments/world.js';
import { confoundTable } from '../../src/experiments/confoundTable.js';
import { trainLinearTwin } from '../../src/experiments/linearTwin.js';
import { matchPrimitives } from '../../src/analysis/primitiveMatch.js';
import { collectPrimitiveOrder, type PrimitiveOrderSeed } from '../../src/experiments/claims/minimalOrbitsFirst/primitiveOrder.js';
import { judgePrimitiveOrder } from '../../src/experiments/claims/minimalOrbitsFirst/primitiveVerdict.js';

// C2 on the segments-and-flowers world must be able to fail (issue 14): networks that learned
// nothing, or nothing beyond what a linear autoencoder learns, give no supported verdict. The
// real world, linear training, orbit matching, null calibration and judgement at reduced size.
const n = 12;
const d = n * n;
const units = 8;
const SEEDS = 6;
const world = generateShapes({ variant: 'gl2', n, count: 600, seed: 5 });
const primitives = gl2WorldPrimitives(n);
const shares = confoundTable(confoundPrimitives(primitives, world.truth), world.pixels, 600, d).rows.map((r) => r.varianceShare);

/** Per seed: the linear twin's evidence, and the untrained layer's matches (snapshot 0 of the same weights). */
async function evidence(): Promise<{ order: PrimitiveOrderSeed; untrained: number[] }[]> {
  const out = [];
  for (let seed = 0; seed < SEEDS; seed++) {
    const twin = await trainLinearTwin(world.pixels, d, units, { epochs: 2, batch: 32, lr: 0.01, seed, optimizer: 'adam', weightDecay: 1e-3, snapshotsPerDecade: 5 });
    const untrained = (await matchPrimitives(twin[0].W, units, d, primitives)).perPrimitive;
    const order = await collectPrimitiveOrder({
      seed,
      primitives,
      varianceShares: shares,
      snapshotEpochs: [],
      trainedBest: [],
      untrained: twin[0].W,
      units,
      height: n,
      width: n,
      trainInputs: world.pixels,
      twin: { epochs: 2, batch: 32, lr: 0.01, seed, optimizer: 'adam', weightDecay: 1e-3, snapshotsPerDecade: 5 },
      twinSnapshots: twin,
      nullDraws: 4,
      rng: RandomSource.fromSeed(seed).fork(1),
    });
    out.push({ order, untrained });
  }
  return out;
}

describe('C2 on the gl2 world with nothing (new) to learn', () => {
  it('judgePrimitiveOrder is not supported when the "trained" network learned exactly what its linear twin learned, and never supported for a network that stayed untrained', async () => {
    const seeds = await evidence();
    const rule = { alpha: 0.05, minimumEffect: 0.1, minEmerged: 4 };
    // the linear twin's own trajectories as the trained network: spectral ordering and nothing else
    const linear = judgePrimitiveOrder(
      seeds.map(({ order }) => ({ ...order, snapshotEpochs: order.controlEpochs, trainedBest: order.controlBest })),
      rule,
    );
    expect(linear.perSeed.every((s) => s.trained.emerged >= 4)).toBe(true);
    expect(linear.verdict).toBe('not supported');
    expect(linear.difference.inference.ci![1]).toBeLessThan(0.1);
    // a network that never moved from its initial weights: its matches stay where the null put them
    const frozen = judgePrimitiveOrder(
      seeds.map(({ order, untrained }) => ({ ...order, snapshotEpochs: order.controlEpochs, trainedBest: order.controlEpochs.map(() => untrained) })),
      rule,
    );
    expect(frozen.verdict).not.toBe('supported');
    expect(frozen.reason ?? '').toMatch(/too few primitives emerged/);
  }, 120_000);
});
