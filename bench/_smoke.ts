import { mnistDigits } from '../src/nn/mnistDigits.js';
import { trainStack } from '../src/nn/trainStack.js';
const { data, dim } = mnistDigits();
for (const model of ['ae', 'rbm'] as const) {
  const t0 = performance.now();
  const r = await trainStack({ data, dim, layers: [784, 256, 64], model, epochs: 3, onProgress: (p) => { if (p.epochDone) console.log(model, p.layer, JSON.stringify(p.epochDone)); } });
  console.log(model, 'snapshots', r.snapshots.length, r.snapshots.slice(0, 12).map((s) => s.step).join(','), ((performance.now() - t0) / 1000).toFixed(1), 's');
}
