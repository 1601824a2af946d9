import type { Page } from '@playwright/test';
import {
  captureState,
  confirm,
  consentUrl,
  expectResultFilled,
  openSignIn,
  openWizard,
  serveAmazon,
  startFromUrl,
  type AmazonStandIn,
  REDIRECT_WATCHER_EVENTS,
} from './support/authorize-flow';
import { expect, test, type Chrome, type ExtensionBrowser } from './fixtures';
import { CLIENT_ID, CLIENT_SECRET } from '../support/identifiers';
import { PASSPHRASE, seedEntry, send } from './support/messages';

declare const chrome: Chrome;

// Issue #9 points 1 and 2: a website cannot make captures or exhaust storage.session, while Cleo's URL pasted
// straight into the address bar is still captured, and copy-clear, unlock and a real authorization keep working.
test.use({ backgroundReadyEvents: REDIRECT_WATCHER_EVENTS });
test.describe.configure({ timeout: 120_000 });

let amazon: AmazonStandIn;
test.beforeEach(async ({ extension, server, unusedPort }) => {
  amazon = await serveAmazon(extension, server, unusedPort);
});
test.afterEach(async () => amazon.close());

const EVIL = 'https://evil.example/';
const ROUNDS = 20;

/**
 * A page at https://evil.example/ that, with no click, sends its own tab to ROUNDS junk "redirects" carrying
 * spapi_oauth_code, every other one padded with 200 KB (each would have been kept 2 hours before).
 */
async function serveFlood(extension: ExtensionBrowser): Promise<void> {
  const script = `
    const n = Number(new URLSearchParams(location.search).get('n') || 0);
    if (n < ${ROUNDS}) {
      const pad = n % 2 ? '&pad=' + 'x'.repeat(200000) : '';
      location.replace('/land?spapi_oauth_code=RHJUNK' + String(n).padStart(14, '0') + '&state=evil-' + n + '&selling_partner_id=A3FHEXAMPLEYWS&n=' + (n + 1) + pad);
    } else document.title = 'flood done';`;
  await extension.routeAmazon((url) => url.href.startsWith(EVIL), {
    body: `<!doctype html><title>Free coupons</title><script>${script}</script>`,
  });
}

async function flood(extension: ExtensionBrowser): Promise<void> {
  await serveFlood(extension);
  const page = await extension.context.newPage();
  await page.goto(EVIL, { waitUntil: 'commit' }); // the page leaves at once
  await expect(page).toHaveTitle('flood done', { timeout: 60_000 });
  await page.close();
}

const sessionBytes = (extension: ExtensionBrowser) => extension.worker.evaluate(() => chrome.storage.session.getBytesInUse(null));
const captureNotices = (extension: ExtensionBrowser) =>
  extension.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).filter((id) => id.startsWith('capture:')).length);

for (const variant of ['http', 'script'] as const) {
  test(`captures Cleo's URL pasted straight into the address bar (${variant} redirect), unverified`, async ({ extension }) => {
    const popup = await openWizard(extension);
    const tab = await extension.context.newPage();
    await tab.goto(consentUrl('st-pasted', variant)); // no authorization started in LWA Vault
    await confirm(tab, variant);
    await expect.poll(async () => (await captureState(extension)).captures.length).toBe(1);
    expect((await captureState(extension)).captures[0]).toMatchObject({ verified: false, reason: 'no-pending', url: amazon.issued.at(-1) });
    await popup.bringToFront();
    await expect(popup.locator('article.flow.unverified').getByLabel('Captured URL')).toHaveValue(amazon.issued.at(-1)!);
  });
}

test('a page at evil.example floods: nothing kept, then copy-clear, unlock and a real authorization still work', async ({
  extension,
  context,
  server,
}) => {
  const popup = await openWizard(extension);

  // Nothing waiting: not one junk redirect is kept or announced.
  await flood(extension);
  expect((await captureState(extension)).captures).toEqual([]);
  expect(await captureNotices(extension)).toBe(0);

  // An authorization waiting: the junk is kept unverified, a handful at most, padded ones ignored, one notice.
  const card = await startFromUrl(popup, 'Cleo US', consentUrl('st-real'));
  await flood(extension);
  const kept = (await captureState(extension)).captures;
  expect(kept.length).toBeLessThanOrEqual(5);
  expect(kept.every((c) => c.verified === false && String(c.url).length < 4096)).toBe(true);
  expect(await captureNotices(extension)).toBe(1);
  expect(await sessionBytes(extension)).toBeLessThan(64_000);

  // Copy-clear: scheduled and done.
  const page = await context.newPage();
  await page.goto(server.url('/harness/plain.html'));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await popup.bringToFront();
  await seedEntry(popup, { alias: 'Cleo DE', clientId: CLIENT_ID }, { clientSecret: CLIENT_SECRET });
  await send(popup, 'settings.set', { clipboardClearSeconds: 10 });
  await copyFromEntry(popup);
  await expect(popup.getByRole('status').filter({ hasText: 'Copied. Clears in 10 s.' })).toBeVisible();
  await page.bringToFront();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CLIENT_SECRET);
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 25_000, intervals: [1_000] }).toBe('');

  // Unlock.
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Lock now' }).click();
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('button', { name: 'Lock now' })).toBeVisible();

  // The real authorization still completes, verified.
  await popup.getByRole('tab', { name: 'Authorize' }).click();
  const tab = await openSignIn(extension, card);
  await confirm(tab, 'http');
  await popup.bringToFront();
  await expectResultFilled(card, 'st-real');
  await expect(card.getByText('state verified')).toBeVisible();
});

test('a copy whose clear cannot be scheduled says so instead of staying silently', async ({ extension }) => {
  const popup = await openWizard(extension);
  await seedEntry(popup, { alias: 'Cleo DE', clientId: CLIENT_ID }, { clientSecret: CLIENT_SECRET });
  // storage.session filled to its quota by something else: the clear schedule cannot be written.
  await extension.worker.evaluate(async () => {
    const left = chrome.storage.session.QUOTA_BYTES - (await chrome.storage.session.getBytesInUse(null));
    await chrome.storage.session.set({ filler: 'x'.repeat(left - 64) });
    for (let i = 0; i < 64; i++) await chrome.storage.session.set({ [`f${i}`]: 1 }).catch(() => undefined);
  });
  await copyFromEntry(popup);
  await expect(popup.getByRole('status').filter({ hasText: 'Copied, but LWA Vault could not schedule clearing the clipboard' })).toContainText(
    'Clear it yourself (copy something else) once you have pasted it.',
  );
});

async function copyFromEntry(popup: Page): Promise<void> {
  await popup.reload();
  await popup.getByRole('tab', { name: 'Entries' }).click();
  await popup.getByRole('button', { name: /^Cleo DE/ }).click();
  await popup.getByRole('button', { name: 'Copy client secret' }).click();
}

test('a Result URL whose redirect LWA Vault caught dates the authorization of a new entry; one it never saw asks for the day', async ({ extension }) => {
  const popup = await openWizard(extension);
  const tab = await extension.context.newPage();
  await tab.goto(consentUrl('st-dated', 'http'));
  await confirm(tab, 'http');
  await expect.poll(async () => (await captureState(extension)).captures.length).toBe(1);
  const caught = amazon.issued.at(-1)!;
  const capturedAt = (await captureState(extension)).captures[0]!.capturedAt as number;
  await tab.close();

  await popup.bringToFront();
  await popup.getByRole('tab', { name: 'Entries' }).click();
  await popup.getByRole('button', { name: 'Add your first entry' }).click();
  await popup.getByLabel('Name').fill('Cleo US');
  await popup.getByText('More details', { exact: true }).click();
  const paste = (text: string) =>
    popup.getByRole('textbox', { name: 'Result URL' }).evaluate((input, value) => {
      (input as HTMLInputElement).focus();
      const data = new DataTransfer();
      data.setData('text/plain', value);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);

  await paste(` ${caught} `);
  const day = await popup.evaluate((at) => new Date(at).toLocaleDateString('en-CA'), capturedAt); // yyyy-mm-dd, local
  await expect(popup.getByLabel('Authorized on')).toHaveValue(day);
  await expect(popup.getByRole('status')).toContainText('“Authorized on” is set from when LWA Vault caught this redirect.');

  await popup.getByLabel('Authorized on').fill('');
  await popup.getByRole('textbox', { name: 'Result URL' }).fill('');
  await paste(caught.replace(/spapi_oauth_code=[^&]+/, 'spapi_oauth_code=RHNEVERSEEN000000000'));
  await expect(popup.getByRole('status')).toContainText('When did you authorize the app? Set “Authorized on”.');
  await expect(popup.getByLabel('Authorized on')).toHaveValue('');
});
