import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedVault, type SeedEntry } from './support/messages';

const DAY = 86_400_000;
const INJECTION = '</script><img id="injected" src="x">';

/**
 * 60 entries, one more page than the list shows at first (LIST_PAGE = 50): 59 with overdue or urgent secrets, and
 * one issued today ("Alpha fresh"), which is the least urgent, so only the whole list has it. One overdue name
 * tries to close the first screen's data block.
 */
function sixtyEntries(now: number): SeedEntry[] {
  const urgent = Array.from({ length: 58 }, (_, i) => ({ alias: `Shop ${String(i).padStart(2, '0')}`, secretIssuedAt: now - (150 + i) * DAY }));
  return [...urgent, { alias: INJECTION, secretIssuedAt: now - 200 * DAY }, { alias: 'Alpha fresh', secretIssuedAt: now }];
}

/** The popup's script as this page received it: whether the worker answered, and the text. */
function popupScriptOf(page: Page): Promise<{ fromWorker: boolean; text: string }> {
  return page
    .waitForResponse((response) => new URL(response.url()).pathname === '/popup-app.js')
    .then(async (response) => ({ fromWorker: response.fromServiceWorker(), text: await response.text() }));
}

test('popup.html comes from the worker with the most urgent entries; the whole list follows for search and Show more', async ({ extension, extensionPath }) => {
  const { admin } = await seedVault(extension, sixtyEntries(Date.now()));
  const popupUrl = extension.extensionUrl('/popup.html');
  const packagedScript = fs.readFileSync(path.join(extensionPath, 'popup-app.js'), 'utf8');
  // The list's first frame waits for every line of this script: zod (a third of it, and its set-up) stays in the
  // worker, which checks every message. Its classes carry their names as strings, "$ZodObject" and so on.
  expect(packagedScript).not.toMatch(/\$Zod[A-Z]/);

  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  const script = popupScriptOf(popup);
  const response = await popup.goto(popupUrl);
  expect(response?.fromServiceWorker()).toBe(true);
  // Its script comes from the worker's cache too, filled at install: this version's file, byte for byte.
  expect(await script).toEqual({ fromWorker: true, text: packagedScript });
  const served = (await response?.text()) ?? '';
  expect(served).toContain('<script type="application/json" id="first-screen">');
  expect(served).toContain('"total":60');
  expect(served).not.toContain('Alpha fresh'); // the first page only: the least urgent entry is not in it
  expect(served).not.toContain(INJECTION); // `<` escaped inside the data block

  await expect(popup.getByRole('heading', { name: 'Entries (60)' })).toBeVisible();
  await expect(popup.locator('.entry-row')).toHaveCount(50);
  await expect(popup.locator('#first-screen')).toHaveCount(0); // read once, then gone from the page
  // The name that tried to break out of the block is text in its row; nothing was injected.
  await expect(popup.locator('.entry-row', { hasText: INJECTION })).toHaveCount(1);
  await expect(popup.locator('#injected')).toHaveCount(0);

  // The page the worker wrote is still under the extension's CSP: an inline script does not run.
  const inline = await popup.evaluate(
    () =>
      new Promise<{ ran: boolean; refused: boolean }>((resolve) => {
        let refused = false;
        document.addEventListener('securitypolicyviolation', () => (refused = true));
        const script = document.createElement('script');
        script.textContent = 'window.inlineScriptRan = true';
        document.head.append(script);
        setTimeout(() => resolve({ ran: (window as { inlineScriptRan?: boolean }).inlineScriptRan === true, refused }), 100);
      }),
  );
  expect(inline).toEqual({ ran: false, refused: true });

  // The whole list arrives after the first page: search finds the least urgent entry, Show more shows the rest.
  await popup.getByLabel('Search by name or client id').fill('Alpha fresh');
  await expect(popup.locator('.entry-row')).toHaveText([/Alpha fresh/]);
  await popup.getByLabel('Search by name or client id').fill('');
  await popup.getByRole('button', { name: 'Show 10 more' }).click();
  await expect(popup.locator('.entry-row')).toHaveCount(60);

  // The worker answers popup.html only: every other page loads as packaged. (A packaged load has no network
  // response in Playwright; one the worker answered has, as above.)
  for (const path of ['/options.html', '/locked.html']) {
    const other = await extension.context.newPage();
    expect((await other.goto(extension.extensionUrl(path)))?.fromServiceWorker() ?? false, path).toBe(false);
    await other.close();
  }

  // The cached script gone (storage cleared): the worker answers with the packaged file, and caches it again.
  expect(await extension.worker.evaluate(() => caches.delete('popup-script'))).toBe(true);
  const uncached = await extension.context.newPage();
  const refetched = popupScriptOf(uncached);
  await uncached.goto(popupUrl);
  expect(await refetched).toEqual({ fromWorker: true, text: packagedScript });
  await expect(uncached.locator('.entry-row')).toHaveCount(50);
  await expect.poll(() => extension.worker.evaluate(() => caches.has('popup-script'))).toBe(true);
  await uncached.close();

  // A worker that is not running is not woken for the page: it loads as packaged, and the popup asks by message.
  await admin.close();
  await popup.close();
  await extension.stopServiceWorker();
  const cold = await extension.context.newPage();
  expect((await cold.goto(popupUrl))?.fromServiceWorker() ?? false).toBe(false);
  await expect(cold.getByRole('heading', { name: 'Entries (60)' })).toBeVisible();
  await expect(cold.locator('.entry-row')).toHaveCount(50);
});
