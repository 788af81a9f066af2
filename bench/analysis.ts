// A 20-snapshot analysis of a 256-unit layer of 28 x 28 features (issue 7): per snapshot, the
// SO(2) epsilon-stabilizer measure at 360 sampled angles (epsStabilizerBatch, orbitSize false:
// 256 x 360 resampled distances in the graph) and the SE(2) tangent ranks (orbitDimensionBatch).
// Features are seeded smooth random fields (a Gaussian-blurred noise image per unit), drifting
// a little from snapshot to snapshot. One warm-up snapshot first (graph build and session).
// Prints {"bench":"analysis","featuresPerSecond","seconds","snapshots","units"}.
import { RandomSource } from '../src/core/index.js';
import { epsStabilizerBatch } from '../src/actions/epsStabilizerMeasure.js';
import { orbitDimensionBatch } from '../src/actions/orbitDimension.js';
import { lieGroup } from '../src/groups/lie/index.js';

const side = 28;
const n = side * side;
const units = 256;
const snapshots = 20;
const rng = RandomSource.fromSeed(7);

/** Separable Gaussian blur (sd 2 px, zero border) of each unit's noise image. */
function smooth(x: Float32Array): Float32Array {
  const k = [-4, -3, -2, -1, 0, 1, 2, 3, 4].map((d) => Math.exp(-(d * d) / 8));
  const tmp = new Float32Array(x.length);
  const out = new Float32Array(x.length);
  for (let f = 0; f < units; f++)
    for (let pass = 0; pass < 2; pass++) {
      const src = pass === 0 ? x : tmp;
      const dst = pass === 0 ? tmp : out;
      for (let i = 0; i < side; i++)
        for (let j = 0; j < side; j++) {
          let s = 0;
          for (let d = -4; d <= 4; d++) {
            const ii = pass === 0 ? i : i + d;
            const jj = pass === 0 ? j + d : j;
            if (ii >= 0 && ii < side && jj >= 0 && jj < side) s += k[d + 4] * src[f * n + ii * side + jj];
          }
          dst[f * n + i * side + j] = s;
        }
    }
  return out;
}

let noise = rng.fillNormal(new Float32Array(units * n));
const so2 = lieGroup('so2');
const se2 = lieGroup('se2');

async function analyze(features: Float32Array): Promise<void> {
  const stack = { data: features, count: units, height: side, width: side };
  await epsStabilizerBatch(stack, so2, { eps: 0.25, samples: 360, orbitSize: false });
  orbitDimensionBatch(stack, se2, { tol: 0.05 });
}

await analyze(smooth(noise));
const t0 = performance.now();
for (let s = 0; s < snapshots; s++) {
  noise = noise.map((v) => v + 0.1 * rng.normal());
  await analyze(smooth(noise));
}
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ bench: 'analysis', featuresPerSecond: Math.round((units * snapshots) / seconds), seconds: Math.round(seconds * 100) / 100, snapshots, units }));
