import type { ClaimPoint, FeatureResult, LayerResult } from './results.js';

/** One exact orbit-stabilizer check (C0): |O| |S| = |G| (finite) or dim O + dim S = dim G (Lie). */
export interface OrbitStabilizerCheck {
  readonly what: string;
  readonly group: string;
  readonly kind: 'finite' | 'lie';
  /** Group order (finite) or dimension (Lie). */
  readonly group_size: bigint | number;
  readonly orbit: bigint | number;
  readonly stabilizer: bigint | number;
}

/** Monte Carlo of random search (C1): draws of uniform g in G, hits g.x = x, exact |O(x)|. */
export interface RandomSearchRecord {
  readonly label: string;
  readonly seed: number;
  readonly orbitSize: bigint;
  readonly stabilizerOrder: bigint;
  readonly draws: number;
  readonly hits: number;
  /** Draws until the first hit among a race of candidates (see c1.ts), when run. */
}

/** A race of random search among candidate features: which is stabilised first, how often. */
export interface RandomSearchRace {
  readonly seed: number;
  readonly candidates: readonly { label: string; stabilizerOrder: bigint }[];
  /** How often each candidate was the first one stabilised (ties split evenly). */
  readonly firstCounts: readonly number[];
  readonly races: number;
}

/** A primitive of the synthetic world with its exact orbit and its emergence in one seed's training. */
export interface PrimitiveRecord {
  readonly seed: number;
  readonly name: string;
  readonly group: string;
  readonly orbitSize: number;
  readonly stabilizerOrder: number;
  readonly complexity: FeatureResult['complexity'];
  /** Epoch of emergence; null when no unit ever matched it. */
  readonly emergenceEpoch: number | null;
  readonly bestCosine: number;
}

/** Per-input stabilisation residuals of one trained layer and of its untrained twin (C5). */
export interface ResidualRecord {
  readonly seed: number;
  readonly layer: number;
  readonly trained: Float64Array;
  readonly untrained: Float64Array;
}

/**
 * A deep layer's units in its own input space (the codes of the layer below): log10 orbit size
 * of each unit's weight row under the symmetric group of the code units, trained and untrained.
 */
export interface CodeSpaceRecord {
  readonly seed: number;
  readonly layer: number;
  readonly trainedLog10: readonly number[];
  readonly untrainedLog10: readonly number[];
}

/**
 * Everything the claim runners read: produced by the analysis of every seed's trained stack.
 * `features` holds the final snapshot's features of every layer (and earlier snapshots where
 * analysed); `orbitMeasure` names the orbit number used for learned features (e.g. "so2.epsOrbitSize").
 */
export interface Evidence {
  readonly seeds: readonly number[];
  readonly layerCount: number;
  readonly snapshotEpochs: readonly number[];
  readonly checks: readonly OrbitStabilizerCheck[];
  readonly randomSearch: readonly RandomSearchRecord[];
  readonly races: readonly RandomSearchRace[];
  readonly primitives: readonly PrimitiveRecord[];
  readonly features: readonly FeatureResult[];
  readonly layers: readonly LayerResult[];
  readonly residuals: readonly ResidualRecord[];
  readonly codeSpace: readonly CodeSpaceRecord[];
  readonly orbitMeasure: { readonly group: string; readonly field: string; readonly label: string };
}

export type { ClaimPoint };
