import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Chrome } from '../../tests/e2e/fixtures';
import { median, type BenchContext, type BenchRow } from '../types';
import { alongsideBlankPage, ratioRow } from '../blank-page.mjs';

declare const chrome: Chrome;

const PASSPHRASE = 'bench vault passphrase words';
const ENTRIES = 1_000;
const OUTPUT = path.resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');

async function send(page: Page, type: string, data: unknown = {}) {
  const reply = (await page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const)) as {
    ok: boolean;
    data: unknown;
  };
  if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply)}`);
  return reply.data;
}

/** Round-trip time of one message from an extension page, repeated. */
async function timeMessage(page: Page, type: string, data: unknown, runs: number): Promise<number[]> {
  return page.evaluate(
    async ([t, d, n]) => {
      const times: number[] = [];
      for (let i = 0; i < n; i += 1) {
        const started = performance.now();
        await chrome.runtime.sendMessage({ type: t, data: d });
        times.push(performance.now() - started);
      }
      return times;
    },
    [type, data, runs] as const,
  );
}

async function seed(page: Page, count: number) {
  await page.evaluate(async (n) => {
    const hex = (i: number) => i.toString(16).padStart(32, '0');
    for (let start = 0; start < n; start += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, n - start) }, (_, k) => {
          const i = start + k;
          return chrome.runtime.sendMessage({
            type: 'entries.create',
            data: {
              meta: { alias: `Shop ${i}`, kind: 'seller', region: 'EU', clientId: `amzn1.application-oa2-client.${hex(i)}`, secretIssuedAt: Date.now() - i * 3_600_000 },
              secrets: { clientSecret: `amzn1.oa2-cs.v1.${hex(i)}${hex(i)}`, refreshToken: `Atzr|bench-${i}` },
            },
          });
        }),
      );
    }
  }, count);
}

/** Service worker JS heap through DevTools (Runtime.getHeapUsage), after a garbage collection. */
async function workerHeapBytes(ctx: BenchContext): Promise<number> {
  const browser = ctx.context.browser();
  const page = await ctx.context.newPage();
  const session = browser ? await browser.newBrowserCDPSession() : await ctx.context.newCDPSession(page);
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ctx.extensionId}/`));
    if (!target) throw new Error('no service worker target');
    const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    let nextId = 1;
    const call = (method: string) =>
      new Promise<Record<string, number>>((resolve) => {
        const id = nextId++;
        const listener = (event: { message: string }) => {
          const message = JSON.parse(event.message) as { id?: number; result?: Record<string, number> };
          if (message.id !== id) return;
          session.off('Target.receivedMessageFromTarget', listener);
          resolve(message.result ?? {});
        };
        session.on('Target.receivedMessageFromTarget', listener);
        void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    return (await call('Runtime.getHeapUsage')).usedSize ?? NaN;
  } finally {
    await session.detach().catch(() => undefined);
    await page.close();
  }
}

/**
 * The locked screen as the toolbar button opens it (the page `action.getPopup` names): when its "Vault locked"
 * heading was first painted (Element Timing), counted from the navigation like the blank page's first paint.
 */
async function lockedScreenPaint(ctx: BenchContext, url: string): Promise<number> {
  const popup = await ctx.context.newPage();
  try {
    await popup.goto(url);
    await popup.getByRole('heading', { name: 'Vault locked' }).waitFor();
    // Once painted again by the script's render, the heading has two entries: the first is when it appeared.
    return await popup.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const paints = list.getEntries().filter((entry) => (entry as PerformanceEntry & { identifier: string }).identifier === 'locked-screen');
            resolve(Math.min(...paints.map((entry) => (entry as PerformanceEntry & { renderTime: number }).renderTime)));
          }).observe({ type: 'element', buffered: true });
        }),
    );
  } finally {
    await popup.close();
  }
}

function builtSizes(): BenchRow[] {
  const size = (file: string) => fs.statSync(path.join(OUTPUT, file)).size;
  const chunksOf = (html: string) =>
    [...fs.readFileSync(path.join(OUTPUT, html), 'utf8').matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const rows: BenchRow[] = [
    { name: 'built size: background', value: size('background.js') / 1024, unit: 'KB' },
    { name: 'built size: content script', value: size('content-scripts/content.js') / 1024, unit: 'KB', budget: '≤ 20 KB' },
  ];
  for (const page of fs.readdirSync(OUTPUT).filter((f) => f.endsWith('.html'))) {
    const total = chunksOf(page).reduce((sum, file) => sum + size(file), size(page));
    rows.push({ name: `built size: ${page.replace('.html', '')} page (html + js + css)`, value: total / 1024, unit: 'KB' });
  }
  return rows.map((r) => (r.budget ? { ...r, ok: r.value <= 20 } : r));
}

export default async function vaultRows(ctx: BenchContext): Promise<BenchRow[]> {
  const page = await ctx.openPopup();
  await send(page, 'vault.create', { passphrase: PASSPHRASE });

  const unlocks: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    await send(page, 'vault.lock');
    unlocks.push((await timeMessage(page, 'vault.unlock', { passphrase: PASSPHRASE }, 1))[0]!);
  }

  await seed(page, ENTRIES);
  const list = median(await timeMessage(page, 'entries.list', {}, 15));
  const { entries } = (await send(page, 'entries.list')) as { entries: { id: string }[] };
  const decrypt = median(await timeMessage(page, 'entries.get', { id: entries[500]!.id }, 25));
  const heap = await workerHeapBytes(ctx);

  await send(page, 'vault.lock');
  // The worker points the button after replying (handlers.ts: `onStatus` never delays the reply).
  const toolbarPopup = () => ctx.worker.evaluate(() => chrome.action.getPopup({}));
  await expect.poll(toolbarPopup, { message: 'the toolbar button opens the locked page', timeout: 2_000 }).toMatch(/\/locked\.html$/);
  const toolbarPage = await toolbarPopup();
  const locked = await alongsideBlankPage(ctx, () => lockedScreenPaint(ctx, toolbarPage));

  const row = (name: string, value: number, unit: string, limit?: number): BenchRow =>
    limit === undefined ? { name, value, unit } : { name, value, unit, budget: `≤ ${limit} ${unit}`, ok: value <= limit };
  return [
    row('blank extension page (one static heading) first paint (median of 9, reference)', locked.blank, 'ms'),
    ratioRow('locked screen first paint ÷ blank page (median of 9 pairs)', locked.ratio, 1.2),
    row('unlock, KDF included (median of 3)', median(unlocks), 'ms', 1500),
    row(`list ${ENTRIES} entries' metadata (median)`, list, 'ms', 50),
    row('decrypt one entry (median)', decrypt, 'ms', 5),
    row(`locked screen first paint, toolbar page ${new URL(toolbarPage).pathname} (median of 9)`, locked.value, 'ms'),
    row(`service worker JS heap, ${ENTRIES} entries unlocked`, heap / 1024 / 1024, 'MB', 20),
    ...builtSizes(),
  ];
}
