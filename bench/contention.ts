// Speed on a busy machine (issue 19): the train bench's autoencoder and RBM epochs (784-256,
// 10,000 MNIST digits, batch 64; bench/_trainEpochs.ts) on a quiet machine and with one core
// kept busy by a process this bench starts and stops (`node -e 'for(;;){}'`), each in fresh
// processes, interleaved with the same epochs at fixed spinning (ORBITSCOPE_FIXED_SPINNING=1:
// what every session did before engine/spinning.ts) so that the ratio of the two is measured in
// the same conditions. References in the same conditions, when a python3
// with numpy (and PyTorch) is found: bench/reference/ae_numpy.py and rbm_numpy.py (null
// otherwise; the bench needs no Python). Then two sweep-like workers: two training runs (the
// autoencoder, a fresh process each) one after the other, then both at once, adaptive and fixed.
// The bounds on two cores, measured in the same run: with one core busy no threading can beat
// the quiet one-thread epoch (quietOneThread; busyOverQuietOneThread near 1 means the epoch
// loses only the core it cannot have), and two workers at once can do no better than two
// one-thread runs at once (parallelOneThreadOverSequential), since each then has one core.
//
// Prints one JSON line: {"bench":"contention", "ae": {quiet, busy, busyOverQuiet, ...},
// "rbm": {...}, "numpy": {...} | null, "torch": {blas, threads, fairReference, ...} | null, "workers": {...},
// "load": ...}; the RBM-over-PyTorch ratio is null when that PyTorch runs on the reference BLAS.
// epoch figures are medians over every epoch of every process (seconds). ORBITSCOPE_BENCH_ROUNDS
// (default 2) sets the processes per model and setting, ORBITSCOPE_BENCH_EPOCHS (5) their epochs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { epochSeconds, median, r4 } from './_trainEpochs.js';

const EPOCHS = Number(process.env.ORBITSCOPE_BENCH_EPOCHS ?? 5);
const ROUNDS = Number(process.env.ORBITSCOPE_BENCH_ROUNDS ?? 2);
const child = process.env.ORBITSCOPE_BENCH_CONTENTION_MODEL as 'ae' | 'rbm' | undefined;
const here = fileURLToPath(new URL('.', import.meta.url));
const self = fileURLToPath(import.meta.url);

/** Run a command to its end; its last stdout line is a JSON list of epoch seconds. */
function runChild(cmd: string, args: string[], env: Record<string, string> = {}): Promise<{ epochs: number[]; wall: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
      resolve({ epochs: JSON.parse(out.trim().split('\n').pop()!) as number[], wall: (performance.now() - t0) / 1000 });
    });
  });
}

const orbitscope = (model: 'ae' | 'rbm', fixed: boolean, threads = 2) =>
  runChild(process.execPath, ['--import', 'tsx', self], { ORBITSCOPE_BENCH_CONTENTION_MODEL: model, ORBITSCOPE_BENCH_THREADS: String(threads), ...(fixed ? { ORBITSCOPE_FIXED_SPINNING: '1' } : {}) });

/** The first of `candidates` that imports `module`, or null. */
function pythonWith(module: string): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', `import ${module}`], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return null;
}

/** The BLAS a PyTorch was built with (BLAS_INFO of torch.__config__.show()) and its thread count. */
function torchBlas(python: string): { blas: string; threads: number } | null {
  const r = spawnSync(python, ['-c', 'import torch,re;print(re.search(r"BLAS_INFO=(\\w+)", torch.__config__.show()).group(1), torch.get_num_threads())'], { encoding: 'utf8' });
  const [blas, threads] = r.status === 0 ? r.stdout.trim().split(' ') : [];
  return blas ? { blas, threads: Number(threads) } : null;
}

let hog: ChildProcess | null = null;
const stopHog = () => {
  hog?.kill('SIGKILL');
  hog = null;
};

async function condition(busy: boolean, py: { numpy: string | null; torch: string | null }, digits: string | null) {
  if (busy) {
    hog = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
  }
  try {
    const e: Record<string, number[]> = { ae: [], rbm: [], aeFixed: [], rbmFixed: [], aeOneThread: [], rbmOneThread: [] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const model of ['ae', 'rbm'] as const) {
        e[model].push(...(await orbitscope(model, false)).epochs);
        e[`${model}Fixed`].push(...(await orbitscope(model, true)).epochs);
        // the one-core bound, measured quiet only
        if (!busy) e[`${model}OneThread`].push(...(await orbitscope(model, false, 1)).epochs);
      }
    }
    const ref = async (python: string | null, script: string, lib?: string) =>
      python && digits ? median((await runChild(python, [join(here, 'reference', script), digits, String(EPOCHS), ...(lib ? [lib] : [])])).epochs) : null;
    return {
      ae: median(e.ae),
      rbm: median(e.rbm),
      aeFixed: median(e.aeFixed),
      rbmFixed: median(e.rbmFixed),
      aeOneThread: busy ? NaN : median(e.aeOneThread),
      rbmOneThread: busy ? NaN : median(e.rbmOneThread),
      numpyAe: await ref(py.numpy, 'ae_numpy.py'),
      numpyRbm: await ref(py.numpy, 'rbm_numpy.py'),
      torchRbm: await ref(py.torch, 'rbm_numpy.py', 'torch'),
    };
  } finally {
    stopHog();
  }
}

/** Two autoencoder runs one after the other, then at once (adaptive and fixed): wall seconds. */
async function workers() {
  const t0 = performance.now();
  await orbitscope('ae', false);
  await orbitscope('ae', false);
  const sequential = (performance.now() - t0) / 1000;
  const both = async (fixed: boolean, threads = 2) => {
    const t = performance.now();
    await Promise.all([orbitscope('ae', fixed, threads), orbitscope('ae', fixed, threads)]);
    return (performance.now() - t) / 1000;
  };
  const parallel = await both(false);
  const parallelFixed = await both(true);
  const parallelOneThread = await both(false, 1);
  return {
    sequentialSeconds: r4(sequential),
    parallelSeconds: r4(parallel),
    parallelOverSequential: r4(parallel / sequential),
    parallelFixedSeconds: r4(parallelFixed),
    parallelFixedOverSequential: r4(parallelFixed / sequential),
    parallelOneThreadSeconds: r4(parallelOneThread),
    parallelOneThreadOverSequential: r4(parallelOneThread / sequential),
  };
}

if (child) {
  console.log(JSON.stringify(await epochSeconds(child, EPOCHS, 4, Number(process.env.ORBITSCOPE_BENCH_THREADS ?? 2))));
} else {
  process.on('exit', stopHog);
  const load = loadavg()[0];
  const py = { numpy: pythonWith('numpy'), torch: pythonWith('torch') };
  const torchBuild = py.torch ? torchBlas(py.torch) : null;
  // a PyTorch on the reference BLAS is no reference for speed (Debian's python3-torch 1.13: 14.5 ms
  // for a 64 x 784 x 256 product, one thread): its figures are printed, its ratio is not
  const torchFair = torchBuild !== null && torchBuild.blas !== 'generic';
  const dir = mkdtempSync(join(tmpdir(), 'orbitscope-contention-'));
  try {
    let digits: string | null = null;
    if (py.numpy) {
      const { loadMnistDigits } = await import('../src/data/mnist.js');
      digits = join(dir, 'digits.f32');
      writeFileSync(digits, loadMnistDigits().pixels);
    }
    const quiet = await condition(false, py, digits);
    const busy = await condition(true, py, digits);
    const w = await workers();
    const ratio = (a: number | null, b: number | null) => (a === null || b === null ? null : r4(a / b));
    const model = (m: 'ae' | 'rbm') => ({
      quiet: r4(quiet[m]),
      busy: r4(busy[m]),
      busyOverQuiet: r4(busy[m] / quiet[m]),
      quietFixed: r4(quiet[`${m}Fixed`]),
      busyFixed: r4(busy[`${m}Fixed`]),
      quietOverFixed: r4(quiet[m] / quiet[`${m}Fixed`]),
      busyOverFixed: r4(busy[m] / busy[`${m}Fixed`]),
      quietOneThread: r4(quiet[`${m}OneThread`]),
      busyOverQuietOneThread: r4(busy[m] / quiet[`${m}OneThread`]),
    });
    const ref = (a: number | null) => (a === null ? null : r4(a));
    console.log(
      JSON.stringify({
        bench: 'contention',
        ae: { ...model('ae'), busyOverNumpyBusy: ratio(busy.ae, busy.numpyAe) },
        rbm: { ...model('rbm'), busyOverTorchBusy: torchFair ? ratio(busy.rbm, busy.torchRbm) : null, busyOverNumpyBusy: ratio(busy.rbm, busy.numpyRbm) },
        numpy: py.numpy ? { python: py.numpy, aeQuiet: ref(quiet.numpyAe), aeBusy: ref(busy.numpyAe), aeBusyOverQuiet: ratio(busy.numpyAe, quiet.numpyAe), rbmQuiet: ref(quiet.numpyRbm), rbmBusy: ref(busy.numpyRbm) } : null,
        torch: py.torch ? { python: py.torch, ...torchBuild, fairReference: torchFair, rbmQuiet: ref(quiet.torchRbm), rbmBusy: ref(busy.torchRbm) } : null,
        workers: w,
        cores: availableParallelism(),
        load: { start: r4(load), end: r4(loadavg()[0]) },
        epochsPerProcess: EPOCHS,
        processesPerSetting: ROUNDS,
      }),
    );
  } finally {
    stopHog();
    rmSync(dir, { recursive: true, force: true });
  }
}
