import { RandomSource } from '../core/index.js';
import { compile, float32, type CompiledGraph, type Tensor } from '../engine/index.js';
import type { ModelFamily } from './modelFamily.js';
import { stepSlices } from './graphOps.js';
import { fillUniformPairs } from './uniforms.js';
import type { RbmSettings } from './options.js';
import { buildFreeEnergyGraph, buildRbmGraph, RBM_PARAMS, rbmParamShapes, type RbmGraphSpec } from './rbmGraph.js';

/** Rows used for monitoring: a fixed training subset and an optional held-out set (each [n, d]). */
export interface RbmMonitorData {
  readonly train: Float32Array;
  readonly heldOut?: Float32Array;
  /** Seed of the pseudo-likelihood's bit choices (one stream per epoch). */
  readonly seed: number;
}

/**
 * The RBM family for one layer d -> h. Initialisation as Hinton 2010, sec. 8: W ~ N(0, 0.01^2),
 * hidden biases 0, Bernoulli visible biases log(p/(1-p)) of the data's mean p (clamped to
 * [0.001, 0.999]); Gaussian visible biases 0 (the data should be standardised).
 */
export function rbmFamily(visible: number, hidden: number, s: RbmSettings, lr: number, batch: number, steps: number, threads: number, monitorData?: RbmMonitorData): ModelFamily {
  const spec: RbmGraphSpec = {
    visible,
    hidden,
    visibleKind: s.visible,
    k: s.k,
    persistent: s.persistent,
    sampleVisible: s.sampleVisible ?? s.persistent,
    weightDecay: s.weightDecay,
    lr,
    momentum: s.momentum,
    steps,
    batch,
  };
  const momentumOf = (epoch: number) => (epoch < s.momentumSwitchEpoch ? s.initialMomentum : s.momentum);
  const graphs = new Map<string, Promise<CompiledGraph>>();
  const shapes: Record<string, number[]> = rbmParamShapes(spec);
  for (const p of RBM_PARAMS) shapes[`${p}.v`] = shapes[p];
  const carried: string[] = RBM_PARAMS.flatMap((p) => [p, `${p}.v`]);
  if (s.persistent) {
    carried.push('chain');
    shapes.chain = [batch, hidden];
  }
  // noise buffers are reused across calls (the fit loop consumes them before the next call)
  const buffers = new Map<string, Float32Array>();
  const reused = (key: string, n: number) => {
    let buf = buffers.get(key);
    if (!buf) buffers.set(key, (buf = new Float32Array(n)));
    return buf;
  };
  const fe = async (rows: Float32Array, c: Record<string, Float32Array>): Promise<Float32Array> => {
    const session = await compile(buildFreeEnergyGraph(spec), { threads, spinning: false });
    const n = rows.length / visible;
    const out = await session.run({ v: float32(rows, [n, visible]), W0: float32(c.W0, shapes.W0), b0: float32(c.b0, shapes.b0), c0: float32(c.c0, shapes.c0) });
    return out.F.data as Float32Array;
  };
  return {
    kind: 'rbm',
    dataInput: 'v',
    lossOutput: 'recon',
    paramNames: RBM_PARAMS,
    carried,
    shapes,
    encoderActivations: ['sigmoid'],
    init(rng, data, count) {
      const out: Record<string, Float32Array> = {};
      for (const n of carried) out[n] = new Float32Array(shapes[n].reduce((a, b) => a * b, 1));
      rng.fillNormal(out.W0, 0, 0.01);
      if (s.visible === 'bernoulli') {
        const mean = new Float64Array(visible);
        for (let r = 0; r < count; r++) for (let i = 0; i < visible; i++) mean[i] += data[r * visible + i];
        for (let i = 0; i < visible; i++) {
          const p = Math.min(0.999, Math.max(0.001, mean[i] / count));
          out.c0[i] = Math.log(p / (1 - p));
        }
      }
      // persistent chains start from hidden states sampled at random (p = 1/2)
      if (s.persistent) for (let i = 0; i < out.chain.length; i++) out.chain[i] = rng.float() < 0.5 ? 1 : 0;
      return out;
    },
    graph: (m, epoch) => {
      const momentum = momentumOf(epoch);
      let g = graphs.get(`${m}/${momentum}`);
      if (!g) graphs.set(`${m}/${momentum}`, (g = compile(buildRbmGraph({ ...spec, steps: m, momentum }), { threads, memoryPattern: false, spinning: m === steps })));
      return g;
    },
    stepFeeds(m, b, rng) {
      if (b !== batch) throw new Error(`rbmFamily: built for minibatch ${batch}, fed ${b}`);
      const uh = reused(`uh/${m}/${b}`, m * s.k * b * hidden);
      const nv = spec.sampleVisible ? reused(`nv/${m}/${b}`, m * s.k * b * visible) : null;
      const per = s.k * b * hidden;
      const perV = s.k * b * visible;
      for (let t = 0; t < m; t++) {
        fillUniformPairs(rng, uh.subarray(t * per, (t + 1) * per));
        if (nv) {
          const part = nv.subarray(t * perV, (t + 1) * perV);
          if (s.visible === 'bernoulli') fillUniformPairs(rng, part);
          else rng.fillNormal(part);
        }
      }
      const feeds: Record<string, Tensor> = stepSlices('uh', uh, m * s.k, [b, hidden]);
      return nv ? { ...feeds, ...stepSlices('nv', nv, m * s.k, [b, visible]) } : feeds;
    },
    monitor: monitorData
      ? async (c, epoch) => {
          const out: Record<string, number> = {};
          const mean = (a: Float32Array) => a.reduce((x, y) => x + y, 0) / a.length;
          const fTrain = await fe(monitorData.train, c);
          out.freeEnergyTrain = mean(fTrain);
          if (monitorData.heldOut && monitorData.heldOut.length) {
            out.freeEnergyHeldOut = mean(await fe(monitorData.heldOut, c));
            out.freeEnergyGap = out.freeEnergyHeldOut - out.freeEnergyTrain;
          }
          if (s.visible === 'bernoulli') {
            // stochastic pseudo-likelihood: one random bit i per row, d * log sigmoid(F(v with i flipped) - F(v))
            const rng = RandomSource.fromSeed(monitorData.seed).fork(epoch);
            const flipped = monitorData.train.slice();
            const n = flipped.length / visible;
            for (let r = 0; r < n; r++) {
              const i = r * visible + rng.int(visible);
              flipped[i] = flipped[i] > 0.5 ? 0 : 1;
            }
            const fFlip = await fe(flipped, c);
            let pl = 0;
            for (let r = 0; r < n; r++) {
              const x = fFlip[r] - fTrain[r];
              pl += visible * (Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x))));
            }
            out.pseudoLikelihood = pl / n;
          }
          return out;
        }
      : undefined,
  };
}
