import { expect, type Locator, type Page, type Request, type Route } from '@playwright/test';
import type { Chrome } from './chrome';
import type { ExtensionBrowser } from './extension';
import { createVault } from './messages';
import { startTestServer, type TestServer } from './server';

declare const chrome: Chrome;

/**
 * The Authorize flow for the capture*.spec.ts files: Seller Central's consent and confirm steps served at their real https
 * URLs (fixtures/consent/), the app's redirect URI on a second 127.0.0.1 port, and the Authorize wizard.
 */

export const APP_ID = 'amzn1.sp.solution.0bf296b5-36a6-4942-a13e-1a2b3c4d5e6f';
export const SELLING_PARTNER_ID = 'A3FHEXAMPLEYWS';
/** The redirect watcher's listeners: a test navigates only once the worker has registered them. */
export const REDIRECT_WATCHER_EVENTS = [
  'runtime.onMessage',
  'webRequest.onBeforeRedirect',
  'webNavigation.onBeforeNavigate',
  'webNavigation.onCommitted',
  'webNavigation.onErrorOccurred',
];
export const CONSENT = 'https://sellercentral.amazon.com/apps/authorize/consent';
const CONFIRM = 'https://sellercentral.amazon.com/apps/authorize/confirm/';

/** How Amazon's confirm step hands over to the redirect URI. */
export type Variant = 'http' | 'script' | 'meta' | 'login' | 'unreachable';
export const VARIANTS: readonly Variant[] = ['http', 'script', 'meta', 'login', 'unreachable'];

export function consentUrl(state: string, variant: Variant = 'http'): string {
  return `${CONSENT}?application_id=${APP_ID}&state=${state}&version=beta&fixture_variant=${variant}`;
}

let codes = 0;
/** Opaque codes like the real ones (20 characters starting RH), unique per redirect. */
export const newCode = () => `RH${Date.now().toString(36).toUpperCase()}${String(++codes).padStart(4, '0')}`.slice(0, 20).padEnd(20, 'X');

export interface AmazonStandIn {
  /** The app's redirect URI server (another 127.0.0.1 port than `server`). */
  callback: TestServer;
  /** Every Result URL the confirm step sent, in order. */
  issued: string[];
  close(): Promise<void>;
}

/** The final redirect URL; parameter order differs per variant, as it does in the wild. */
function finalUrl(base: string, code: string, state: string, variant: Variant): string {
  const parts: Array<[string, string]> = [
    ['spapi_oauth_code', code],
    ['state', state],
    ['selling_partner_id', SELLING_PARTNER_ID],
  ];
  if (variant === 'script') parts.reverse();
  if (variant === 'meta') parts.push(['mws_auth_token', 'amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE']);
  return `${base}?${parts.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

export async function serveAmazon(
  extension: ExtensionBrowser,
  server: TestServer,
  unusedPort: () => Promise<number>,
): Promise<AmazonStandIn> {
  const callback = await startTestServer();
  callback.route('/callback', { body: '<!doctype html><title>Redirect URI</title><h1>Authorization received</h1>' });
  // One more 302 on the first server makes the HTTP variant a chain: Amazon → server → redirect URI.
  server.route('/hop', (req, res) => {
    res.writeHead(302, { location: req.url.searchParams.get('to') ?? '/' });
    res.end();
  });
  const deadPort = await unusedPort();
  const issued: string[] = [];

  await extension.routeAmazon((url) => url.href.startsWith(CONSENT), { fixture: 'consent/consent.html' });
  await extension.routeAmazon(
    (url) => url.href.startsWith(CONFIRM),
    async (route: Route, request: Request) => {
      const query = new URL(request.url()).searchParams;
      const variant = (query.get('fixture_variant') ?? 'http') as Variant;
      const state = query.get('state') ?? '';
      if (variant === 'login' && !query.has('amazon_state')) {
        // First hop: Amazon sends the browser to the app's Login URI.
        const callbackUri = `${CONFIRM}${APP_ID}?fixture_variant=http&hop=2`;
        const login = server.url(
          `/consent/login.html?amazon_callback_uri=${encodeURIComponent(callbackUri)}&amazon_state=amzstate-${Date.now()}` +
            `&selling_partner_id=${SELLING_PARTNER_ID}&version=beta&fixture_state=${encodeURIComponent(state)}`,
        );
        return route.fulfill({ status: 302, headers: { location: login } });
      }
      const base = variant === 'unreachable' ? `http://127.0.0.1:${deadPort}/callback` : callback.url('/callback');
      const target = finalUrl(query.get('redirect_uri') ?? base, newCode(), state, variant);
      issued.push(target);
      const html = (head: string) => ({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>Authorizing…</title>${head}<p>We are authorizing…</p>` });
      switch (variant) {
        case 'script':
          return route.fulfill(html(`<script>location.replace(${JSON.stringify(target)})</script>`));
        case 'meta':
          return route.fulfill(html(`<meta http-equiv="refresh" content="0;url=${target.replace(/&/g, '&amp;')}">`));
        case 'http':
        case 'login':
          return route.fulfill({ status: 302, headers: { location: server.url(`/hop?to=${encodeURIComponent(target)}`) } });
        case 'unreachable':
          return route.fulfill({ status: 302, headers: { location: target } });
      }
    },
  );
  return { callback, issued, close: () => callback.close() };
}

/** A vault (unlocked) and the popup UI on the Authorize tab. */
export async function openWizard(extension: ExtensionBrowser, options: { createVault?: boolean } = {}): Promise<Page> {
  const popup = await extension.openPopup();
  if (options.createVault !== false) {
    await createVault(popup);
    await popup.reload();
  }
  await popup.getByRole('tab', { name: 'Authorize' }).click();
  return popup;
}

export async function startFromUrl(popup: Page, alias: string, url: string): Promise<Locator> {
  const more = popup.getByRole('button', { name: 'Start another' });
  if (await more.isVisible()) await more.click();
  const aliasField = popup.getByLabel('Entry name');
  // Saving into an existing entry takes its alias.
  if (await aliasField.isEnabled()) await aliasField.fill(alias);
  await popup.getByRole('textbox', { name: 'OAuth Request URL' }).fill(url);
  await popup.getByRole('button', { name: 'Start authorization' }).click();
  const card = flowCard(popup, alias);
  await expect(card).toBeVisible();
  return card;
}

export function flowCard(popup: Page, alias: string): Locator {
  return popup.locator('article.flow').filter({ has: popup.getByRole('heading', { name: new RegExp(`^${alias}\\b`) }) });
}

/** Clicks "Open sign-in" and returns the tab it opened (on Seller Central's consent page). */
export async function openSignIn(extension: ExtensionBrowser, card: Locator): Promise<Page> {
  const opened = extension.context.waitForEvent('page');
  await card.getByRole('button', { name: /^Open sign-in/ }).click();
  const tab = await opened;
  await tab.waitForLoadState('domcontentloaded');
  await expect(tab.getByRole('button', { name: 'Confirm' })).toBeVisible();
  return tab;
}

/** Confirm on the consent page, and sign in at the Login URI when the variant goes through it. */
export async function confirm(tab: Page, variant: Variant): Promise<void> {
  await tab.getByRole('button', { name: 'Confirm' }).click();
  if (variant === 'login') await tab.getByRole('button', { name: 'Sign in and continue' }).click();
}

export async function expectResultFilled(card: Locator, state: string): Promise<string> {
  const field = card.getByRole('textbox', { name: 'Result URL', exact: true });
  await expect(field).toHaveValue(/spapi_oauth_code=RH/);
  await expect(card.getByText(/code valid for [45]:\d\d/)).toBeVisible();
  const value = await field.inputValue();
  expect(new URL(value).searchParams.get('state')).toBe(state);
  return value;
}

/** The watcher's storage.session state, read in the background (the only place that holds it). */
export async function captureState(extension: ExtensionBrowser): Promise<{ pending: Array<Record<string, unknown>>; captures: Array<Record<string, unknown>> }> {
  return extension.worker.evaluate(async () => ((await chrome.storage.session.get('capture')).capture ?? { pending: [], captures: [] }) as never);
}

/**
 * Moves every stored flow and capture `ms` into the past, in the background: how a test reaches "30 minutes
 * later" or "the code is 6 minutes old" without waiting.
 */
export async function ageCaptureState(extension: ExtensionBrowser, ms: number): Promise<void> {
  await extension.worker.evaluate(async (by) => {
    const { capture } = (await chrome.storage.session.get('capture')) as {
      capture: { pending: Array<{ startedAt: number }>; captures: Array<{ capturedAt: number; storedAt: number }> };
    };
    for (const p of capture.pending) p.startedAt -= by;
    for (const c of capture.captures) {
      c.capturedAt -= by;
      c.storedAt -= by;
    }
    await chrome.storage.session.set({ capture });
  }, ms);
}
