// Resamples per second of the batched continuous action (issue 4): 1,000 MNIST digits, each
// rotated by 360 angles (1-degree steps) about the centre with bilinear interpolation and zero
// border, with the relative distance ||W(g.x - x)|| / ||W x|| (soft inscribed disk W) reduced
// inside the graph, so only (1000, 360) distances come back. Target: at least 150,000 per
// second (PyTorch batched affine_grid + grid_sample measured 107,000 on this machine).
// Prints {"bench":"orbits","resamplesPerSecond":...} (best of 3 timed passes, after a warm-up).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { imageWindow, orbitDistances } from '../src/actions/continuous.js';
import { so2 } from '../src/groups/lie/index.js';

const size = 28;
const perDigit = 100;
const root = join(dirname(createRequire(import.meta.url).resolve('mnist')), 'digits');
const data = new Float32Array(10 * perDigit * size * size);
for (let d = 0; d < 10; d++) {
  const raw = (JSON.parse(readFileSync(join(root, `${d}.json`), 'utf8')) as { data: number[] }).data;
  data.set(raw.slice(0, perDigit * size * size), d * perDigit * size * size);
}
const images = { data, count: 10 * perDigit, height: size, width: size };
const elements = Array.from({ length: 360 }, (_, k) => so2.matrix([(k * Math.PI) / 180]));
const window = imageWindow(size, size);
// ORBITS_BATCH overrides the batch bound (floats per graph run) for tuning
const maxBatchFloats = process.env.ORBITS_BATCH ? Number(process.env.ORBITS_BATCH) : undefined;

await orbitDistances({ ...images, count: 50, data: data.subarray(0, 50 * size * size) }, elements, window, { maxBatchFloats });
let best = Infinity;
let check = 0;
for (let pass = 0; pass < 3; pass++) {
  const t0 = performance.now();
  const d = await orbitDistances(images, elements, window, { maxBatchFloats });
  best = Math.min(best, (performance.now() - t0) / 1000);
  check = d[0]; // angle 0: distance must be 0
}
const resamples = images.count * elements.length;
console.log(JSON.stringify({ bench: 'orbits', resamplesPerSecond: Math.round(resamples / best), seconds: Math.round(best * 1000) / 1000, images: images.count, angles: elements.length, size, identityDistance: check }));
