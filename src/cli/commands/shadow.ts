import { checkOutputFile, writeOutputFile } from '../../core/outputs.js';
import { modelShadow, type ModelShadow } from '../../analysis/modelShadow.js';
import type { ShadowFamily } from '../../shadow/shadowResult.js';
import { processIo, type Action } from '../program.js';
import { isRunDirectory, modelSources } from '../../analysis/modelSource.js';
import { workReporter } from '../workReporter.js';

export interface ShadowCliOptions {
  model: string;
  data: string;
  family: string;
  layer: number;
  count?: number;
  seed?: number;
  out?: string;
  json?: boolean;
  quiet?: boolean;
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
  // permutation elements print 1-based in cycle notation, as `group` does
  const perm = r.family === 'perm' || r.family === 'p4m' ? `\n${r.family} element (1-based cycles): ${cyclesOf(r.trained.element as number[] | undefined)}` : '';
  return `${r.family} shadow of layer ${r.layer} on ${r.count} inputs of ${r.data}\n${rows.map((row) => row.map((c, i) => c.padStart(w[i])).join('  ')).join('\n')}${params}${perm}`;
}

/** `orbitscope shadow`: the group element nearest to a trained layer, with its error. */
export const handle: Action<ShadowCliOptions> = async (o, _args, io) => {
  if (o.out !== undefined) checkOutputFile('--out', o.out);
  const runDir = isRunDirectory(o.model);
  const src = modelSources(o.model, o.seed)[0];
  const progress = o.quiet ? null : workReporter({ tty: io === processIo && process.stderr.isTTY ? process.stderr : null, line: (t) => io.err(t) });
  let r: ModelShadow;
  try {
    r = await modelShadow({ model: src.model, snapshotsDir: src.snapshotsDir, data: o.data, family: o.family as ShadowFamily, layer: o.layer, ...(o.count !== undefined ? { count: o.count } : {}), ...(progress ? { onProgress: progress } : {}) });
  } finally {
    progress?.stop();
  }
  const doc = runDir ? { ...r, run: o.model, seed: src.seed } : r;
  if (o.out !== undefined) {
    writeOutputFile('--out', o.out, `${JSON.stringify(doc, null, 1)}\n`);
    io.err(`wrote ${o.out}\n`);
  }
  io.out(o.json ? JSON.stringify(doc) : `${shadowTable(r)}\n`);
};

/** Cycle notation of a 1-based image list (identity: "()"); long ones are cut after 40 cycles. */
function cyclesOf(images: number[] | undefined): string {
  if (!images) return '-';
  const seen = new Uint8Array(images.length + 1);
  const cycles: string[] = [];
  for (let p = 1; p <= images.length; p++) {
    if (seen[p] || images[p - 1] === p) continue;
    const c: number[] = [];
    for (let q = p; !seen[q]; q = images[q - 1]) {
      seen[q] = 1;
      c.push(q);
    }
    cycles.push(`(${c.join(',')})`);
  }
  if (!cycles.length) return '()';
  return cycles.length > 40 ? `${cycles.slice(0, 40).join('')}... (${cycles.length} cycles)` : cycles.join('');
}
