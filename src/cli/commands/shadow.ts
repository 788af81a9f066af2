import { checkOutputFile, writeOutputFile } from '../../core/outputs.js';
import type { Command } from 'commander';
import { modelShadow, type ModelShadow } from '../../analysis/modelShadow.js';
import { ALL_SHADOW_FAMILIES } from '../../shadow/shadow.js';
import type { ShadowFamily } from '../../shadow/shadowResult.js';
import { action, type Cli } from '../program.js';
import { integer } from '../parse.js';

interface ShadowCliOptions {
  model: string;
  data: string;
  family: string;
  layer: number;
  count: number;
  out: string;
}

const fmt = (x: unknown) => (typeof x === 'number' ? x.toPrecision(4) : x === null || x === undefined ? '-' : String(x));

/** Trained against untrained: shadow error and median residual. */
export function shadowTable(r: ModelShadow): string {
  const rows = [
    ['', 'shadow error', 'median residual'],
    ['trained', fmt(r.trained.error), fmt(r.residuals.trained.median)],
    ['untrained', fmt(r.untrained?.error), fmt(r.residuals.untrained?.median)],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
  const params = Array.isArray(r.trained.params) ? `\n${r.family} element: ${(r.trained.paramNames as string[]).map((n, i) => `${n} = ${fmt((r.trained.params as number[])[i])}`).join(', ')}` : '';
  return `${r.family} shadow of layer ${r.layer} on ${r.count} inputs of ${r.data}\n${rows.map((row) => row.map((c, i) => c.padStart(w[i])).join('  ')).join('\n')}${params}`;
}

/** `orbitscope shadow`: the group element nearest to a trained layer, with its error. */
export function registerShadow(program: Command, cli: Cli): void {
  program
    .command('shadow')
    .description("The shadow element g* = argmin sum ||A(x) - g.x||^2 of a trained layer in a group family, its error, and the stabilisation residuals (trained vs untrained).")
    .requiredOption('--model <dir>', 'model directory (model.json + model.bin [+ snapshots/])')
    .requiredOption('--data <spec>', 'dataset spec: shapes[:...], mnist[:count=N], idx:..., natural:..., npy:FILE[,height=H,width=W]')
    .requiredOption('--family <name>', `group family: ${ALL_SHADOW_FAMILIES.join(', ')}`)
    .option('--layer <l>', 'layer (1 = next to the data); image families need 1', integer(1), 1)
    .option('--count <n>', 'use the first n inputs', integer(1), 500)
    .requiredOption('--out <file>', 'JSON output (fields: docs/analysis-json.md)')
    .action(
      action<ShadowCliOptions>('shadow', cli, async (o, _args, io) => {
        checkOutputFile('--out', o.out);
        const r = await modelShadow({ model: o.model, data: o.data, family: o.family as ShadowFamily, layer: o.layer, count: o.count });
        writeOutputFile('--out', o.out, `${JSON.stringify(r, null, 1)}\n`);
        io.out(`${shadowTable(r)}\n`);
        io.err(`wrote ${o.out}\n`);
      }),
    );
}
