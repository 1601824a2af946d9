/**
 * The physical limit the popup is measured against: a blank extension page with one static heading, opened the
 * same way (new tab, navigation to a chrome-extension:// URL) in the same browser and run. Its first contentful
 * paint is what any extension page costs on this machine before a line of our code runs. The page is written into
 * the built extension before the browser starts (bench/playwright.config.ts): it is never part of a release build.
 *
 * @typedef {import('./types').BenchContext} BenchContext
 */
import fs from 'node:fs';
import path from 'node:path';

const BUILT = path.join(import.meta.dirname, '..', '.output', 'chrome-mv3');
const FILE = 'bench-blank.html';
const HTML = '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Blank</title></head><body><h1>LWA Vault</h1></body></html>\n';

/** @param {import('@playwright/test').Page} page */
async function firstContentfulPaint(page) {
  return page.evaluate(async () => {
    for (let tries = 0; tries < 100; tries += 1) {
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      if (paint) return paint.startTime;
      await new Promise((r) => setTimeout(r, 10));
    }
    return Number.NaN;
  });
}

/** Chrome serves an unpacked extension's files as they were when it loaded them: call before the browser starts. */
export function writeBlankPage() {
  fs.writeFileSync(path.join(BUILT, FILE), HTML);
}

/** Median first paint of the blank page over `runs` fresh tabs, after one warm-up. @param {BenchContext} ctx */
export async function blankPagePaint(ctx, runs = 5) {
  const paints = [];
  for (let run = 0; run <= runs; run += 1) {
    const page = await ctx.extension.openPopup(FILE);
    const paint = await firstContentfulPaint(page);
    await page.close();
    if (run > 0) paints.push(paint);
  }
  return Math.round([...paints].sort((a, b) => a - b)[Math.floor(paints.length / 2)]);
}

/** A ratio row: `value` as a multiple of the blank page, within `limit` ×. */
export function ratioRow(name, value, blank, limit) {
  const ratio = Math.round((value / blank) * 100) / 100;
  return { name, value: ratio, unit: '×', budget: `≤ ${limit} × blank page`, ok: ratio <= limit };
}
