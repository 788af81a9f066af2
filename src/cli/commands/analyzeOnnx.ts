import { analyzeOnnx, type OnnxModelAnalysis } from '../../analysis/analyzeOnnx.js';
import { median } from '../../core/linalg/median.js';
import { orbitColumn } from '../orbitColumn.js';
import { UserError } from '../../core/errors.js';
import { makeOutputDirectory, writeOutputFile } from '../../core/outputs.js';
import { writeOnnxFeatureDirectory } from '../../report/onnxFeatureDirectory.js';
import { loadDataset } from '../../data/loadDataset.js';
import type { Io } from '../program.js';

/** Options of `orbitscope analyze` that an ONNX model uses. */
export interface AnalyzeOnnxCliOptions {
  readonly model: string;
  readonly group: string;
  readonly data?: string;
  readonly inputShape?: string;
  readonly levels: number;
  readonly tol: number;
  readonly out?: string;
  readonly json?: boolean;
  /** Also write the views as an explorer directory (features/, analysis.json). */
  readonly features?: string;
}

/** "1x28x28" or "1,1,28,28" -> [1, 1, 28, 28]. */
export function parseInputShape(text: string): number[] {
  const parts = text.split(/[x,]/).map((s) => s.trim());
  const dims = parts.map(Number);
  if (parts.some((p) => p === '') || dims.some((d) => !Number.isInteger(d) || d < 1)) throw new UserError(`--input-shape: expected positive integers such as 1x1x28x28, got "${text}"`);
  return dims;
}

/**
 * One line per layer: node, op, units, per group the median orbit number of the first view
 * (Lie: orbit dimension, or "n/a (reason)"; finite: orbit size), the layer's invariance and
 * equivariance, and theirs in the shuffled-weights control; the input's own symmetry first.
 */
export function onnxAnalysisTable(a: OnnxModelAnalysis): string {
  const f = (x: number | null) => (x === null ? '-' : x.toPrecision(3));
  const head = ['layer', 'node', 'op', 'units', 'box', 'sec', ...a.groups.flatMap((g) => [`${g} orbit`, `${g} inv/eqv`, 'control'])];
  const rows = [
    ['input', '', '', '', '', '', ...a.groups.flatMap((g) => ['', `${f(a.inputInvariance[g]?.invariance ?? null)}/${f(a.inputInvariance[g]?.equivariance ?? null)}`, ''])],
    ...a.layers.map((L) => [
      String(L.layer),
      L.node,
      L.op,
      String(L.units),
      `${L.channels}x${L.height}x${L.width}`,
      L.seconds.toFixed(2),
      ...a.groups.flatMap((g) => {
        const { lie, values, reason } = orbitColumn(L.features.map((u) => u.views[L.viewLabels[0]].orbits[g]));
        const m = median(values);
        const orbit = Number.isFinite(m) ? `${lie ? 'dim' : 'size'} ${m}` : `n/a (${reason ?? 'no value'})`;
        const s = L.invariance[g];
        const c = L.invarianceControl[g];
        return [orbit, `${f(s?.invariance ?? null)}/${f(s?.equivariance ?? null)}`, `${f(c?.invariance ?? null)}/${f(c?.equivariance ?? null)}`];
      }),
    ]),
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i])).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** `orbitscope analyze --model net.onnx`: the whole-network analysis, written to --out and tabulated. */
export async function runAnalyzeOnnx(o: AnalyzeOnnxCliOptions, io: Io): Promise<OnnxModelAnalysis> {
  if (o.features) makeOutputDirectory('--features', o.features);
  if (!o.data) throw new UserError('--data: an ONNX model is analysed on data (the data mean, top-k patches, layer symmetry); give e.g. --data mnist or --data natural:DIR,patch=16,color=true');
  const inputShape = o.inputShape === undefined ? undefined : parseInputShape(o.inputShape);
  const d = await loadDataset(o.data, { warn: (m) => io.err(`${m}\n`) });
  const result = await analyzeOnnx({
    model: o.model,
    groups: o.group.split(',').map((s) => s.trim()).filter(Boolean),
    data: { spec: d.spec, count: d.count, channels: (d as { channels?: number }).channels ?? 1, height: d.height, width: d.width, pixels: d.pixels },
    inputShape,
    levels: o.levels,
    tol: o.tol,
  });
  if (o.out !== undefined) {
    writeOutputFile('--out', o.out, `${JSON.stringify(result)}\n`);
    io.err(`wrote ${o.out}\n`);
  }
  if (o.features) {
    makeOutputDirectory('--features', o.features);
    writeOnnxFeatureDirectory(o.features, result);
    io.err(`wrote ${o.features}/features (orbitscope serve ${o.features})\n`);
  }
  io.out(o.json ? JSON.stringify(result) : `${onnxAnalysisTable(result)}\n`);
  return result;
}
