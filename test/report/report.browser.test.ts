import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../../src/cli/main.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!existsSync(CHROMIUM))('report.html in headless Chromium', () => {
  it('the report of run --quick opens offline with no console errors, a verdict table and a chart per claim', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'orbitscope-report-')), 'run');
    const io = { out: () => {}, err: () => {} };
    expect(await main(['node', 'orbitscope', 'run', '--quick', '--quiet', '--out', out], io)).toBe(0);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const external: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && external.push(r.url()));
      await page.goto(pathToFileURL(join(out, 'report.html')).href);
      expect(await page.locator('table.verdicts tbody tr').count()).toBe(4);
      expect(await page.locator('#checks > table tbody tr').count()).toBe(2);
      for (const id of ['C2', 'C3', 'C4', 'C5']) {
        const verdict = await page.locator(`#${id} h2 .verdict`).textContent();
        expect(['supported', 'not supported', 'inconclusive']).toContain(verdict);
        expect(await page.locator(`#${id} figure.chart svg`).count(), `${id} has a chart`).toBe(1);
      }
      expect(await page.locator('img.grid').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
