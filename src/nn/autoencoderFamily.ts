import { compile, float32, type CompiledGraph, type Tensor } from '../engine/index.js';
import { stepInputName, stepSlices } from './graphOps.js';
import { autoencoderParamNames, autoencoderParamShapes, buildAutoencoderGraph, type AutoencoderGraphSpec } from './autoencoderGraph.js';
import type { ModelFamily } from './modelFamily.js';
import { stateNames } from './optimizer.js';
import type { AutoencoderSettings } from './options.js';

/** Glorot-uniform bound sqrt(6/(fan_in+fan_out)), times 4 for sigmoid units (Glorot & Bengio 2010, eq. 16 and sec. 4.2.2). */
function glorot(d: number, h: number, sigmoid: boolean): number {
  return (sigmoid ? 4 : 1) * Math.sqrt(6 / (d + h));
}

/**
 * The autoencoder family: sizes [d, h1, ..., hL] (L = 1 for one greedy layer, more for the
 * unrolled deep autoencoder). `decoders` lists g_l of each layer (default: s.decoder for all).
 */
export function autoencoderFamily(sizes: readonly number[], s: AutoencoderSettings, lr: number, batch: number, steps: number, threads: number, activations?: { encoder: AutoencoderSettings['encoder'][]; decoder: AutoencoderSettings['decoder'][] }): ModelFamily {
  const L = sizes.length - 1;
  const spec: AutoencoderGraphSpec = {
    sizes,
    encoder: activations?.encoder ?? Array(L).fill(s.encoder),
    decoder: activations?.decoder ?? Array(L).fill(s.decoder),
    tied: s.tied,
    loss: s.loss,
    noise: s.noise,
    sparsityTarget: s.sparsityTarget,
    sparsityWeight: s.sparsityWeight,
    weightDecay: s.weightDecay,
    optimizer: s.optimizer,
    lr,
    momentum: s.optimizer === 'sgd' ? s.momentum : 0,
    adam: { beta1: s.beta1, beta2: s.beta2, epsilon: s.epsilon },
    steps,
    batch,
  };
  const paramNames = autoencoderParamNames(L, s.tied);
  const shapes = autoencoderParamShapes(sizes, s.tied);
  const carried = paramNames.flatMap((p) => [p, ...stateNames(s.optimizer, p, spec.momentum)]);
  for (const p of paramNames) for (const st of stateNames(s.optimizer, p, spec.momentum)) shapes[st] = shapes[p];
  const d = sizes[0];
  const graphs = new Map<number, Promise<CompiledGraph>>();
  const noiseBuffers = new Map<number, Float32Array>();
  return {
    kind: 'ae',
    dataInput: 'x',
    lossOutput: 'loss',
    paramNames,
    carried,
    shapes,
    encoderActivations: spec.encoder,
    init(rng) {
      const out: Record<string, Float32Array> = {};
      for (const n of carried) out[n] = new Float32Array(shapes[n].reduce((a, b) => a * b, 1));
      for (let l = 0; l < L; l++) {
        const r = glorot(sizes[l], sizes[l + 1], spec.encoder[l] === 'sigmoid');
        rng.fillUniform(out[`W${l}`], -r, r);
        if (!s.tied) rng.fillUniform(out[`V${l}`], -r, r);
      }
      return out;
    },
    graph: (m) => {
      let g = graphs.get(m);
      if (!g) graphs.set(m, (g = compile(buildAutoencoderGraph({ ...spec, steps: m }), { threads, memoryPattern: false, spinning: m === steps })));
      return g;
    },
    stepFeeds(m, b, rng, _epoch, t0) {
      if (b !== batch) throw new Error(`autoencoderFamily: built for minibatch ${batch}, fed ${b}`);
      let feeds: Record<string, Tensor> = {};
      if (s.optimizer === 'adam') {
        for (let i = 0; i < m; i++) {
          const t = t0 + i + 1;
          feeds[stepInputName('adamC1', i)] = float32([1 / (1 - s.beta1 ** t)], []);
          feeds[stepInputName('adamC2', i)] = float32([1 / (1 - s.beta2 ** t)], []);
        }
      }
      if (s.noise !== 'none') {
        let noise = noiseBuffers.get(m);
        // reused across calls: the fit loop consumes the feeds before the next call
        if (!noise) noiseBuffers.set(m, (noise = new Float32Array(m * batch * d)));
        if (s.noise === 'mask') for (let i = 0; i < noise.length; i++) noise[i] = rng.float() < s.noiseLevel ? 0 : 1;
        else rng.fillNormal(noise, 0, s.noiseLevel);
        feeds = { ...feeds, ...stepSlices('noise', noise, m, [batch, d]) };
      }
      return feeds;
    },
  };
}
