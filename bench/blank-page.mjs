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
import { median } from './types.ts';

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

/** First paint of the blank page in a fresh tab. @param {BenchContext} ctx */
async function blankPagePaint(ctx) {
  const page = await ctx.extension.openPopup(FILE);
  try {
    return await firstContentfulPaint(page);
  } finally {
    await page.close();
  }
}

/**
 * `measure` (a fresh tab each call, timed from its navigation) run in turns with the blank page, so both meet
 * the same machine: one warm-up pair, then `runs` pairs. The ratio is the median of the pairs' ratios; a
 * load that comes and goes during the run moves both halves of a pair together.
 * @param {BenchContext} ctx @param {() => Promise<number>} measure
 */
export async function alongsideBlankPage(ctx, measure, runs = 9) {
  const pairs = [];
  for (let run = 0; run <= runs; run += 1) {
    const blank = await blankPagePaint(ctx);
    const value = await measure();
    if (run > 0) pairs.push({ blank, value });
  }
  return {
    blank: Math.round(median(pairs.map((p) => p.blank))),
    value: Math.round(median(pairs.map((p) => p.value))),
    ratio: median(pairs.map((p) => p.value / p.blank)),
  };
}

/** A ratio row: a multiple of the blank page, within `limit` ×. */
export function ratioRow(name, ratio, limit) {
  const rounded = Math.round(ratio * 100) / 100;
  return { name, value: rounded, unit: '×', budget: `≤ ${limit} × blank page`, ok: rounded <= limit };
}
