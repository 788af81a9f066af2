import { checkOutputFile, writeOutputFile } from '../../core/outputs.js';
import { median } from '../../core/linalg/median.js';
import { orbitColumn } from '../orbitColumn.js';
import { analyzeModel, type ModelAnalysis } from '../../analysis/analyzeModel.js';
import { processIo, type Action } from '../program.js';
import { refuseInapplicable } from '../parse.js';
import { modelSources } from '../../analysis/modelSource.js';
import type { WorkProgress } from '../../core/workProgress.js';
import { workReporter } from '../workReporter.js';

export interface AnalyzeCliOptions {
  model: string;
  group: string;
  eps?: number;
  snapshots: 'all' | 'last';
  height?: number;
  width?: number;
  levels: number;
  tol: number;
  samples: number;
  seed?: number;
  out?: string;
  json?: boolean;
  quiet?: boolean;
  /** ONNX networks: the data they are analysed on, and their input shape where symbolic. */
  data?: string;
  inputShape?: string;
  features?: string;
}

const ONNX_ONLY = { data: '--data', features: '--features', inputShape: '--input-shape' } as const;
// --samples has a default, so it cannot be told apart from an explicit value; --snapshots only when 'all'
const MODEL_DIRECTORY_ONLY = { eps: '--eps', seed: '--seed', height: '--height', width: '--width', snapshots: '--snapshots all' } as const;

/** One line per layer and snapshot: median orbit numbers per group and median compressed length. */
export function analysisTable(a: ModelAnalysis): string {
  const head = ['layer', 'step', 'epoch', 'units', 'bytes', ...a.groups.map((g) => `${g}`)];
  const rows = a.layers.flatMap((L) =>
    L.snapshots.map((s) => [
      String(L.layer),
      s.step === null ? 'final' : String(s.step),
      s.epoch === null ? '-' : s.epoch.toFixed(2),
      String(L.units),
      median(s.features.map((f) => f.complexity.compressedBytes)).toFixed(0),
      ...a.groups.map((g) => {
        // Lie groups: median orbit dimension; finite groups: median orbit size. A null (the
        // feature is zero inside the window) is no number: it is counted apart, never as 0.
        const { lie, values, reason } = orbitColumn(s.features.map((f) => f.orbits[g]));
        const m = median(values);
        const missing = s.features.length - values.length;
        if (!values.length) return `n/a (${reason ?? 'no value'})`;
        return `${lie ? 'dim' : 'size'} ${Number.isFinite(m) ? m : '-'}${missing ? ` (${missing} n/a)` : ''}`;
      }),
    ]),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i])).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** `orbitscope analyze`: orbit numbers and complexity of every learned feature of a model (or of every seed of a run). */
export const handle: Action<AnalyzeCliOptions> = async (o, _args, io) => {
  if (o.out !== undefined) checkOutputFile('--out', o.out);
  // options of the other kind of model would be silently ignored: refuse them by name
  if (o.model.endsWith('.onnx')) refuseInapplicable({ ...o, snapshots: o.snapshots === 'all' ? 'all' : undefined }, MODEL_DIRECTORY_ONLY, 'model and run directories', 'an .onnx network');
  else refuseInapplicable(o, ONNX_ONLY, 'ONNX networks (--model FILE.onnx)', 'a model or run directory');
  if (o.model.endsWith('.onnx')) {
    // the whole-network path (docs/onnx-import.md), loaded only for ONNX files
    await (await import('./analyzeOnnx.js')).runAnalyzeOnnx(o, io);
    return;
  }
  const sources = modelSources(o.model, o.seed);
  const progress = o.quiet ? null : workReporter({ tty: io === processIo && process.stderr.isTTY ? process.stderr : null, line: (t) => io.err(t) });
  const results: { seed: number | null; analysis: ModelAnalysis }[] = [];
  try {
    for (const src of sources) {
      const onProgress = progress ? (p: WorkProgress) => progress({ ...p, stage: `${src.seed === null ? '' : `seed ${src.seed} `}${p.stage}` }) : undefined;
      const analysis = await analyzeModel({
        model: src.model,
        snapshotsDir: src.snapshotsDir,
        groups: o.group.split(',').map((s) => s.trim()).filter(Boolean),
        eps: o.eps ?? null,
        snapshots: o.snapshots,
        height: o.height,
        width: o.width,
        levels: o.levels,
        tol: o.tol,
        samples: o.samples,
        ...(onProgress ? { onProgress } : {}),
      });
      results.push({ seed: src.seed, analysis });
    }
  } finally {
    progress?.stop();
  }
  // one model: its analysis document; a run directory: one document per seed
  const doc = sources[0].seed === null ? results[0].analysis : { format: 'orbitscope-run-analysis', version: 1, run: o.model, seeds: results.map((r) => ({ seed: r.seed, ...r.analysis })) };
  if (o.out !== undefined) {
    writeOutputFile('--out', o.out, `${JSON.stringify(doc, null, 1)}\n`);
    io.err(`wrote ${o.out}\n`);
  }
  if (o.json) io.out(JSON.stringify(doc));
  else io.out(`${results.map((r) => `${r.seed === null ? '' : `seed ${r.seed}\n`}${analysisTable(r.analysis)}`).join('\n\n')}\n`);
};

/** analyzeModel's `groups` is this command's --group (the other inputs share their flags' names). */
export const inputFlags = { groups: '--group' } as const;
