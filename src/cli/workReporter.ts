import cliProgress from 'cli-progress';
import type { OnWorkProgress, WorkProgress } from '../core/workProgress.js';

/** Where progress goes: a bar on a TTY stream, plain lines through `line` otherwise. */
export interface WorkSink {
  readonly tty: NodeJS.WriteStream | null;
  line(text: string): void;
}

/**
 * A WorkProgress handler for long analyses: on a TTY one cli-progress bar per stage with its
 * rate and ETA; otherwise one line per stage when it ends, with its items and seconds (so logs
 * stay short). `stop()` ends a bar left open (work that failed midway).
 */
export function workReporter(sink: WorkSink): OnWorkProgress & { stop(): void } {
  let bar: cliProgress.SingleBar | null = null;
  let stage = '';
  let started = 0;
  const report = (p: WorkProgress) => {
    if (p.stage !== stage) {
      bar?.stop();
      bar = null;
      stage = p.stage;
      started = performance.now();
      if (sink.tty) {
        bar = new cliProgress.SingleBar(
          { stream: sink.tty, format: `${p.stage} [{bar}] {value}/{total} ${p.unit ?? 'steps'} | {rate}/s | ETA {eta_formatted}`, hideCursor: true, clearOnComplete: false, etaBuffer: 20 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.total, 0, { rate: '-' });
      }
    }
    const seconds = (performance.now() - started) / 1000;
    bar?.update(p.done, { rate: seconds > 0 ? (p.done / seconds).toPrecision(3) : '-' });
    if (p.done >= p.total) {
      if (bar) bar.stop();
      else sink.line(`${p.stage}: ${p.total} ${p.unit ?? 'steps'} in ${seconds.toFixed(1)} s`);
      bar = null;
      stage = '';
    }
  };
  return Object.assign(report, { stop: () => bar?.stop() });
}
