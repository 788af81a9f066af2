import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { main } from '../../src/cli/main.js';
import { capture, resultsWithoutTimings, TINY_BASE, writeEightCellGrid } from './sweepFixture.js';

const root = mkdtempSync(join(tmpdir(), 'orbitscope-sweep-'));

async function cli(args: string[]) {
  const io = capture();
  const code = await main(['node', 'orbitscope', ...args], io);
  return { code, ...io };
}

async function readTable(path: string): Promise<Record<string, unknown>[]> {
  const bytes = readFileSync(path);
  return parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
}

describe('orbitscope sweep (local pool)', () => {
  const grid = writeEightCellGrid(root);
  const out = join(root, 'out');
  let cells: { id: string; label: string; verdicts: Record<string, string> }[] = [];

  it('sweep --workers 2 runs 8 cells, each a run directory named by its config hash, with their claims in Parquet', async () => {
    const r = await cli(['sweep', '--grid', grid, '--out', out, '--workers', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    cells = JSON.parse(r.stdout).cells;
    expect(cells).toHaveLength(8);
    expect(readdirSync(join(out, 'cells')).sort()).toEqual(cells.map((c) => c.id).sort());
    expect(r.stderr).toMatch(/sweep: 8\/8 cells done, 0 running, 0 failed\n$/);
    const claims = await readTable(join(out, 'claims.parquet'));
    expect(claims.length).toBe(8 * Object.keys(cells[0].verdicts).length);
    for (const c of cells) {
      const results = JSON.parse(readFileSync(join(out, 'cells', c.id, 'results.json'), 'utf8'));
      for (const [claim, verdict] of Object.entries(c.verdicts)) {
        const row = claims.find((x) => x.cell === c.id && x.claim === claim)!;
        expect(row.verdict).toBe(verdict);
        expect(row.statistic).toBe(results.claims[claim].statistic);
        expect(row.label).toBe(c.label);
        expect(row.model).toBe(results.config.config.model);
        expect(row.lr).toBe(results.config.config.lr);
      }
    }
    const report = readFileSync(join(out, 'sweep-report.html'), 'utf8');
    for (const c of cells) expect(report).toContain(`href="cells/${c.id}/report.html"`);
    const units = await readTable(join(out, 'units.parquet'));
    const first = JSON.parse(readFileSync(join(out, 'cells', cells[0].id, 'results.json'), 'utf8'));
    // one row per unit and snapshot: every row of the cell's unit tables
    expect(first.features).toBeUndefined();
    expect(units.filter((u) => u.cell === cells[0].id)).toHaveLength((first.unitTables as { rows: number }[]).reduce((t, x) => t + x.rows, 0));
  });

  it('sweep cells give the results of the same options run one by one with `run`', async () => {
    for (const c of [cells[0], cells[7]]) {
      const config = JSON.parse(readFileSync(join(out, 'cells', c.id, 'cell.json'), 'utf8')).config;
      const file = join(root, `${c.id}.json`);
      writeFileSync(file, JSON.stringify({ ...TINY_BASE, model: config.model, lr: config.lr, batch: config.batch }));
      const alone = join(root, `alone-${c.id}`);
      const r = await cli(['run', '--config', file, '--out', alone, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      expect(resultsWithoutTimings(alone)).toEqual(resultsWithoutTimings(join(out, 'cells', c.id)));
    }
  });

  it('sweep again over the same grid reuses every finished cell and recomputes none', async () => {
    const mtimes = cells.map((c) => statSync(join(out, 'cells', c.id, 'results.json')).mtimeMs);
    const r = await cli(['sweep', '--grid', grid, '--out', out, '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('sweep: 8/8 cells done (8 reused), 0 running, 0 failed\n');
    expect(cells.map((c) => statSync(join(out, 'cells', c.id, 'results.json')).mtimeMs)).toEqual(mtimes);
    expect(r.stdout).toMatch(/model=rbm lr=0\.03 batch=32/);
  });

  it('sweep with a bad grid exits 2 with one line naming the file, the cell and the option, and runs nothing', async () => {
    const bad = join(root, 'bad.yaml');
    writeFileSync(bad, 'base: {quick: true}\ngrid:\n  epochs: [1, 0]\n');
    const r = await cli(['sweep', '--grid', bad, '--out', join(root, 'bad-out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^orbitscope sweep: .*bad\.yaml: cell 2 \(epochs=0\): epochs: .*\n$/);
    const missing = await cli(['sweep', '--grid', join(root, 'nope.yaml'), '--out', join(root, 'bad-out')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml: cannot read \(ENOENT\)/);
  });
});
