import { describe, expect, it } from 'vitest';
import { encodeLayer, reconstruct } from '../../src/analysis/index.js';
import { encodeRows, type Activation, type AutoencoderLayer } from '../../src/nn/index.js';
import { RandomSource } from '../../src/core/index.js';
import { autoencoderObjectiveReference } from '../../src/testing/index.js';

const d = 12;
const h = 5;
const count = 7;

function layerOf(seed: number, tied: boolean, activation: Activation, decoderActivation: Activation): AutoencoderLayer {
  const r = RandomSource.fromSeed(seed);
  const W = r.fillNormal(new Float32Array(h * d), 0, 0.4);
  const b = r.fillNormal(new Float32Array(h), 0, 0.1);
  const c = r.fillNormal(new Float32Array(d), 0, 0.1);
  const V = tied ? undefined : r.fillNormal(new Float32Array(d * h), 0, 0.4);
  return { weights: { W, b, c, ...(V ? { V } : {}), shape: [h, d] }, activation, decoderActivation };
}

describe('the analysis forward pass of the one layer model', () => {
  const x = RandomSource.fromSeed(1).fillUniform(new Float32Array(count * d));
  for (const tied of [true, false]) {
    for (const [f, g] of [['sigmoid', 'sigmoid'], ['tanh', 'linear'], ['relu', 'tanh'], ['linear', 'relu']] as const) {
      it(`reconstruct (${tied ? 'tied' : 'untied'}, f = ${f}, g = ${g}) gives the reference objective's reconstructions: mean squared error agrees to 1e-5`, async () => {
        const layer = layerOf(2, tied, f, g);
        const out = await reconstruct(layer, x, count);
        let sse = 0;
        for (let i = 0; i < x.length; i++) sse += (out[i] - x[i]) ** 2;
        const { W, b, c, V } = layer.weights;
        const reference = autoencoderObjectiveReference(
          { sizes: [d, h], encoder: [f], decoder: [g], tied, loss: 'mse', noise: 'mask', sparsityTarget: 0.05, sparsityWeight: 0, weightDecay: 0, optimizer: 'sgd', lr: 0, momentum: 0, adam: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, steps: 1, batch: count },
          { W0: W, b0: b, c0: c, ...(V ? { V0: V } : {}) },
          x,
          null,
          count,
        );
        expect(Math.abs(sse / count - reference)).toBeLessThan(1e-5 * Math.max(1, reference));
      });
    }
  }

  it('encodeLayer agrees with the ONNX encoder (encodeRows) to float32 rounding for every activation', async () => {
    for (const f of ['sigmoid', 'tanh', 'relu', 'linear'] as const) {
      const layer = layerOf(3, true, f, 'linear');
      const ours = await encodeLayer(layer, x, count);
      const onnx = await encodeRows([layer], x, count, 1);
      expect(ours.length).toBe(count * h);
      for (let i = 0; i < ours.length; i++) expect(Math.abs(ours[i] - onnx[i])).toBeLessThan(1e-6);
    }
  });
});
