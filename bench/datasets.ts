// Seconds to build the default datasets (issue 5): the binary and continuous shapes worlds
// (20000 images of 16 x 16), mnist, and 50000 whitened 16 x 16 natural patches (skipped when
// ../shared/data/natural is absent). One timed run each after a warm-up of the loader code.
// Prints {"bench":"datasets", ...seconds}.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDataset } from '../src/data/index.js';

const natural = [resolve('../shared/data/natural'), resolve('../../shared/data/natural')].find((p) => existsSync(p));
const specs: Record<string, string> = {
  shapesBinary: 'shapes:count=20000',
  shapesContinuous: 'shapes:count=20000,variant=continuous',
  mnist: 'mnist',
  ...(natural ? { naturalWhitened16: `natural:${natural},patch=16,count=50000,whiten=true` } : {}),
};
await loadDataset('shapes:count=10');
const out: Record<string, number | string> = { bench: 'datasets' };
for (const [name, spec] of Object.entries(specs)) {
  const t0 = performance.now();
  await loadDataset(spec);
  out[`${name}Seconds`] = Math.round((performance.now() - t0) / 10) / 100;
}
console.log(JSON.stringify(out));
