import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { parseNpy } from '../../src/data/npy.js';
import { ensureAppBuilt, startServer, type RunningServer } from '../../src/web/server/index.js';
import { imageWindow } from '../../src/actions/imageWindow.js';
import { orbitDistances } from '../../src/actions/resample.js';
import { affineRows, so2 } from '../../src/groups/lie/index.js';
import { explorerTestRuns, type ExplorerTestRuns } from './runDir.js';
import type { FeatureIndex } from '../../src/web/app/api.js';
import { ClaimIds } from '../../src/results/index.js';
import { claimChart } from '../../src/experiments/claims/charts.js';
import { readUnitTable, unitTableColumns, unitTableLayout, unitTablePath } from '../../src/experiments/unitTable.js';
import { writeParquet } from '../../src/data/parquet.js';

/**
 * A copy of a run whose first grid (first seed, layer 1, last snapshot) has one unit's p4m
 * epsilon-orbit size set 64 times above the run's largest: the two runs then have different
 * ranges, so separate colour scales would colour their shared values differently.
 */
async function copyWithWiderRange(from: string, to: string, index: FeatureIndex): Promise<void> {
  await cp(from, to, { recursive: true });
  const path = join(to, unitTablePath(index.seeds[0], 1));
  const recs = await readUnitTable(new Uint8Array(await readFile(path)).buffer);
  const last = recs.filter((r) => r.snapshot.index === index.snapshots.length - 1);
  const value = (r: (typeof recs)[number]) => r.orbits.p4m.epsOrbitSize as number;
  const lowest = last.reduce((a, b) => (value(b) < value(a) ? b : a));
  lowest.orbits.p4m.epsOrbitSize = 64 * Math.max(...last.map(value));
  const { columns, metadata } = unitTableColumns(recs, unitTableLayout(recs));
  writeParquet(path, columns, metadata);
}

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`explorer browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

/** Screenshots land here for a person to look at. */
const SHOTS = process.env.ORBITSCOPE_SCREENSHOTS ?? join(tmpdir(), 'orbitscope-screenshots');

describe.skipIf(!haveChromium)('the explorer in headless Chromium', () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let profile: string;
  let run: ExplorerTestRuns;
  let index: FeatureIndex;
  let runCount: number;
  const consoleErrors: string[] = [];
  const external: string[] = [];

  beforeAll(async () => {
    run = await explorerTestRuns();
    index = JSON.parse(await readFile(join(run.run, 'features', 'index.json'), 'utf8'));
    await copyWithWiderRange(run.run, join(run.folder, 'quick-c'), index);
    const app = await ensureAppBuilt();
    server = await startServer({ dirs: [run.folder], appDir: app.dir });
    runCount = (await (await fetch(`${server.url}api/runs`)).json()).length;
    profile = await mkdtemp(join(tmpdir(), 'orbitscope-chromium-'));
    await mkdir(SHOTS, { recursive: true });
    // a fresh profile directory: playwright passes it as --user-data-dir
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    if (run) await rm(run.folder, { recursive: true, force: true });
  });

  /** A new page that records console errors and refuses (and records) any request off 127.0.0.1. */
  async function newPage(hash: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${hash}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${hash}: ${e.message}`));
    // offline: any request that leaves 127.0.0.1 is recorded and refused
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('data:')) return route.continue();
      external.push(url);
      return route.abort();
    });
    return page;
  }

  async function open(hash: string): Promise<Page> {
    const page = await newPage(hash);
    await page.goto(`${server.url}${hash}`);
    await page.waitForFunction((h) => document.body.dataset.ready === h, hash);
    return page;
  }

  it('the runs page lists every run with six verdicts and compares two of them', async () => {
    const page = await open('#/');
    await expect(page.locator('tr[data-run]').count()).resolves.toBe(runCount);
    await expect(page.locator(`tr[data-run="${run.id}"] .verdict`).count()).resolves.toBe(4);
    await page.screenshot({ path: join(SHOTS, 'runs.png'), fullPage: true });
    if (runCount < 2) {
      console.warn('compare page not tested: fewer than two runs');
      return;
    }
    await page.locator(`tr[data-run="${run.id}"] input[type=checkbox]`).check();
    await page.locator(`tr[data-run]:not([data-run="${run.id}"]) input[type=checkbox]`).first().check();
    await expect(page.getByTestId('compare').isEnabled()).resolves.toBe(true);
    await page.getByTestId('compare').click();
    await page.waitForFunction(() => document.body.dataset.ready?.startsWith('#/compare/'));
    await expect(page.locator('.compare .panel').count()).resolves.toBe(2);
    await expect(page.locator(`.compare .panel[data-run="${run.id}"] .tile`).count()).resolves.toBe(index.layers[0].units);
    await page.screenshot({ path: join(SHOTS, 'compare.png'), fullPage: true });
    await page.close();
  });

  it('the layer view shows one tile per unit and its snapshot slider changes the images', async () => {
    const page = await open(`#/run/${run.id}/layer`);
    await expect(page.locator('.tile').count()).resolves.toBe(index.layers[0].units);
    const before = await page.locator('.tile canvas').first().evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await page.getByTestId('snapshot').fill('0');
    await page.waitForFunction(() => location.hash.includes('snap=0'));
    // the redraw follows the hash change asynchronously (the unit table may still be loading):
    // poll for it instead of a fixed pause, which failed on a loaded machine; a slider that
    // changes nothing still fails here, by the timeout
    await page.waitForFunction(
      (b) => (document.querySelector('.tile canvas') as HTMLCanvasElement | null)?.toDataURL() !== b,
      before,
      { timeout: 15_000 },
    );
    const after = await page.locator('.tile canvas').first().evaluate((c: HTMLCanvasElement) => c.toDataURL());
    expect(after).not.toBe(before);
    await page.getByTestId('snapshot').fill(String(index.snapshots.length - 1));
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(SHOTS, 'layer.png'), fullPage: true });
    await page.locator('.tile[data-unit="1"]').click();
    await page.waitForFunction(() => document.body.dataset.ready?.includes('/feature'));
    expect(page.url()).toMatch(/unit=1/);
    await page.close();
  });

  it('the layer view shows a loading indicator while its unit table comes, then the grid, and never fetches results.json (issue 15)', async () => {
    const hash = `#/run/${run.id}/layer`;
    const page = await newPage(hash);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    // hold the unit table back until the indicator has been seen
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/units/*.parquet', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}${hash}`);
    const loading = page.getByTestId('loading');
    // first "the run index", then the grid's files: the table is held, so the indicator must stay on them
    await page.waitForFunction(() => /Loading seed \d+, layer 1, snapshot \d+/.test(document.querySelector('[data-testid="loading"]:not([hidden])')?.textContent ?? ''), undefined, { timeout: 10_000 });
    expect(await loading.isVisible()).toBe(true);
    expect(await page.locator('.tile').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'layer-loading.png') });
    release();
    await page.waitForFunction((h) => document.body.dataset.ready === h, hash);
    await expect(page.locator('.tile').count()).resolves.toBe(index.layers[0].units);
    expect(await loading.isVisible()).toBe(false);
    expect(fetched.filter((p) => p.endsWith('.parquet'))).toEqual([`/runs/${run.id}/${unitTablePath(index.seeds[0], 1)}`]);
    expect(fetched.filter((p) => p.endsWith('results.json'))).toEqual([]);
    await page.close();
  });

  it('the compare page colours both runs on one scale: the same value has the same colour in each (issue 15)', async () => {
    const page = await open('#/compare/quick-a/quick-c');
    await expect(page.getByTestId('shared-scale').textContent()).resolves.toContain('p4m eps orbit size');
    const tiles = await page.locator('.compare .tile').evaluateAll((ts) => ts.map((t) => ({ run: (t.closest('.panel') as HTMLElement).dataset.run, value: (t as HTMLElement).dataset.value, colour: (t as HTMLElement).style.borderColor })));
    expect(tiles).toHaveLength(2 * index.layers[0].units);
    const shown = (id: string) => new Set(tiles.filter((t) => t.run === id && t.value !== '').map((t) => t.value));
    const both = [...shown('quick-a')].filter((v) => shown('quick-c').has(v));
    // quick-a's largest value is shown in both runs (the copy raised its smallest unit only)
    expect(both.length).toBeGreaterThan(0);
    for (const v of both) expect(new Set(tiles.filter((t) => t.value === v).map((t) => t.colour)).size, `value ${v}`).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'compare-scale.png'), fullPage: true });
    await page.close();
  });

  it('the compare page shows both runs\' configurations side by side, marking the options that differ (issue 15)', async () => {
    const page = await open('#/compare/quick-a/quick-b');
    const table = page.getByTestId('configs');
    const row = async (key: string) => ({ cells: await table.locator(`tr[data-key="${key}"] td`).allTextContents(), differs: await table.locator(`tr[data-key="${key}"]`).getAttribute('data-differs') });
    // the two test runs differ in their seed only (0 and 5)
    await expect(row('config.seed')).resolves.toEqual({ cells: ['0', '5'], differs: '' });
    const epochs = await row('config.epochs');
    expect(epochs.cells).toHaveLength(2);
    expect(epochs.cells[0]).toBe(epochs.cells[1]);
    expect(epochs.differs).toBeNull();
    await page.close();
  });

  it('the feature view distance read-out follows the rotation slider and equals the library orbitDistances for that angle', async () => {
    const seed = index.seeds[0];
    const layer = index.layers[0].layer;
    const unit = Math.min(2, index.layers[0].units - 1);
    const snap = index.snapshots.length - 1;
    const page = await open(`#/run/${run.id}/feature?seed=${seed}&layer=${layer}&unit=${unit}&snap=${snap}`);
    // eps defaults to the one the run measured with (0.5 on the fixture's records), and says so (issue 15)
    expect(await page.getByTestId('eps').inputValue()).toBe('0.5');
    expect(await page.getByTestId('eps-source').textContent()).toContain("the run's eps");
    const readout = page.getByTestId('distance');
    const d0 = Number(await readout.getAttribute('data-value'));
    expect(d0).toBe(0);
    const npy = parseNpy(new Uint8Array(await readFile(join(run.run, 'features', `seed-${seed}`, `layer-${layer}`, `snapshot-${snap}.npy`))), 'snapshot');
    const [, h, w] = npy.shape;
    const x = npy.data.slice(unit * h * w, (unit + 1) * h * w);
    const angles = [37.5, 90, -120];
    // the library's batched ONNX path, with SO(2) elements built by the lie group itself
    const expected = await orbitDistances({ data: x, count: 1, height: h, width: w }, angles.map((a) => affineRows(so2.matrix([(a * Math.PI) / 180]))), imageWindow(h, w, 'disk'));
    for (const [k, angle] of angles.entries()) {
      await page.getByTestId('slider-angle').fill(String(angle));
      const shown = Number(await readout.getAttribute('data-value'));
      expect(shown).not.toBe(d0);
      expect(Math.abs(shown - expected[k])).toBeLessThan(1e-4);
      expect(Math.abs(Number((await readout.textContent())!.split('=')[1]) - expected[k])).toBeLessThan(1e-4);
    }
    await page.getByTestId('slider-angle').fill('37.5');
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SHOTS, 'feature.png'), fullPage: true });
    await page.close();
  });

  it('the feature view\'s finite epsilon-stabilizer, computed in the page, equals the run\'s record for the feature (issue 18)', async () => {
    const seed = index.seeds[0];
    const layer = index.layers[0].layer;
    const snap = index.snapshots.length - 1;
    const records = await readUnitTable(new Uint8Array(await readFile(join(run.run, unitTablePath(seed, layer)))).buffer);
    let compared = 0;
    for (let unit = 0; unit < Math.min(3, index.layers[0].units); unit++) {
      const rec = records.find((r) => r.unit === unit && r.snapshot.index === snap)!;
      const finite = Object.entries(rec.orbits).filter(([, o]) => o.epsStabilizerSize !== undefined);
      expect(finite.length).toBeGreaterThan(0);
      const page = await open(`#/run/${run.id}/feature?seed=${seed}&layer=${layer}&unit=${unit}&snap=${snap}`);
      for (const [g, o] of finite) {
        expect(Number(await page.getByTestId(`eps-size-${g}`).getAttribute('data-value'))).toBe(Number(o.epsStabilizerSize));
        compared++;
      }
      // the D4 list names the identity first: it is always within eps (distance 0, printed by the shared fmt as '0')
      expect(await page.getByTestId('d4').textContent()).toMatch(/^e \(0\)/);
      await page.close();
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('the claims page draws a chart per claim, shows values on hover and opens a feature on click', async () => {
    const results = JSON.parse(await readFile(join(run.run, 'results.json'), 'utf8'));
    // a claim whose chart points name their feature (seed, layer, unit)
    const [cid, claim] = Object.entries(results.claims as Record<string, { axes: { x: string }; points: { x: number | null; y: number | null; unit?: number }[] }>).find(([, c]) =>
      c.points.some((p) => p.unit !== undefined && p.x !== null && p.y !== null),
    )!;
    const page = await open(`#/run/${run.id}/claims`);
    // one chart per claim that has something to plot: the report's own specs decide which
    const drawn = ClaimIds.filter((id) => claimChart(id, results.claims[id]) !== null).length;
    expect(drawn).toBeGreaterThanOrEqual(3);
    await expect(page.locator('[data-testid^="chart-"] svg').count()).resolves.toBe(drawn);
    await page.screenshot({ path: join(SHOTS, 'claims.png'), fullPage: true });
    // a point of the trained network (controls carry no feature to open); trained points are drawn on top
    const point = page.locator(`[data-testid="chart-${cid}"] svg path[role="graphics-symbol"][aria-label*="series: trained"]`).last();
    await point.hover({ force: true });
    await page.waitForFunction(() => !(document.getElementById('tooltip') as HTMLElement).hidden);
    expect(await page.locator('#tooltip').textContent()).toContain(`${claim.axes.x}: `);
    await page.screenshot({ path: join(SHOTS, 'claims-tooltip.png'), fullPage: false });
    await point.click({ force: true });
    await page.waitForFunction(() => document.body.dataset.ready?.includes('/feature?'));
    expect(page.url()).toMatch(/feature\?seed=\d+&layer=\d+&unit=\d+/);
    await page.close();
  });

  it('the claims page draws the report’s chart specs: C5 one bar per map, C4 a discrete layer axis, tables without undefined, null or 15-digit floats (issue 15)', async () => {
    const page = await open(`#/run/${run.id}/claims`);
    // C5: the trained autoencoder and each baseline get their own place on the x axis
    const c5 = (await page.locator('[data-testid="chart-C5"] svg').first().textContent()) ?? '';
    for (const map of ['trained autoencoder', 'data mean', 'PCA']) expect(c5, map).toContain(map);
    // C4: the layer axis is discrete (ticks 1, 2), never continuous (1.1, 1.2, ...)
    const axis = page.locator('[data-testid="chart-C4"] svg [aria-label^="X-axis titled \'layer\'"]').first();
    expect(await axis.getAttribute('aria-label')).toMatch(/discrete scale with 2 values: 1, 2/);
    // tables print numbers rounded and missing values as report.html does (MISSING)
    const cells = await page.locator('section.claim td').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    for (const t of cells) {
      expect(t).not.toMatch(/undefined|null|NaN/);
      expect(t).not.toMatch(/\d\.\d{7,}/);
    }
    await page.screenshot({ path: join(SHOTS, 'claims-specs.png'), fullPage: true });
    await page.close();
  });

  it('no page logged a console error or fetched anything from outside 127.0.0.1', () => {
    expect(consoleErrors).toEqual([]);
    expect(external).toEqual([]);
  });
});
