import { writeFileSync } from 'node:fs';
import { UserError } from '../../core/errors.js';
import { loadDataset, summarizeDataset, type DatasetSummary } from '../../data/index.js';
import { imageGridPng } from '../../report/imageGrid.js';
import type { Action } from '../program.js';

export interface DataOptions {
  data: string;
  out?: string;
  json?: boolean;
  strict?: boolean;
}

const PREVIEW = 64;

function describe(s: DatasetSummary): string {
  const lines = [
    `dataset ${s.spec}`,
    `  ${s.count} samples of ${s.height} x ${s.width}`,
    `  values in [${s.min.toPrecision(4)}, ${s.max.toPrecision(4)}], mean ${s.mean.toPrecision(4)}, std ${s.std.toPrecision(4)}`,
    `  sha256 ${s.hash}`,
  ];
  if (s.labelCounts) lines.push(`  labels: ${Object.entries(s.labelCounts).map(([k, v]) => `${k}:${v}`).join(' ')}`);
  if (s.shapes) {
    lines.push(`  shapes (${s.shapes.variant}, noise ${s.shapes.noise}); placements and orbit size / stabilizer order of each primitive's template:`);
    const width = Math.max(10, ...Object.keys(s.shapes.primitiveCounts).map((k) => k.length));
    lines.push(`    ${'primitive'.padEnd(width)} ${'placed'.padStart(7)}  ${'translations'.padStart(12)}  ${'D4'.padStart(6)}  ${'p4m'.padStart(10)}`);
    const cat = new Map(s.shapes.catalogue.map((e) => [e.primitive as string, e as Record<string, { orbitSize: number; stabilizerOrder: number }>]));
    const os = (c: { orbitSize: number; stabilizerOrder: number }) => `${c.orbitSize}/${c.stabilizerOrder}`;
    for (const [k, v] of Object.entries(s.shapes.primitiveCounts)) {
      const e = cat.get(k)!;
      lines.push(`    ${k.padEnd(width)} ${String(v).padStart(7)}  ${os(e.translations).padStart(12)}  ${os(e.d4).padStart(6)}  ${os(e.p4m).padStart(10)}`);
    }
  }
  if (s.whitening) lines.push(`  ZCA-whitened, epsilon ${s.whitening.epsilon}; covariance eigenvalues ${s.whitening.smallestEigenvalue.toPrecision(3)} .. ${s.whitening.largestEigenvalue.toPrecision(3)}`);
  return lines.join('\n');
}

/** `orbitscope data`: load a dataset from its spec, print a summary, write a PNG of the first 64 samples. */
export const handle: Action<DataOptions> = async (o, _args, io) => {
  if (o.out !== undefined && !o.out.toLowerCase().endsWith('.png')) throw new UserError(`--out: expected a .png file name, got "${o.out}"`);
  const d = await loadDataset(o.data, { strict: o.strict ?? false, warn: (m) => io.err(`orbitscope data: warning: ${m}`) });
  const summary = summarizeDataset(d);
  if (o.out !== undefined) {
    const k = Math.min(PREVIEW, d.count);
    const png = imageGridPng(d.pixels, k, d.height, d.width, { columns: 8, zoom: Math.max(1, Math.round(96 / Math.max(d.height, d.width))) });
    try {
      writeFileSync(o.out, png);
    } catch (e) {
      throw new UserError(`--out: cannot write ${o.out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  io.out(o.json ? JSON.stringify({ ...summary, ...(o.out ? { png: o.out } : {}) }) : describe(summary) + (o.out ? `\n  wrote ${o.out}` : ''));
};
