import { judge, type Verdict } from '../experiments/verdict.js';
import type { CellClaim, CellResults } from './cellResults.js';
import { cellEstimateFromSeeds, MIN_SEEDS_PER_CELL, randomEffects, type PooledEstimate } from './metaAnalysis.js';
import type { SweepCell } from './sweepFile.js';

/** One cell's row of a claim's forest plot. */
export interface ForestRow {
  readonly cell: SweepCell;
  readonly claim: CellClaim;
  /** The cell's estimate and variance from its seeds, null when it cannot enter the pooling. */
  readonly pooledAs: { readonly y: number; readonly v: number } | null;
}

/** A claim across the sweep: every cell's estimate, the pooled one and its verdict, and where verdicts flip. */
export interface ClaimMeta {
  readonly claim: string;
  readonly title: string;
  readonly statisticName: string;
  readonly estimateKind: 'difference' | 'statistic';
  readonly threshold: number;
  readonly minimumEffect: number;
  readonly rows: readonly ForestRow[];
  readonly pooled: PooledEstimate | null;
  readonly verdict: Verdict;
  readonly reason: string | null;
  /** Cells whose own verdict differs from the pooled one. */
  readonly flips: readonly ForestRow[];
  /** For each option that varies: the cells' verdict counts per value of it. */
  readonly byOption: readonly { readonly option: string; readonly value: string; readonly counts: Readonly<Record<string, number>> }[];
}

const DEFAULT_MINIMUM_EFFECT = 0;

/**
 * Pool each claim over the sweep's cells. A cell enters with the mean of its per-seed estimates
 * (trained minus control when the claim has a control) and their variance over seeds; the pooled
 * verdict applies the project's `judge` to the random-effects interval with the claim's own
 * threshold and minimum effect. Fewer than 2 cells that can enter make it inconclusive.
 */
export function sweepMeta(cells: readonly { cell: SweepCell; results: CellResults }[]): ClaimMeta[] {
  const ids = [...new Set(cells.flatMap((c) => c.results.claims.map((k) => k.claim)))];
  return ids.map((id) => {
    const rows: ForestRow[] = cells.flatMap(({ cell, results }) => {
      const claim = results.claims.find((k) => k.claim === id);
      return claim ? [{ cell, claim, pooledAs: cellEstimateFromSeeds(claim.perSeed.map((s) => s.value)) }] : [];
    });
    const first = rows[0].claim;
    const threshold = first.threshold;
    const minimumEffect = first.minimumEffect ?? DEFAULT_MINIMUM_EFFECT;
    const eligible = rows.filter((r) => r.pooledAs !== null);
    let pooled: PooledEstimate | null = null;
    let verdict: Verdict = 'inconclusive';
    let reason: string | null = null;
    if (eligible.length < 2) {
      reason = `only ${eligible.length} cell${eligible.length === 1 ? '' : 's'} with at least ${MIN_SEEDS_PER_CELL} seeds and a finite spread of the per-seed estimates (2 needed to pool)`;
    } else {
      pooled = randomEffects(eligible.map((r) => r.pooledAs!));
      const j = judge(pooled.ci, pooled.k, { threshold, minimumEffect, minimumN: 2 });
      verdict = j.verdict;
      reason = j.reason ?? null;
      if (eligible.length < rows.length) reason = `${reason ? `${reason}; ` : ''}${rows.length - eligible.length} of ${rows.length} cells left out (fewer than ${MIN_SEEDS_PER_CELL} seeds or no spread)`;
    }
    const options = [...new Set(rows.flatMap((r) => Object.keys(r.cell.varying)))];
    const byOption = options.flatMap((option) => {
      const values = [...new Set(rows.map((r) => String(r.cell.varying[option])))];
      return values.map((value) => {
        const counts: Record<string, number> = {};
        for (const r of rows) if (String(r.cell.varying[option]) === value) counts[r.claim.verdict] = (counts[r.claim.verdict] ?? 0) + 1;
        return { option, value, counts };
      });
    });
    return {
      claim: id,
      title: first.title,
      statisticName: first.statisticName,
      estimateKind: first.estimate.kind,
      threshold,
      minimumEffect,
      rows,
      pooled,
      verdict,
      reason,
      flips: rows.filter((r) => r.claim.verdict !== verdict),
      byOption,
    };
  });
}
