import { matmul } from '../engine/matmul.js';
import { activationMaximum, linearComposite, topActivatingMean } from '../analysis/inputSpaceFeatures.js';
import type { EncoderLayer } from '../nn/autoencoderLayer.js';

/** The three labelled input-space images of a deep layer's units (SPEC.md, Feature). */
export interface DeepUnitView {
  readonly layer: number;
  readonly view: 'linear composite' | 'activation maximum' | 'top-20 mean';
  /** units x n. */
  readonly images: Float32Array;
}

/**
 * For every layer above the first: the linear composite of the weights, the activation-maximising
 * input under an L2 bound equal to the mean norm of the inputs (seeded projected gradient ascent),
 * and the mean of the 20 most activating inputs, each mapped back to pixel space by `unwhiten`
 * when the data were whitened.
 */
export async function deepUnitViews(stack: readonly EncoderLayer[], inputs: Float32Array, count: number, n: number, unwhiten?: Float32Array): Promise<DeepUnitView[]> {
  let norm = 0;
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let p = 0; p < n; p++) s += inputs[i * n + p] ** 2;
    norm += Math.sqrt(s) / count;
  }
  const back = async (x: Float32Array) => (unwhiten ? (await matmul(x, [x.length / n, n], unwhiten, [n, n])).data : x);
  const views: DeepUnitView[] = [];
  for (let layer = 2; layer <= stack.length; layer++) {
    const units = stack[layer - 1].weights.shape[0];
    const maxima = new Float32Array(units * n);
    for (let u = 0; u < units; u++) maxima.set(activationMaximum(stack, layer, u, { norm, steps: 60, seed: u }).input, u * n);
    views.push(
      { layer, view: 'linear composite', images: await back(await linearComposite(stack, layer)) },
      { layer, view: 'activation maximum', images: await back(maxima) },
      { layer, view: 'top-20 mean', images: await back(await topActivatingMean(stack, layer, inputs, count, 20)) },
    );
  }
  return views;
}
