import type { ServerResponse } from 'node:http';
import type { Page } from '@playwright/test';
import {
  APP_ID,
  captureState,
  confirm,
  consentUrl,
  expectResultFilled,
  newCode,
  openSignIn,
  openWizard,
  SELLING_PARTNER_ID,
  serveAmazon,
  startFromUrl,
  type AmazonStandIn,
  REDIRECT_WATCHER_EVENTS,
} from './support/authorize-flow';
import { expect, test, type ExtensionBrowser } from './fixtures';
import { readFixture } from './support/server';

/**
 * Amazon's HTTP 302 to the redirect URI (or the Login URI), seen by webRequest.onBeforeRedirect the moment
 * Amazon answers. The confirm step is Seller Central's real https URL served by the harness (context.route):
 * webRequest reports such a routed 302 like a network one, and only because the shipped host_permissions
 * name sellercentral.amazon.com. Each test makes the webNavigation path unable to explain the result: the
 * redirect URI is held unanswered (nothing commits or fails), or it redirects onward (the code never commits).
 */
test.use({ backgroundReadyEvents: REDIRECT_WATCHER_EVENTS });

const CONFIRM = 'https://sellercentral.amazon.com/apps/authorize/confirm/';

let amazon: AmazonStandIn;
let release: () => void;
let held: Promise<void>;
test.beforeEach(async ({ extension, server, unusedPort }) => {
  amazon = await serveAmazon(extension, server, unusedPort);
  held = new Promise((resolve) => (release = resolve));
  // The app's redirect URI that answers only when the test says so.
  amazon.callback.route('/held', async (_req, res: ServerResponse) => {
    await held;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Redirect URI</title><h1>Authorization received</h1>');
  });
  // An app whose redirect URI consumes the code and redirects on to its dashboard (no code in that URL).
  amazon.callback.route('/consume', (_req, res: ServerResponse) => {
    res.writeHead(302, { location: amazon.callback.url('/dashboard') });
    res.end();
  });
  amazon.callback.route('/dashboard', { body: '<!doctype html><title>Dashboard</title><h1>Connected</h1>' });
});
test.afterEach(async () => {
  release();
  await amazon.close();
});

/** Clicks Confirm without waiting for the navigation it starts (its target may be held on purpose). */
async function clickConfirm(tab: Page): Promise<void> {
  await expect(tab.getByRole('button', { name: 'Confirm' })).toBeVisible();
  await tab.evaluate(() => document.getElementById('confirm')?.click());
}

/** Seller Central's confirm step answers 302 straight to `target(state)` (later routes win over serveAmazon's). */
async function amazonRedirectsTo(extension: ExtensionBrowser, target: (state: string) => string): Promise<void> {
  await extension.routeAmazon(
    (url) => url.href.startsWith(CONFIRM),
    (route, request) => {
      const state = new URL(request.url()).searchParams.get('state') ?? '';
      return route.fulfill({ status: 302, headers: { location: target(state) } });
    },
  );
}

const finalUrl = (base: string, state: string) =>
  `${base}?spapi_oauth_code=${newCode()}&state=${encodeURIComponent(state)}&selling_partner_id=${SELLING_PARTNER_ID}`;

test('stores the capture from Amazon\'s 302 while the redirect URI has not answered yet', async ({ extension }) => {
  let issued = '';
  await amazonRedirectsTo(extension, (state) => (issued = finalUrl(amazon.callback.url('/held'), state)));
  const popup = await openWizard(extension);
  const card = await startFromUrl(popup, 'Cleo 302', consentUrl('st-302'));
  const tab = await openSignIn(extension, card);
  await clickConfirm(tab);

  // The browser asked for the redirect URI and is waiting for it: no webNavigation event carries the code yet.
  await amazon.callback.waitForRequest('/held');
  await expect.poll(async () => (await captureState(extension)).captures).toEqual([
    expect.objectContaining({ url: issued, via: 'redirect', verified: true }),
  ]);
  expect(tab.url()).not.toContain('spapi_oauth_code');
  await expectResultFilled(card, 'st-302');

  // The target commits: webNavigation reports the same redirect, and it stays one capture.
  release();
  await tab.waitForURL(issued);
  await expect(tab.getByRole('heading', { name: 'Authorization received' })).toBeVisible();
  await popup.waitForTimeout(300);
  expect((await captureState(extension)).captures).toHaveLength(1);
});

test('captures a redirect URI that redirects onward, which webNavigation never sees with the code', async ({ extension }) => {
  let issued = '';
  await amazonRedirectsTo(extension, (state) => (issued = finalUrl(amazon.callback.url('/consume'), state)));
  const popup = await openWizard(extension);
  const card = await startFromUrl(popup, 'Cleo onward', consentUrl('st-onward'));
  await confirm(await openSignIn(extension, card), 'http');

  const url = await expectResultFilled(card, 'st-onward');
  expect(url).toBe(issued);
  await amazon.callback.waitForRequest('/dashboard');
  expect((await captureState(extension)).captures).toEqual([expect.objectContaining({ via: 'redirect', verified: true })]);
});

test('records the Login-URI hop from Amazon\'s 302 before the Login URI has answered', async ({ extension, server }) => {
  const loginPage = await readFixture('consent/login.html');
  server.route('/login-held', async (_req, res: ServerResponse) => {
    await held;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(loginPage);
  });
  await extension.routeAmazon(
    (url) => url.href.startsWith(CONFIRM),
    (route, request) => {
      const query = new URL(request.url()).searchParams;
      if (query.has('amazon_state')) {
        // Second hop, after sign-in at the Login URI: on to the redirect URI.
        return route.fulfill({ status: 302, headers: { location: finalUrl(amazon.callback.url('/callback'), query.get('state') ?? '') } });
      }
      const callbackUri = `${CONFIRM}${APP_ID}`;
      const login = server.url(
        `/login-held?amazon_callback_uri=${encodeURIComponent(callbackUri)}&amazon_state=amzstate-1` +
          `&selling_partner_id=${SELLING_PARTNER_ID}&version=beta&fixture_state=${encodeURIComponent(query.get('state') ?? '')}`,
      );
      return route.fulfill({ status: 302, headers: { location: login } });
    },
  );
  const popup = await openWizard(extension);
  const card = await startFromUrl(popup, 'Cleo login', consentUrl('st-login', 'login'));
  const tab = await openSignIn(extension, card);
  await clickConfirm(tab);

  await server.waitForRequest('/login-held');
  await expect.poll(async () => (await captureState(extension)).pending[0]?.loginHop).toMatchObject({
    host: new URL(server.origin).host,
    sellingPartnerId: SELLING_PARTNER_ID,
  });

  release();
  await tab.getByRole('button', { name: 'Sign in and continue' }).click();
  await expectResultFilled(card, 'st-login');
  expect((await captureState(extension)).captures).toEqual([expect.objectContaining({ via: 'redirect', verified: true })]);
});
