import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { isUserError, UserError } from '../core/errors.js';
import { packageRoot } from '../core/packageRoot.js';
import { crashPoint } from '../core/crashPoint.js';
import { loadDataset } from '../data/loadDataset.js';
import type { RunConfig } from './config.js';
import { seedWorkInputs, trainAndAnalyzeSeed, type SeedTimings, type SeedWorkInputs } from './seedWork.js';

/** The run a seed belongs to: enough for a seed process to rebuild its inputs. */
export interface SeedRun {
  readonly config: RunConfig;
  readonly out: string;
  /** The run's analysis key (analysisCheckpoint.ts): the checkpoint a seed process writes must carry it. */
  readonly key: string;
  /** The run's first seed (it alone gets the deep-unit views). */
  readonly firstSeed: number;
}

/** Parent to seed process: train and analyse this seed of this run. */
export type SeedRequest = SeedRun & { readonly seed: number };
/** Seed process to parent: a log line, the seed's timings when its checkpoint is written, or its error. */
export type SeedMessage =
  | { readonly kind: 'log'; readonly line: string }
  | { readonly kind: 'done'; readonly seed: number; readonly timings: SeedTimings }
  | { readonly kind: 'failed'; readonly seed: number; readonly message: string; readonly userError: boolean };

/** The CLI entry a seed process runs (`orbitscope seed-process`, a hidden command), as for the sweep's cell processes. */
const bin = () => join(packageRoot(), 'bin', 'orbitscope.mjs');

/**
 * Train and analyse `seeds` of a run in `processes` child processes at a time, each seed in a
 * process taking the next seed when it is free; each writes its seed's analysis checkpoint,
 * which the caller reads back. Log lines of the children go to `log`. After a failure no seed
 * starts, the seeds under way finish (their checkpoints are kept, so running the same command
 * again resumes after them), and the first failure is thrown (a user error stays one).
 */
export async function runSeedsInProcesses(run: SeedRun, seeds: readonly number[], processes: number, log: (line: string) => void): Promise<Map<number, SeedTimings>> {
  const queue = [...seeds];
  const done = new Map<number, SeedTimings>();
  const children: ChildProcess[] = [];
  const stopAll = () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  };
  const worker = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      // 'advanced': the structured clone, so the configuration arrives exactly as it left
      const child = fork(bin(), ['seed-process'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
      children.push(child);
      let stderr = '';
      let current: number | undefined;
      let finished = false;
      child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      const next = () => {
        current = queue.shift();
        if (current === undefined) {
          finished = true;
          child.disconnect();
          return resolve();
        }
        child.send({ ...run, seed: current } satisfies SeedRequest);
      };
      child.on('message', (m: SeedMessage) => {
        if (m.kind === 'log') return log(m.line);
        if (m.kind === 'done') {
          done.set(m.seed, m.timings);
          return next();
        }
        finished = true;
        queue.length = 0;
        child.kill('SIGTERM');
        reject(m.userError ? new UserError(m.message) : new Error(`seed ${m.seed}: ${m.message}`));
      });
      child.on('error', (e) => {
        // the process could not be started (or signalled): the same as a process that died
        if (finished) return;
        finished = true;
        queue.length = 0;
        reject(new Error(`seed ${current ?? '?'}'s process: ${e.message}`));
      });
      child.on('exit', (code, signal) => {
        if (finished) return;
        finished = true;
        queue.length = 0;
        const tail = stderr.trim().split('\n').slice(-3).join(' | ');
        reject(new Error(`seed ${current ?? '?'}'s process ended (${signal ?? `exit code ${code}`})${tail ? `: ${tail}` : ''}`));
      });
      next();
    });
  try {
    const ended = await Promise.allSettled(Array.from({ length: Math.min(processes, seeds.length) }, worker));
    const failed = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    stopAll();
  }
  return done;
}

/**
 * A seed process's side (`orbitscope seed-process`): train and analyse each seed it is sent,
 * writing the seed's checkpoint, and answer with its timings; log lines go to the parent. The
 * dataset is loaded once per process. Exits when the parent goes away.
 */
export function serveSeeds(): Promise<void> {
  return new Promise<void>(() => {
    if (!process.send) throw new Error('seed-process: must be started by `orbitscope run` (no IPC channel)');
    const send = (m: SeedMessage) => process.send!(m);
    process.on('disconnect', () => process.exit(0));
    let inputs: { config: string; value: Promise<SeedWorkInputs> } | undefined;
    process.on('message', (r: SeedRequest) => {
      crashPoint(`seed process: seed ${r.seed}`);
      const log = (line: string) => send({ kind: 'log', line });
      const config = JSON.stringify(r.config);
      if (inputs?.config !== config) inputs = { config, value: loadDataset(r.config.data).then((data) => seedWorkInputs(r.config, data)) };
      inputs.value
        .then((i) => trainAndAnalyzeSeed(i, r.config, r.seed, r.firstSeed, r.out, r.key, log))
        .then(
          ({ timings, saved }) => {
            log(`seed ${r.seed}: analysis done in ${timings.analyze.toFixed(1)} s (${saved.analysis.features.length} unit records)`);
            send({ kind: 'done', seed: r.seed, timings });
          },
          (e: unknown) => send({ kind: 'failed', seed: r.seed, message: e instanceof Error ? e.message : String(e), userError: isUserError(e) }),
        );
    });
  });
}
