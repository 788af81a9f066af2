// CPU seconds of each part of one seed's analysis on a preset (default mnist): the shared
// features, each claim's evidence (trained and controls) and the self-checks (C0, C1), measured
// with process.cpuUsage around each part (all threads of the process: ONNX Runtime's too). The
// seed is trained first into a run directory (argv[3], default a folder under the OS temp
// folder) and resumed from its checkpoints on later runs, so repeated runs time analysis only.
// Data-only quantities (the training rows' scatter matrix and PCA) are computed once per process,
// here inside the first part that needs them (C2, then C5), as in a run's first seed.
// Prints {"bench":"claimsStages","preset","seed","cpuSeconds":{part: s},"analysisCpuSeconds"}.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../src/data/loadDataset.js';
import { resolveRunConfig } from '../src/experiments/config.js';
import { analyzeSeed } from '../src/experiments/analyzeSeed.js';
import { trainLinearTwinSeed, trainSeed } from '../src/experiments/trainSeed.js';
import { seedWorkInputs } from '../src/experiments/seedWork.js';
import { ClaimIds } from '../src/results/index.js';

const preset = process.argv[2] ?? 'mnist';
const out = process.argv[3] ?? join(tmpdir(), `orbitscope-claimsStages-${preset}`);
const seed = Number(process.argv[4] ?? 0);
const config = resolveRunConfig({ preset });
const data = await loadDataset(config.data, {});
// the run's own split and measures (experiments/seedWork.ts)
const { trainInputs, trainCount, heldOutInputs, heldOutCount, world, orbitMeasure, primaryEps } = await seedWorkInputs(config, data);
const trained = await trainSeed(data, trainInputs, config, seed, out, () => {});
const linearTwin = config.model === 'ae' ? await trainLinearTwinSeed(data, trainInputs, config, seed) : null;

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
// analyzeSeed reports one progress item per part, in this order
const parts = ['features', ...ClaimIds, 'selfChecks'];
const cpuSeconds: Record<string, number> = {};
const t0 = cpu();
let t = t0;
await analyzeSeed({
  trained,
  height: data.height,
  width: data.width,
  trainInputs,
  trainCount,
  heldOutInputs,
  heldOutCount,
  world,
  config,
  orbitMeasure,
  primaryEps,
  linearTwin,
  ...(data.whitening ? { unwhiten: data.whitening.inverse } : {}),
  onProgress: (p) => {
    if (p.done === 0) return;
    const now = cpu();
    cpuSeconds[parts[p.done - 1]] = Math.round((now - t) * 100) / 100;
    t = now;
  },
});
console.log(JSON.stringify({ bench: 'claimsStages', preset, seed, cpuSeconds, analysisCpuSeconds: Math.round((cpu() - t0) * 100) / 100 }));
