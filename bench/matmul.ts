// GFLOP/s of a 2048 x 2048 x 2048 float32 MatMul through the compute layer (issue 2).
// Target: at least 150. Prints {"bench":"matmul","gflops":...} (median of 10 timed runs).
import { GraphBuilder, compile, float32 } from '../src/engine/index.js';
import { RandomSource } from '../src/core/index.js';

const n = 2048;
const g = new GraphBuilder('bench_matmul');
const a = g.input('a', 'float32', [n, n]);
const b = g.input('b', 'float32', [n, n]);
g.output(g.op('MatMul', [a, b]), 'c', 'float32', [n, n]);
const session = await compile(g.build());
const rng = RandomSource.fromSeed(1);
const A = float32(rng.fillUniform(new Float32Array(n * n)), [n, n]);
const B = float32(rng.fillUniform(new Float32Array(n * n)), [n, n]);
for (let i = 0; i < 3; i++) await session.run({ a: A, b: B });
const times: number[] = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  await session.run({ a: A, b: B });
  times.push((performance.now() - t0) / 1000);
}
times.sort((x, y) => x - y);
const median = times[times.length >> 1];
console.log(JSON.stringify({ bench: 'matmul', gflops: Math.round((2 * n ** 3) / median / 1e7) / 100, seconds: Math.round(median * 1e4) / 1e4, threads: 'all' }));
