/**
 * Popup list: from navigation to the entry list rendered and interactive, with 200 and 1,000 entries.
 * "Interactive" is the `lwa:entries-list-ready` mark EntryList sets in its first effect, which Preact runs after
 * the list's first frame (the rows the window can show) has been painted; its startTime counts from the
 * navigation. In Chrome the list's first page (the 50 most urgent rows, all the list shows at first) comes inside
 * popup.html (features/popup/first-screen.ts); the whole list, which search and Show more need, follows:
 * `lwa:entries-list-complete`, reported beside it.
 * Run it with E2E_TRACE=off: the e2e fixture's default tracing (screenshots and DOM snapshots) multiplies
 * page-load times. Each size is opened several times in a fresh tab, like a user clicking the toolbar button
 * again and again; the median is reported.
 *
 * @typedef {import('../types').BenchContext} BenchContext
 * @typedef {import('../types').BenchRow} BenchRow
 */
import { alongsideBlankPage, ratioRow } from '../blank-page.mjs';
import { median } from '../types.ts';

const PASSPHRASE = 'bench popup list passphrase';
const RUNS = 9;
const SETTLE_MS = 3_000;
/** Budgets as multiples of the blank extension page opened the same way in the same run (bench/blank-page.mjs). */
const SIZES = [
  { entries: 200, budgetRatio: 1.5 },
  { entries: 1_000, budgetRatio: 2 },
];

/** @param {import('@playwright/test').Page} page */
async function send(page, type, data = {}) {
  const reply = await page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data]);
  if (!reply?.ok) throw new Error(`${type}: ${JSON.stringify(reply?.error)}`);
  return reply.data;
}

/** Adds entries up to `total` through `entries.create`, 100 messages in flight at a time. */
async function seedUpTo(page, from, total) {
  await page.evaluate(
    async ([start, end]) => {
      const hex = (i) => i.toString(16).padStart(32, '0');
      for (let first = start; first < end; first += 100) {
        const replies = await Promise.all(
          Array.from({ length: Math.min(100, end - first) }, (_, k) => {
            const i = first + k;
            return chrome.runtime.sendMessage({
              type: 'entries.create',
              data: {
                meta: {
                  alias: `Shop ${String(i).padStart(4, '0')}`,
                  kind: i % 3 ? 'seller' : 'vendor',
                  region: 'EU',
                  marketplace: 'DE',
                  clientId: `amzn1.application-oa2-client.${hex(i)}`,
                  // Spread over every level, overdue included.
                  secretIssuedAt: Date.now() - (i % 200) * 86_400_000,
                },
                secrets: { clientSecret: `amzn1.oa2-cs.v1.${hex(i)}${hex(i)}` },
              },
            });
          }),
        );
        const refused = replies.find((r) => !r?.ok);
        if (refused) throw new Error(`entries.create: ${JSON.stringify(refused.error)}`);
      }
    },
    [from, total],
  );
}

/**
 * Wall time from navigation to the mark, and the popup's main-thread CPU time until then (DevTools ThreadTime):
 * on a busy machine the first grows with the load, the second stays what the page itself costs.
 * @param {BenchContext} ctx @param {number} expected
 */
async function timeListReady(ctx, expected) {
  const url = await ctx.worker.evaluate(() => chrome.action.getPopup({}));
  const page = await ctx.context.newPage();
  const cdp = await ctx.context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(url);
    const handle = await page.waitForFunction(() => performance.getEntriesByName('lwa:entries-list-ready')[0]?.startTime, null, {
      timeout: 10_000,
    });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const cpu = (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
    const complete = await page.waitForFunction(() => performance.getEntriesByName('lwa:entries-list-complete')[0]?.startTime, null, {
      timeout: 10_000,
    });
    const ms = { wall: await handle.jsonValue(), cpu, complete: await complete.jsonValue() };
    // The most urgent 50 are rendered (LIST_PAGE, features/entries/first-page.ts); the heading counts them all.
    if (expected === 0) {
      if ((await page.locator('#empty-title').count()) !== 1) throw new Error('the first-run list did not show');
      return ms;
    }
    const heading = await page.locator('#entries-title').textContent();
    const rows = await page.locator('.entry-row').count();
    if (!heading?.includes(`(${expected})`) || rows !== Math.min(50, expected)) {
      throw new Error(`the list says "${heading}" and shows ${rows} rows; expected ${expected} entries`);
    }
    return ms;
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/** RUNS openings, each paired with the blank page's (bench/blank-page.mjs): wall time, ratio, and CPU time. */
async function measure(ctx, entries) {
  const cpu = [];
  const complete = [];
  const { blank, value, ratio } = await alongsideBlankPage(
    ctx,
    async () => {
      const ms = await timeListReady(ctx, entries);
      cpu.push(ms.cpu);
      complete.push(ms.complete);
      return ms.wall;
    },
    RUNS,
  );
  // [0] is the warm-up's.
  return { blank, wall: value, ratio, cpu: Math.round(median(cpu.slice(1))), complete: Math.round(median(complete.slice(1))) };
}

/** @param {BenchContext} ctx @returns {Promise<BenchRow[]>} */
export default async function popupList(ctx) {
  const seeder = await ctx.openPopup();
  const status = await send(seeder, 'vault.status');
  if (!status.exists) await send(seeder, 'vault.create', { passphrase: PASSPHRASE });
  else if (!status.unlocked) throw new Error('the bench profile has a locked vault');
  const existing = (await send(seeder, 'entries.list')).entries.length;

  const rows = [];
  if (existing === 0) {
    // The same page with nothing to list: what the machine costs before any entry (a loaded CI box shows here).
    const { wall, cpu } = await measure(ctx, 0);
    rows.push({ name: `popup: navigation → first-run screen ready, empty vault (median of ${RUNS}, reference)`, value: wall, unit: 'ms' });
    rows.push({ name: '  of which popup main-thread CPU (reference)', value: cpu, unit: 'ms' });
  }
  let seeded = existing;
  for (const { entries, budgetRatio } of SIZES) {
    if (seeded < entries) await seedUpTo(seeder, seeded, entries);
    // Seeding hundreds of entries at once sets the worker repainting the badge and rescheduling reminders for a
    // while: let that finish, as it has when a user opens the popup, so the openings measure the popup alone.
    await new Promise((settled) => setTimeout(settled, SETTLE_MS));
    seeded = Math.max(seeded, entries);
    const { blank, wall, ratio, cpu, complete } = await measure(ctx, seeded);
    rows.push({ name: `popup: navigation → list ready, ${seeded.toLocaleString('en-US')} entries (median of ${RUNS})`, value: wall, unit: 'ms' });
    rows.push({ name: '  every entry loaded, for search and Show more (reference)', value: complete, unit: 'ms' });
    rows.push({ name: '  blank extension page (one static heading) first paint, in the same turns (reference)', value: blank, unit: 'ms' });
    rows.push(ratioRow(`  list ready, ${seeded.toLocaleString('en-US')} entries ÷ blank page (median of ${RUNS} pairs)`, ratio, budgetRatio));
    rows.push({ name: '  of which popup main-thread CPU (reference)', value: cpu, unit: 'ms' });
  }
  await seeder.close();
  return rows;
}
