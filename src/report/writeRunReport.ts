import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { imageGridPng } from './imageGrid.js';
import { reportHtml, type ReportFigure } from './html.js';
import { atomicWrite } from '../core/atomicWrite.js';
import type { FeatureResult, Results } from '../results/index.js';
import { orbitValue } from '../experiments/claims/shared/orbitValue.js';
import type { DeepUnitView, RunReportContext, SeedImages } from '../experiments/runExperiment.js';
import { spectraFigures } from './spectraFigures.js';

const DEEP_CAPTIONS: Record<DeepUnitView['view'], string> = {
  'linear composite': 'rows of W_L ... W_1, ignoring the nonlinearities',
  'activation maximum': 'the input of the data’s mean norm that maximises the unit (projected gradient ascent, seeded)',
  'top-20 mean': 'the mean of the 20 evaluation inputs that activate the unit most',
};

/** Snapshots to show in the feature grids: the first after initialisation, the middle one, the last. */
function chosenSnapshots(k: number): number[] {
  return [...new Set([Math.min(1, k - 1), Math.floor((k - 1) / 2), k - 1])];
}

/**
 * Write figures/*.png (feature grids per layer at chosen snapshots, bordered by orbit size on a
 * viridis scale; the world's primitives) and report.html for a finished run; `features` are the
 * per-unit records (the run's unit tables).
 */
export async function writeRunReport(out: string, results: Results, features: readonly FeatureResult[], seeds: readonly SeedImages[], ctx: RunReportContext): Promise<void> {
  const figDir = join(out, 'figures');
  mkdirSync(figDir, { recursive: true });
  const { height: h, width: w } = ctx;
  const n = h * w;
  const figures: ReportFigure[] = [];
  const zoom = Math.max(2, Math.round(48 / Math.max(h, w)));
  const first = seeds[0];
  const measure = ctx.orbitMeasure;
  for (let l = 0; l < first.images.length; l++) {
    const perSnapshot = first.images[l];
    for (const k of chosenSnapshots(perSnapshot.length)) {
      const F = perSnapshot[k];
      const units = F.length / n;
      const values = Array.from({ length: units }, (_, u) => {
        const f = features.find((r) => r.seed === first.seed && r.layer === l + 1 && r.unit === u && r.snapshot.index === k);
        return f ? orbitValue(f, measure) : null;
      });
      const measured = values.every((v) => v !== null);
      const png = imageGridPng(F, units, h, w, { zoom, range: 'symmetric', ...(measured ? { border: { values: values as number[] } } : {}) });
      const name = `features-seed${first.seed}-layer${l + 1}-snapshot${k}.png`;
      atomicWrite(join(figDir, name), png);
      const t = first.snapshotTimes[k];
      const border = measured ? `; border colour = ${measure.label} (viridis, dark = small)` : '';
      figures.push({ title: `Layer ${l + 1}, snapshot ${k} (step ${t.step}, epoch ${t.epoch.toFixed(3)}), seed ${first.seed}`, caption: `input-space features (linear composite), gray = 0${border}`, png });
    }
  }
  for (const v of ctx.deepViews) {
    const units = v.images.length / n;
    const png = imageGridPng(v.images, units, h, w, { zoom, range: 'symmetric' });
    const slug = v.view.replace(/[^a-z0-9]+/g, '-');
    atomicWrite(join(figDir, `deep-seed${first.seed}-layer${v.layer}-${slug}.png`), png);
    figures.push({ title: `Layer ${v.layer}, final weights, seed ${first.seed}: ${v.view}`, caption: DEEP_CAPTIONS[v.view], png });
  }
  if (ctx.world) {
    const P = ctx.world.primitives;
    const tiles = new Float32Array(P.length * n);
    P.forEach((p, i) => tiles.set(p.template, i * n));
    const finite = ctx.world.group === 'p4m';
    const png = imageGridPng(tiles, P.length, h, w, { zoom, range: 'tile', border: { values: P.map((p) => (finite ? Math.log2(p.orbitMeasure) : p.orbitMeasure)) } });
    atomicWrite(join(figDir, 'primitives.png'), png);
    const caption = finite
      ? `${P.map((p) => `${p.name} |O| = ${p.orbitMeasure}`).join(', ')} (under ${ctx.world.group}); border colour = log2 orbit size`
      : `${P.map((p) => `${p.name} ${ctx.world!.labels.short} ${p.orbitMeasure}`).join(', ')}; border colour = ${ctx.world.labels.short}`;
    figures.push({ title: 'Primitives of the synthetic world', caption, png });
    if (ctx.world.spectra) figures.push(...(await spectraFigures(ctx.world.spectra, figDir)));
  }
  const c = ctx.config;
  const unitsPerSeed = c.layers.reduce((a, b) => a + b, 0);
  const facts: [string, string][] = [
    ['data', `${ctx.data.spec} — ${ctx.data.count} images of ${h} x ${w}, sha256 ${ctx.data.hash.slice(0, 16)}…`],
    ['model', `${c.model}, greedy layers ${c.layers.join(', ')} (${unitsPerSeed} units per seed), ${c.epochs} epochs per layer, batch ${c.batch}, ${c.model === 'ae' ? `${c.optimizer} lr ${ctx.lr}, sparsity weight ${c.sparsity}, weight decay ${c.weightDecay}` : `CD-1 lr ${ctx.lr}, weight decay ${c.weightDecay}`}`],
    ['seeds', `${c.seeds} (${c.seed} … ${c.seed + c.seeds - 1}); ${unitsPerSeed * c.seeds} units in all`],
    ['snapshots', `${first.snapshotTimes.length} per layer: log-spaced in steps (${c.snapshotsPerDecade} per decade) from the untrained network, and every epoch end`],
    ['groups', `${c.groups.join(', ')}; finite stabilizers after quantising to ${c.levels} levels; ε = ${c.eps}; rank tolerance ${c.tol}`],
    ['orbit measure of learned features', measure.label],
    ['random search', `${c.draws} uniform draws per seed`],
    ['training and held-out rows', `trained on rows 0 … ${ctx.trainCount - 1}; residuals and shadows on the ${ctx.heldOutCount} held-out rows ${ctx.trainCount} … ${ctx.trainCount + ctx.heldOutCount - 1}`],
    ['declared before the run', `minimum effects ${Object.entries(c.minimumEffects).map(([k, v]) => `${k} ${v}`).join(', ')}; emergence cosine ${c.emergenceCosine}; finite-group ε ${c.finiteEps}`],
  ];
  atomicWrite(join(out, 'report.html'), await reportHtml(results, { rows: facts }, figures));
}
