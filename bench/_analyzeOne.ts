// Developer harness (not a bench): analyse one trained seed of an existing run directory and
// print the time of each part; writes the v8-serialised SeedAnalysis to argv[4] for comparison.
import { writeFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { loadDataset } from '../src/data/loadDataset.js';
import { resolveRunConfig } from '../src/experiments/config.js';
import { analyzeSeed } from '../src/experiments/analyzeSeed.js';
import { trainLinearTwinSeed, trainSeed } from '../src/experiments/trainSeed.js';
import { seedWorkInputs } from '../src/experiments/seedWork.js';
import { CompiledGraph } from '../src/engine/session.js';

// ONNX time per calling site: CompiledGraph.run measured, keyed by the first frames of its caller
const onnxTime = new Map<string, { ms: number; runs: number }>();
if (process.env.PROFILE_ONNX) {
  const proto = CompiledGraph.prototype as unknown as { run: (...a: unknown[]) => Promise<unknown> };
  const orig = proto.run;
  proto.run = async function (this: unknown, ...a: unknown[]) {
    const frames = (new Error().stack ?? '').split('\n').slice(2, 6).map((l) => l.trim().replace(/^at /, '').replace(/\(.*\/src\//, '(').replace(/:\d+\)$/, ')')).join(' < ');
    const t0 = performance.now();
    try {
      return await orig.apply(this, a);
    } finally {
      const e = onnxTime.get(frames) ?? { ms: 0, runs: 0 };
      e.ms += performance.now() - t0;
      e.runs++;
      onnxTime.set(frames, e);
    }
  };
}
const [preset, out, seedArg, dump] = process.argv.slice(2);
const config = resolveRunConfig({ preset, ...(preset === 'quick' ? { quick: true, preset: 'shapes' } : {}) });
const data = await loadDataset(config.data, {});
// the run's own split and measures (experiments/seedWork.ts)
const { trainInputs, trainCount, heldOutInputs, heldOutCount, world, orbitMeasure, primaryEps } = await seedWorkInputs(config, data);
const seed = Number(seedArg ?? 0);
let t = performance.now();
const trained = await trainSeed(data, trainInputs, config, seed, out, () => {});
const linearTwin = config.model === 'ae' ? await trainLinearTwinSeed(data, trainInputs, config, seed) : null;
console.error(`train (resumed) + twin ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
const t0 = t;
const cpu0 = process.cpuUsage();
const a = await analyzeSeed({
  trained, height: data.height, width: data.width, trainInputs, trainCount, heldOutInputs, heldOutCount, world, config, orbitMeasure, primaryEps, linearTwin,
  ...(data.whitening ? { unwhiten: data.whitening.inverse } : {}),
  onProgress: (p) => {
    const now = performance.now();
    console.error(`  ${p.stage} ${p.done}/${p.total}: ${((now - t) / 1000).toFixed(2)} s`);
    t = now;
  },
});
const cpu = process.cpuUsage(cpu0);
console.error(`analysis ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s cpu`);
if (dump) writeFileSync(dump, serialize(a));
for (const [k, v] of [...onnxTime].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.error(`${(v.ms / 1000).toFixed(2).padStart(7)} s ${String(v.runs).padStart(6)} runs  ${k}`);
