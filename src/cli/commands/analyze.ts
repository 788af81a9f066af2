import { checkOutputFile, writeOutputFile } from '../../core/outputs.js';
import { analyzeModel, type ModelAnalysis } from '../../analysis/analyzeModel.js';
import type { Action } from '../program.js';

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
  out: string;
  /** ONNX networks: the data they are analysed on, and their input shape where symbolic. */
  data?: string;
  inputShape?: string;
  features?: string;
}

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

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
        const vals = s.features.map((f) => f.orbits[g] ?? {});
        // Lie groups: median orbit dimension; finite groups: median orbit size
        const key = vals.some((v) => 'orbitDim' in v) ? 'orbitDim' : 'orbitSize';
        const m = median(vals.map((v) => Number(v[key])).filter(Number.isFinite));
        return `${key === 'orbitDim' ? 'dim' : 'size'} ${Number.isFinite(m) ? m : '-'}`;
      }),
    ]),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i])).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** `orbitscope analyze`: orbit numbers and complexity of every learned feature of a model. */
export const handle: Action<AnalyzeCliOptions> = async (o, _args, io) => {
  checkOutputFile('--out', o.out);
  if (o.model.endsWith('.onnx')) {
    // the whole-network path (docs/onnx-import.md), loaded only for ONNX files
    await (await import('./analyzeOnnx.js')).runAnalyzeOnnx(o, io);
    return;
  }
  const result = await analyzeModel({
    model: o.model,
    groups: o.group.split(',').map((s) => s.trim()).filter(Boolean),
    eps: o.eps ?? null,
    snapshots: o.snapshots,
    height: o.height,
    width: o.width,
    levels: o.levels,
    tol: o.tol,
    samples: o.samples,
  });
  writeOutputFile('--out', o.out, `${JSON.stringify(result, null, 1)}\n`);
  io.out(`${analysisTable(result)}\n`);
  io.err(`wrote ${o.out}\n`);
};
