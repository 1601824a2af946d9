import type { ServerResponse } from 'node:http';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixturePage, SELLER_CONSOLE_URL } from '../e2e/support/amazon-console';
import { clientId, secret } from '../support/identifiers';
import { startTestServer, type TestServer } from '../e2e/support/server';
import { waitForExtensionFrame } from './support/extension-frame';
import { FirefoxExtension, type HttpAnswer } from './support/firefox';
import { click, control, shows, type, valueOf } from './support/ui';

// The Firefox build's user-facing flows in Debian's firefox-esr, one browser for the whole file, steps in order:
// each step starts where the previous one left off, as a user's session would. Any extension error in the
// Browser Console fails the step it happened in.

const PASSPHRASE = 'walnut harbour quietly saffron';
const CONSENT = 'https://sellercentral.amazon.com/apps/authorize/consent';
const APP_ID = 'amzn1.sp.solution.0bf296b5-36a6-4942-a13e-1a2b3c4d5e6f';
const SELLING_PARTNER_ID = 'A3FHEXAMPLEYWS';
const ALIAS = 'ShopCtrl US';

let firefox: FirefoxExtension;
let callback: TestServer;
let popup: Page;
let codes = 0;
/** While true, the redirect URI holds its answer: its page never commits, so webNavigation cannot see the redirect. */
let holdCallbacks = false;
const held: ServerResponse[] = [];
const CALLBACK_PAGE = '<!doctype html><title>Redirect URI</title><h1>Authorization received</h1>';

/** Seller Central's consent page at its real URL; Confirm answers with Amazon's 302 to the app's redirect URI. */
function amazon(url: URL): HttpAnswer | undefined {
  if (url.hostname !== 'sellercentral.amazon.com') return undefined;
  if (url.pathname === '/apps/authorize/consent') return { body: fixturePage('consent/consent.html') };
  if (url.pathname.startsWith('/apps/authorize/confirm/')) {
    const code = `RHFIREFOX${String(++codes).padStart(11, '0')}`;
    const state = url.searchParams.get('state') ?? '';
    const location = callback.url(`/callback?spapi_oauth_code=${code}&state=${encodeURIComponent(state)}&selling_partner_id=${SELLING_PARTNER_ID}`);
    return { status: 302, headers: { location } };
  }
  if (url.href.startsWith(SELLER_CONSOLE_URL)) {
    // The vault holds secret(9) for this client id; View shows its current secret(1): new to the vault.
    const values = { APP_NAME: 'ShopCtrl connector', CLIENT_ID: clientId(1), OLD_SECRET: secret(1), NEW_SECRET: secret(2), OLD_DATE: '6 Dec 2026', NEW_DATE: '30 May 2027' };
    return { body: fixturePage('amazon/seller-developer-console.html', values) };
  }
  return undefined;
}

/** The capture watcher's storage.session state, read from an extension page. */
async function captures(): Promise<Array<{ code: string; state?: string; verified: boolean; via: string; pendingId?: string }>> {
  return popup.evaluate(async () => {
    const stored = (await browser.storage.session.get('capture')) as { capture?: { captures: never[] } };
    return stored.capture?.captures ?? [];
  });
}
declare const browser: { storage: { session: { get(key: string): Promise<unknown> } } };

/** A new tab on `url` (served by `amazon`), waiting for its load. */
async function openTab(url: string): Promise<Page> {
  const tab = await firefox.browser.newPage();
  await firefox.navigate(tab, url);
  return tab;
}

/** The tab the extension opened on Seller Central's consent page. */
async function consentTab(): Promise<Page> {
  const target = await firefox.browser.waitForTarget((t) => t.url().startsWith(CONSENT), { timeout: 15_000 });
  const tab = (await target.page())!;
  await control(tab, 'Confirm');
  return tab;
}

beforeAll(async () => {
  callback = await startTestServer();
  callback.route('/callback', (_req, res) => {
    if (holdCallbacks) held.push(res);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(CALLBACK_PAGE);
  });
  firefox = await FirefoxExtension.launch();
  firefox.answerHttps(amazon);
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await callback?.close();
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') console.error(`popup showed:\n${await popup?.evaluate(() => document.body.innerText).catch(String)}`);
  expect(await firefox.newExtensionErrors(), 'extension errors in the Browser Console').toEqual([]);
});

describe('LWA Vault in Firefox ESR', () => {
  // zod runs in the background only, jitless: its probe of `Function('')` would put a CSP error in the Browser
  // Console, which fails every step (afterEach), and the background checks every message with zod.
  it('first run: the popup offers to create a vault, and loads no zod', async () => {
    popup = await firefox.openExtensionPage('popup.html?popout=1');
    await shows(popup, 'Create your vault');
    expect(await popup.evaluate(() => '__zod_globalConfig' in globalThis)).toBe(false);
  });

  it('creates the vault', async () => {
    await type(popup, 'Passphrase', PASSPHRASE);
    await type(popup, 'Repeat passphrase', PASSPHRASE);
    await click(popup, 'Create vault');
    await control(popup, 'Lock now');
  });

  it('locks, refuses a wrong passphrase and unlocks', async () => {
    await click(popup, 'Lock now');
    await shows(popup, 'Vault locked');
    await type(popup, 'Passphrase', 'not the passphrase at all');
    await click(popup, 'Unlock');
    await shows(popup, 'That passphrase is not right.');
    await type(popup, 'Passphrase', PASSPHRASE);
    await click(popup, 'Unlock');
    await control(popup, 'Lock now');
  });

  it('adds an entry in the editor', async () => {
    await click(popup, 'Add your first entry');
    await type(popup, 'Entry name', ALIAS);
    // Typed into the short form's box, each value moves into its own field once it is whole.
    await type(popup, 'LWA credentials', `${clientId(1)}\n${secret(9)}`);
    await shows(popup, `Holds LWA client id …${clientId(1).slice(-6)}, a client secret.`);
    await click(popup, 'Save entry');
    await shows(popup, `Saved ${ALIAS}.`);
    await shows(popup, /Client secret expires/);
  });

  it('captures and verifies an authorization started in the Authorize tab from Amazon\'s 302 (webRequest) alone', async () => {
    await click(popup, 'Authorize');
    await type(popup, 'Entry name', 'Cleo US');
    const state = 'firefox-state-1';
    await type(popup, 'OAuth Request URL', `${CONSENT}?application_id=${APP_ID}&state=${state}&version=beta`);
    await click(popup, 'Start authorization');
    await click(popup, /^Open sign-in/);
    const tab = await consentTab();
    // The redirect URI answers only after the capture is checked: its page never commits before, so the one
    // channel that can deliver the redirect is webRequest's onBeforeRedirect (Amazon's 302).
    holdCallbacks = true;
    try {
      await (await control(tab, 'Confirm')).click();
      await callback.waitForRequest((r) => r.url.searchParams.get('state') === state);

      const result = await valueOf(popup, 'Result URL', /spapi_oauth_code=RHFIREFOX/, 'article.flow');
      expect(new URL(result).searchParams.get('state')).toBe(state);
      expect(await captures()).toEqual([expect.objectContaining({ state, verified: true, via: 'redirect', pendingId: expect.any(String) })]);
    } finally {
      holdCallbacks = false;
      for (const res of held.splice(0)) res.writeHead(200, { 'content-type': 'text/html' }).end(CALLBACK_PAGE);
    }
    await tab.close();
  });

  it('captures an unsolicited redirect through Amazon\'s consent page as unverified', async () => {
    const tab = await openTab(`${CONSENT}?application_id=${APP_ID}&state=nobody-asked&version=beta`);
    await (await control(tab, 'Confirm')).click();
    await callback.waitForRequest((r) => r.url.searchParams.get('state') === 'nobody-asked');
    await shows(popup, 'Unverified Result URL');
    expect((await captures()).find((c) => c.state === 'nobody-asked')).toMatchObject({ verified: false });
    expect((await captures()).find((c) => c.state === 'nobody-asked')?.pendingId).toBeUndefined();
    await tab.close();
  });

  it('raises its panel beside a client secret on Seller Central\'s Developer Console', async () => {
    const tab = await openTab(SELLER_CONSOLE_URL);
    await shows(tab, 'Developer Central');
    expect(await waitForExtensionFrame(firefox, tab, ALIAS, 500).catch(() => 'none')).toBe('none');
    await (await control(tab, 'View')).click(); // trusted (BiDi input): the page now shows secret(1)
    await waitForExtensionFrame(firefox, tab, ALIAS);
    await tab.close();
  });

  it('a redirect wakes the suspended event page, which captures it with the vault still unlocked', async () => {
    await click(popup, 'Start another');
    await type(popup, 'Entry name', 'Cleo EU');
    const state = 'firefox-state-2';
    await type(popup, 'OAuth Request URL', `${CONSENT}?application_id=${APP_ID}&state=${state}`);
    await click(popup, 'Start authorization');
    await click(popup, /^Open sign-in/);
    const tab = await consentTab();

    await expect.poll(() => firefox.backgroundState(), { timeout: 15_000, interval: 250 }).toBe('stopped');
    await (await control(tab, 'Confirm')).click();
    await expect.poll(async () => (await captures()).find((c) => c.state === state), { timeout: 15_000 }).toMatchObject({ verified: true });
    expect(await firefox.backgroundState()).toBe('running');
    await firefox.navigate(popup, `${firefox.origin}/popup.html?popout=1`);
    await control(popup, 'Lock now');
    await tab.close();
  });
});
