import { RandomSource } from '../core/random.js';
import { matmul } from '../engine/matmul.js';
import { complexity } from '../analysis/complexity.js';
import { unitEmergence, primitiveEmergence } from '../analysis/emergence.js';
import { featureOrbits, finitePixelGroup, FINITE_PIXEL_GROUPS, type FeatureOrbitNumbers, type FinitePixelGroupName } from '../analysis/featureOrbits.js';
import { linearComposite, encodeThrough } from '../analysis/inputSpaceFeatures.js';
import { matchPrimitives, type PrimitiveOrbit } from '../analysis/primitiveMatch.js';
import { cosine } from '../analysis/cosine.js';
import { randomSearch, randomSearchRace } from '../analysis/randomSearch.js';
import { finalStack, reconstruct, type AutoencoderLayer, type TrainedSeed } from '../analysis/trainedStack.js';
import { shadow, SHADOW_FAMILIES } from '../shadow/shadow.js';
import { stabilisationResiduals } from '../shadow/stabilisationResiduals.js';
import type { QuantileSummary } from '../shadow/quantileSummary.js';
import { symmetricOrbitLog10 } from '../analysis/codeSpaceOrbits.js';
import type { CodeSpaceRecord, Evidence, OrbitStabilizerCheck, PrimitiveRecord, RandomSearchRace, RandomSearchRecord, ResidualRecord } from './evidence.js';
import type { FeatureResult, LayerResult, Summary } from './results.js';
import type { RunConfig } from './config.js';

/** What a synthetic world contributes: its primitives with their exact orbits. */
export interface WorldPrimitives {
  readonly group: string;
  readonly primitives: readonly (PrimitiveOrbit & { template: Float32Array; stabilizerOrder: number })[];
}

/** The inputs of one seed's analysis. */
export interface SeedAnalysisInput {
  readonly trained: TrainedSeed;
  readonly height: number;
  readonly width: number;
  /** Evaluation inputs (count x h*w) for residuals and shadows. */
  readonly evalInputs: Float32Array;
  readonly evalCount: number;
  readonly world: WorldPrimitives | null;
  readonly config: RunConfig;
  /**
   * Inverse whitening matrix (d x d, symmetric) when the data were ZCA-whitened: every
   * input-space feature is mapped back to pixel space by it before analysis, so that orbits,
   * complexity, figures and the explorer all see the feature as an image.
   */
  readonly unwhiten?: Float32Array;
}

/** Evidence of one seed, plus the input-space features per layer and snapshot for figures. */
export interface SeedAnalysis {
  readonly evidence: Omit<Evidence, 'seeds' | 'layerCount' | 'snapshotEpochs' | 'orbitMeasure'>;
  /** features[layer-1][snapshot] = units x h*w input-space images. */
  readonly images: Float32Array[][];
  readonly snapshotTimes: { step: number; epoch: number }[];
}

const finiteNames = (groups: readonly string[]) => groups.filter((g): g is FinitePixelGroupName => (FINITE_PIXEL_GROUPS as readonly string[]).includes(g));

/** The results-schema summary of n residuals (non-finite numbers become null). */
function summary(s: QuantileSummary, n: number): Summary {
  const f = (x: number) => (Number.isFinite(x) ? x : null);
  return { n, mean: f(s.mean), median: f(s.median), q05: f(s.p05), q25: f(s.q25), q75: f(s.q75), q95: f(s.p95) };
}

/**
 * Analyse one seed's trained stack: input-space features of every layer at every snapshot, their
 * orbit numbers and complexity, emergence epochs, matches to the world's primitives, random search
 * over the first finite group, and per layer the stabilisation residuals and shadow errors of the
 * trained network against its untrained initial state (snapshot 0).
 */
export async function analyzeSeed(input: SeedAnalysisInput): Promise<SeedAnalysis> {
  const { trained, height: h, width: w, config } = input;
  const n = h * w;
  const seed = trained.seed;
  const rng = RandomSource.fromSeed(seed).fork(7);
  const finals = finalStack(trained);
  const snapshotTimes = trained.layers[0].snapshots.map((s) => ({ step: s.step, epoch: s.epoch }));
  const lastK = snapshotTimes.length - 1;
  const images: Float32Array[][] = [];
  const features: FeatureResult[] = [];
  const checks: OrbitStabilizerCheck[] = [];
  const finite = finiteNames(config.groups);

  // layer-1 best match of every primitive at every snapshot, gathered while matching units
  const bestPerPrimitive: number[][] = [];
  for (const L of trained.layers) {
    const perSnapshot: Float32Array[] = [];
    for (const snap of L.snapshots) {
      const stack = [...finals.slice(0, L.index - 1), snap.layer];
      const F = await linearComposite(stack, L.index);
      perSnapshot.push(input.unwhiten ? (await matmul(F, [F.length / n, n], input.unwhiten, [n, n])).data : F);
    }
    images.push(perSnapshot);
    const units = L.snapshots[0].layer.units;
    const final = perSnapshot[perSnapshot.length - 1];
    const emergence: (number | null)[] = [];
    for (let u = 0; u < units; u++) {
      const fu = final.subarray(u * n, (u + 1) * n);
      const cos = perSnapshot.map((F) => cosine(F.subarray(u * n, (u + 1) * n), fu));
      emergence.push(L.snapshots[unitEmergence(cos, config.emergenceCosine)].epoch);
    }
    for (let k = 0; k < perSnapshot.length; k++) {
      const F = perSnapshot[k];
      const isLast = k === perSnapshot.length - 1;
      // sampled measures cost most: Lie epsilon-measures at the last snapshot only; the finite
      // epsilon-orbit (the orbit measure of a torus world) at every snapshot there, else last only
      const orbits: FeatureOrbitNumbers[] = await featureOrbits(F, units, h, w, { groups: config.groups, levels: config.levels, tol: config.tol, eps: isLast ? config.eps : null, finiteEps: isLast || input.world ? config.finiteEps : null });
      const found = input.world && L.index === 1 ? await matchPrimitives(F, units, n, input.world.primitives) : null;
      if (found) bestPerPrimitive.push(found.perPrimitive);
      const matches = found ? found.perFeature : null;
      for (let u = 0; u < units; u++) {
        const x = F.subarray(u * n, (u + 1) * n);
        features.push({
          seed,
          layer: L.index,
          unit: u,
          snapshot: { index: k, step: L.snapshots[k].step, epoch: L.snapshots[k].epoch },
          orbits: orbits[u],
          complexity: complexity(x, h, w),
          emergenceEpoch: emergence[u],
          matchedPrimitive: matches ? { name: matches[u].name, cosine: Number(matches[u].cosine.toFixed(6)) } : null,
        });
        if (isLast) {
          for (const [g, o] of Object.entries(orbits[u])) {
            if (typeof o.orbitSize === 'string') checks.push({ what: `seed ${seed} layer ${L.index} unit ${u}`, group: g, kind: 'finite', group_size: BigInt(o.groupOrder as string), orbit: BigInt(o.orbitSize), stabilizer: BigInt(o.stabilizerOrder as string) });
            else if (typeof o.orbitDim === 'number') checks.push({ what: `seed ${seed} layer ${L.index} unit ${u}`, group: g, kind: 'lie', group_size: o.dim as number, orbit: o.orbitDim, stabilizer: o.stabilizerDim as number });
          }
        }
      }
    }
  }

  // Primitives of a synthetic world: emergence over layer-1 snapshots, exact orbits, complexity.
  const primitives: PrimitiveRecord[] = [];
  if (input.world) {
    const best = bestPerPrimitive;
    input.world.primitives.forEach((p, j) => {
      const k = primitiveEmergence(best.map((b) => b[j]), config.emergenceCosine);
      primitives.push({
        seed,
        name: p.name,
        group: input.world!.group,
        orbitSize: p.size,
        stabilizerOrder: p.stabilizerOrder,
        complexity: complexity(p.template, h, w),
        emergenceEpoch: k === null ? null : snapshotTimes[k].epoch,
        bestCosine: best[lastK][j],
      });
    });
  }

  // C0 on the primitives too, and C1: random search over the first finite group.
  const randomSearchRecords: RandomSearchRecord[] = [];
  const races: RandomSearchRace[] = [];
  if (finite.length) {
    const G = finitePixelGroup(finite[0], h, w);
    // primitives are exact 0/1 images (no quantisation); learned features are quantised
    const prim = input.world ? input.world.primitives.map((p) => ({ label: `primitive ${p.name}`, pixels: p.template })) : [];
    const learned = Array.from({ length: finals[0].units }, (_, u) => ({ label: `unit ${u}`, pixels: images[0][lastK].subarray(u * n, (u + 1) * n) }));
    const tallies = [...randomSearch(G, prim, config.draws, undefined, rng.fork(1)), ...randomSearch(G, learned, config.draws, config.levels, rng.fork(2))];
    for (const t of tallies) {
      randomSearchRecords.push({ label: t.label, seed, orbitSize: t.orbitSize, stabilizerOrder: t.stabilizerOrder, draws: t.draws, hits: t.hits });
      if (t.label.startsWith('primitive')) checks.push({ what: `seed ${seed} ${t.label}`, group: finite[0], kind: 'finite', group_size: G.order(), orbit: t.orbitSize, stabilizer: t.stabilizerOrder });
    }
    if (prim.length > 1) {
      const raceCount = Math.max(50, Math.round(config.draws / 40));
      const wins = randomSearchRace(G, prim, raceCount, undefined, rng.fork(3));
      races.push({ seed, candidates: prim.map((c, i) => ({ label: c.label, stabilizerOrder: tallies[i].stabilizerOrder })), firstCounts: wins, races: raceCount });
    }
  }

  // Residuals and shadows per layer: trained (last snapshot) against untrained (snapshot 0).
  const layers: LayerResult[] = [];
  const residuals: ResidualRecord[] = [];
  const codes = await encodeThrough(finals, finals.length, input.evalInputs, input.evalCount);
  for (const L of trained.layers) {
    const x = L.index === 1 ? input.evalInputs : codes[L.index - 2];
    const dim = L.snapshots[0].layer.inputs;
    const trainedOut = await reconstruct(L.snapshots[L.snapshots.length - 1].layer, x, input.evalCount);
    const untrainedOut = await reconstruct(L.snapshots[0].layer, x, input.evalCount);
    const rt = stabilisationResiduals({ inputs: x, outputs: trainedOut, count: input.evalCount, dim });
    const ru = stabilisationResiduals({ inputs: x, outputs: untrainedOut, count: input.evalCount, dim });
    const shadowErrors: LayerResult['shadowErrors'] = {};
    for (const fam of SHADOW_FAMILIES) {
      const st = await shadow({ inputs: x, outputs: trainedOut, count: input.evalCount, dim }, fam);
      const su = await shadow({ inputs: x, outputs: untrainedOut, count: input.evalCount, dim }, fam);
      shadowErrors[fam] = { trained: finiteOrNull(st.error), untrained: finiteOrNull(su.error) };
    }
    layers.push({
      seed,
      layer: L.index,
      sizes: [dim, L.snapshots[0].layer.units],
      finalLoss: L.finalLoss,
      residuals: { trained: summary(rt.summary, input.evalCount), untrained: summary(ru.summary, input.evalCount) },
      shadowErrors,
    });
    residuals.push({ seed, layer: L.index, trained: rt.residuals, untrained: ru.residuals });
  }

  // Deep layers in their own input space: weight rows over the codes, under S_m of the code units.
  const codeSpace: CodeSpaceRecord[] = trained.layers
    .filter((L) => L.index > 1)
    .map((L) => {
      const rows = (l: AutoencoderLayer) => Array.from({ length: l.units }, (_, u) => symmetricOrbitLog10(l.weights.subarray(u * l.inputs, (u + 1) * l.inputs), config.levels));
      return { seed, layer: L.index, trainedLog10: rows(L.snapshots[L.snapshots.length - 1].layer), untrainedLog10: rows(L.snapshots[0].layer) };
    });

  return { evidence: { checks, randomSearch: randomSearchRecords, races, primitives, features, layers, residuals, codeSpace }, images, snapshotTimes };
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);
