import cliProgress from 'cli-progress';
import { lossRiseTracker } from '../nn/lossRises.js';
import type { StackProgress } from '../nn/stackOptions.js';
import type { WorkSink } from './workReporter.js';


const fmt = (x: number, digits = 4) => (Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : String(x));

/**
 * A trainStack onProgress handler: on a TTY one cli-progress bar per layer and epoch showing the
 * loss and samples per second; otherwise one log line per finished epoch.
 */
export function progressReporter(sink: WorkSink): (p: StackProgress) => void {
  let bar: cliProgress.SingleBar | null = null;
  let key = '';
  const rose = lossRiseTracker();
  // a loss that rises from one epoch to the next is flagged: training may be going wrong
  const rise = (p: StackProgress): string => {
    const before = p.epochDone ? rose(`${p.phase}/${p.layer}`, p.epochDone.loss) : null;
    return before === null ? '' : ` (note: the loss rose from ${fmt(before)}; not decreasing)`;
  };
  return (p) => {
    const note = rise(p);
    const phase = p.phase === 'finetune' ? 'fine-tune' : `layer ${p.layer + 1}/${p.layers}`;
    if (sink.tty) {
      const k = `${p.layer}/${p.epoch}`;
      if (k !== key && !p.epochDone) {
        bar?.stop();
        key = k;
        bar = new cliProgress.SingleBar(
          { stream: sink.tty, format: `${phase} epoch ${p.epoch + 1}/${p.epochs} [{bar}] {value}/{total} steps | loss {loss} | {rate} samples/s`, hideCursor: true, clearOnComplete: false },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.stepsPerEpoch, 0, { loss: '-', rate: '-' });
      }
      bar?.update(p.step, { loss: fmt(p.loss), rate: Math.round(p.samplesPerSecond) });
      if (p.epochDone) {
        bar?.stop();
        bar = null;
        key = '';
        if (note) sink.line(`${phase} epoch ${p.epochDone.epoch}/${p.epochs}:${note}`);
      }
      return;
    }
    if (p.epochDone) {
      const e = p.epochDone;
      const extra = Object.entries(e)
        .filter(([k]) => !['epoch', 'loss', 'seconds'].includes(k))
        .map(([k, v]) => ` ${k} ${fmt(v)}`)
        .join(',');
      sink.line(`${phase} epoch ${e.epoch}/${p.epochs}: loss ${fmt(e.loss)}, ${Math.round(p.samplesPerSecond)} samples/s, ${fmt(e.seconds, 3)} s${extra ? `,${extra}` : ''}${note}`);
    }
  };
}
