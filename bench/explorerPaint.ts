// How long the explorer's layer page takes to show its grid, in headless Chromium, for a run
// directory (default runs/shapes-seeds0-9, what `npm start` writes; or the path given): from
// navigation to the first paint with content and to the last tile, each the median of fresh
// browser contexts (empty caches). The reference, measured in the same run, is the runs page (it
// fetches only the run list): the ratio says how much the layer page costs above opening the app.
// Needs /usr/bin/chromium. `npm run bench -- explorerPaint [RUN_DIR]`.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureAppBuilt, startServer } from '../src/web/server/index.js';

const CHROMIUM = '/usr/bin/chromium';
const REPS = 5;
const dir = resolve(process.argv[2] ?? 'runs/shapes-seeds0-9');
if (!existsSync(CHROMIUM) || !existsSync(join(dir, 'features', 'index.json'))) {
  // skipped, not failed, so that `npm run bench` with every benchmark still runs on a fresh clone
  console.log(JSON.stringify({ bench: 'explorerPaint', skipped: `needs ${CHROMIUM} and a run directory with features/index.json (got ${dir}; run npm start first)` }));
  process.exit(0);
}
const units = (JSON.parse(await readFile(join(dir, 'features', 'index.json'), 'utf8')) as { layers: { units: number }[] }).layers[0].units;
const app = await ensureAppBuilt();
const server = await startServer({ dirs: [dir], appDir: app.dir });
const id = (await (await fetch(`${server.url}api/runs`)).json())[0].id as string;
const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });

/** Milliseconds from navigation to the first contentful paint and to `ready` holding, in a fresh context. */
async function time(hash: string, ready: string): Promise<{ firstPaint: number; done: number; bytes: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // bytes the page downloaded (response bodies), summed once every request has finished
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (r) => sizes.push(r.sizes().then((x) => x.responseBodySize)));
  await page.goto(`${server.url}${hash}`);
  await page.waitForFunction(ready, undefined, { timeout: 120_000 });
  const done = await page.evaluate(() => performance.now());
  const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  await page.waitForTimeout(50);
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return { firstPaint, done, bytes };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const layer: { firstPaint: number; done: number; bytes: number }[] = [];
const runsPage: { done: number }[] = [];
for (let i = 0; i < REPS; i++) {
  layer.push(await time(`#/run/${encodeURIComponent(id)}/layer`, `document.querySelectorAll('.tile').length === ${units}`));
  runsPage.push(await time('#/', `document.querySelectorAll('tr[data-run]').length > 0`));
}
await browser.close();
await server.close();
const gridMs = median(layer.map((t) => t.done));
const refMs = median(runsPage.map((t) => t.done));
console.log(JSON.stringify({ bench: 'explorerPaint', run: basename(dir), units, layerFirstPaintMs: Math.round(median(layer.map((t) => t.firstPaint))), layerGridMs: Math.round(gridMs), layerBytes: median(layer.map((t) => t.bytes)), runsPageMs: Math.round(refMs), ratio: Math.round((gridMs / refMs) * 100) / 100 }));
