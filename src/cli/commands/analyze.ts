import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { analyzeModel, type ModelAnalysis } from '../../analysis/analyzeModel.js';
import { action, type Cli } from '../program.js';
import { integer, number, oneOf } from '../parse.js';
import { runAnalyzeOnnx } from './analyzeOnnx.js';

interface AnalyzeCliOptions {
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
  data?: string;
  inputShape?: string;
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
export function registerAnalyze(program: Command, cli: Cli): void {
  program
    .command('analyze')
    .description("Orbit numbers (finite and Lie groups), complexity and emergence of a trained model's features, in input space.")
    .requiredOption('--model <path>', 'model directory (model.json + model.bin [+ snapshots/]) or an .onnx network (every Conv/Gemm/MatMul layer; needs --data)')
    .option('--group <list>', 'comma-separated groups: translations, d4, p4m, t2, so2, scale, se2, sim2, gl2, aff2', 'so2,se2,p4m')
    .option('--eps <e>', 'epsilon of the epsilon-stabilizers (last snapshot); omit to skip them', number(0))
    .option('--snapshots <which>', 'last (final weights) or all (every snapshot, plus unit emergence)', oneOf(['all', 'last'] as const), 'last')
    .option('--height <h>', 'input image height (default: square)', integer(1))
    .option('--width <w>', 'input image width (default: square)', integer(1))
    .option('--levels <n>', 'quantisation levels before exact finite stabilizers', integer(2), 3)
    .option('--tol <t>', 'relative tolerance of tangent ranks', number(1e-9), 0.05)
    .option('--samples <n>', 'Halton samples per Lie group box for eps measures', integer(1), 128)
    .requiredOption('--out <file>', 'JSON output (fields: docs/analysis-json.md)')
    .option('--data <spec>', 'ONNX models: data the network is analysed on (mnist, natural:DIR,patch=16,color=true, npy:FILE)')
    .option('--input-shape <dims>', 'ONNX models: full input shape where the model leaves dims symbolic, e.g. 1x1x28x28')
    .action(
      action<AnalyzeCliOptions>('analyze', cli, async (o, _args, io) => {
        if (o.model.endsWith('.onnx')) {
          await runAnalyzeOnnx(o, io);
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
        writeFileSync(o.out, `${JSON.stringify(result, null, 1)}\n`);
        io.out(`${analysisTable(result)}\n`);
        io.err(`wrote ${o.out}\n`);
      }),
    );
}
