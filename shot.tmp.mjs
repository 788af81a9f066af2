import { chromium } from 'playwright-core';
const [,, url, prefix] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
await page.goto(url);
const h = await page.evaluate(() => document.body.scrollHeight);
for (let y = 0, i = 0; y < h && i < 12; y += 1000, i++) await page.screenshot({ path: `${prefix}-${i}.png`, fullPage: true, clip: { x: 0, y, width: 1100, height: Math.min(1000, h - y) } });
console.log(h);
await browser.close();
