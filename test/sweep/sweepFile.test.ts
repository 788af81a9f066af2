import { describe, expect, it } from 'vitest';
import { canonicalJson, cellId } from '../../src/sweep/cellId.js';
import { expandSweep } from '../../src/sweep/sweepFile.js';
import { etaSeconds, formatProgress } from '../../src/sweep/progress.js';

describe('sweep file', () => {
  it('expandSweep(file) makes the product of the grid, first key slowest, each over base', () => {
    const cells = expandSweep({ base: { quick: true, seeds: 1 }, grid: { model: ['ae', 'rbm'], lr: [0.01, 0.03, 0.1] } });
    expect(cells.map((c) => c.label)).toEqual(['model=ae lr=0.01', 'model=ae lr=0.03', 'model=ae lr=0.1', 'model=rbm lr=0.01', 'model=rbm lr=0.03', 'model=rbm lr=0.1']);
    expect(cells.every((c) => c.config.quick && c.config.seeds === 1)).toBe(true);
    expect(new Set(cells.map((c) => c.id)).size).toBe(6);
    expect(cells[4].config.model).toBe('rbm');
    expect(cells[4].config.lr).toBe(0.03);
  });

  it('expandSweep(file) appends explicit cells and keeps one cell per configuration', () => {
    const cells = expandSweep({ base: { quick: true }, grid: { seeds: [1, 2] }, cells: [{ seeds: 2 }, { seeds: 3, model: 'rbm' }] });
    expect(cells.map((c) => c.label)).toEqual(['seeds=1 model=ae', 'seeds=2 model=ae', 'seeds=3 model=rbm']);
  });

  it('expandSweep(file) with cells: alone makes exactly those cells', () => {
    const cells = expandSweep({ cells: [{ quick: true, seeds: 1 }] });
    expect(cells).toHaveLength(1);
    expect(cells[0].config.quick).toBe(true);
    expect(cells[0].label).toBe(cells[0].id);
    expect(expandSweep({ base: { quick: true }, cells: [{ seeds: 1 }, { seeds: 2 }] }).map((c) => c.label)).toEqual(['seeds=1', 'seeds=2']);
  });

  it('cellId(config) depends on the configuration, not on the order of its keys', () => {
    expect(cellId({ a: 1, b: [1, 2], c: { x: null, y: 'z' } })).toBe(cellId({ c: { y: 'z', x: null }, b: [1, 2], a: 1 }));
    expect(cellId({ a: 1 })).not.toBe(cellId({ a: 2 }));
    expect(canonicalJson({ b: 1, a: [true, 'x'] })).toBe('{"a":[true,"x"],"b":1}');
    const [cell] = expandSweep({ cells: [{ quick: true }] });
    expect(cell.id).toMatch(/^[0-9a-f]{16}$/);
    expect(expandSweep({ cells: [{ quick: true }] })[0].id).toBe(cell.id);
  });

  it('expandSweep(file) names the file, the cell and the option of a bad value, and rejects unknown options', () => {
    expect(() => expandSweep({ grid: { lr: [0.01, -1] } }, 'g.yaml')).toThrow(/^g\.yaml: cell 2 \(lr=-1\): lr: /);
    expect(() => expandSweep({ grid: { lerning: [1] } }, 'g.yaml')).toThrow(/g\.yaml: "lerning" is not a run option/);
    expect(() => expandSweep({ base: { quick: true } }, 'g.yaml')).toThrow(/g\.yaml: .*needs a grid: or a cells: list/);
    expect(() => expandSweep({ grid: { lr: [] } }, 'g.yaml')).toThrow(/g\.yaml: grid\.lr/);
    expect(() => expandSweep({ grids: {} }, 'g.yaml')).toThrow(/unknown key "grids"/);
  });

  it('formatProgress(counts) shows done, running, failed and an ETA from the mean cell time over the parallel workers', () => {
    const c = { total: 8, done: 2, reused: 1, running: 2, failed: 1, computedSeconds: [10, 20], parallel: 2 };
    expect(etaSeconds(c)).toBe((15 * 5) / 2);
    expect(formatProgress(c)).toBe('sweep: 2/8 cells done (1 reused), 2 running, 1 failed, ETA 38s');
    expect(formatProgress({ ...c, done: 7, computedSeconds: [] })).toBe('sweep: 7/8 cells done (1 reused), 2 running, 1 failed');
    expect(formatProgress({ ...c, computedSeconds: [] })).toMatch(/ETA \?$/);
  });
});
