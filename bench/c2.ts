// C2's primitive test on its two worlds (issue 14): building the world (orbits, confound table;
// gl2 also its GL(2)/Aff(2) tangent spectra and eps-volumes), matching one 48-unit layer snapshot
// against every primitive's orbit (matchPrimitives), and 5 null draws of phase-randomised
// surrogates (nullBestMatches), on the shapes preset's decorrelated world and the gl2 preset's
// segments and flowers, beside the shared reference loop.
// Prints {"bench":"c2","worlds":{W:{"buildSeconds","matchSeconds","nullDrawSeconds","primitives","orbitElements"}},"referenceSeconds","load1"}.
import { loadavg } from 'node:os';
import { RandomSource } from '../src/core/index.js';
import { loadDataset } from '../src/data/loadDataset.js';
import { worldOf } from '../src/experiments/world.js';
import { matchPrimitives } from '../src/analysis/primitiveMatch.js';
import { nullBestMatches } from '../src/analysis/matchNull.js';
import { referenceSeconds } from './_shared.js';

const round = (x: number) => Math.round(x * 1000) / 1000;
const ref = referenceSeconds();
const worlds: Record<string, unknown> = {};
for (const [name, spec] of [
  ['shapes', 'shapes:n=12,count=8000,variant=decorrelated'],
  ['gl2', 'shapes:variant=gl2,n=16,count=6000'],
] as const) {
  const data = await loadDataset(spec);
  let t0 = performance.now();
  const world = (await worldOf(data))!;
  const build = (performance.now() - t0) / 1000;
  const n = data.height * data.width;
  const units = 48;
  const rng = RandomSource.fromSeed(1);
  const layer = Float32Array.from({ length: units * n }, () => rng.normal() * 0.1);
  await matchPrimitives(layer, units, n, world.primitives); // warm-up: graph build and session
  t0 = performance.now();
  await matchPrimitives(layer, units, n, world.primitives);
  const match = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await nullBestMatches(layer, units, data.height, data.width, world.primitives, 5, rng);
  const nulls = (performance.now() - t0) / 5 / 1000;
  worlds[name] = { buildSeconds: round(build), matchSeconds: round(match), nullDrawSeconds: round(nulls), primitives: world.primitives.length, orbitElements: world.primitives.reduce((a, p) => a + p.size, 0) };
}
console.log(JSON.stringify({ bench: 'c2', worlds, referenceSeconds: round(ref), load1: Math.round(loadavg()[0] * 100) / 100 }));
