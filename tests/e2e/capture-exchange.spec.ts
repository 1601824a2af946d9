import type { Page } from '@playwright/test';
import { confirm, consentUrl, expectResultFilled, openSignIn, openWizard, serveAmazon, startFromUrl, type AmazonStandIn } from './support/authorize-flow';
import { expect, test, type ReceivedRequest, type TestServer } from './fixtures';
import { CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN } from '../support/identifiers';
import { send } from './support/messages';

test.use({
  backgroundReadyEvents: ['runtime.onMessage', 'webNavigation.onBeforeNavigate', 'webNavigation.onCommitted', 'webNavigation.onErrorOccurred'],
});

let amazon: AmazonStandIn;
test.beforeEach(async ({ extension, server, unusedPort }) => {
  amazon = await serveAmazon(extension, server, unusedPort);
});
test.afterEach(async () => amazon.close());

/**
 * A local stand-in for the LWA token endpoint that answers CORS, so the exchange works without host access
 * (headless Chromium cannot click the permission prompt) through the same code path as with it.
 * Not testable here: that an endpoint which does not answer CORS receives only a body-less preflight.
 * Playwright answers CORS preflights itself whenever a context has routes (the harness always does); the
 * unit tests cover the marker header and the no-access reply instead.
 */
function tokenEndpoint(server: TestServer, answer: () => { status: number; body: unknown }): ReceivedRequest[] {
  const posts: ReceivedRequest[] = [];
  server.route('/auth/o2/token', (req, res) => {
    const cors = {
      'access-control-allow-origin': String(req.headers.origin ?? '*'),
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type, accept, x-lwa-vault',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    posts.push(req);
    const { status, body } = answer();
    res.writeHead(status, { 'content-type': 'application/json', ...cors });
    res.end(JSON.stringify(body));
  });
  return posts;
}

async function capturedAndSaved(popup: Page, extension: Parameters<typeof openSignIn>[0], server: TestServer, alias: string, state: string) {
  await popup.getByText('Options').click();
  await popup.getByLabel('Offer to exchange the code for a refresh token').check();
  await popup.getByLabel('LWA token endpoint').fill(server.url('/auth/o2/token'));
  await popup.getByRole('button', { name: 'Save endpoint' }).click();
  await expect(popup.getByText('Saved.', { exact: true })).toBeVisible();
  const card = await startFromUrl(popup, alias, consentUrl(state));
  await confirm(await openSignIn(extension, card), 'http');
  await expectResultFilled(card, state);
  await card.getByRole('button', { name: 'Save to vault' }).click();
  await expect(card.getByText(/^Saved to /).first()).toBeVisible();
  return card;
}

test('exchanges the code at the configured endpoint: invalid_grant in plain words, then a refresh token saved', async ({ extension, server }) => {
  let answer = { status: 400, body: { error_description: 'The request has an invalid grant parameter : code', error: 'invalid_grant' } as unknown };
  const posts = tokenEndpoint(server, () => answer);
  const popup = await openWizard(extension);
  const card = await capturedAndSaved(popup, extension, server, 'Token shop', 'st-token');

  await card.getByRole('button', { name: 'Exchange for refresh token' }).click();
  await expect(card.getByText(/has no LWA client id or client secret yet/)).toBeVisible();
  expect(posts).toHaveLength(0);
  await card.getByLabel('LWA client id').fill(CLIENT_ID);
  await card.getByLabel('Client secret').fill(CLIENT_SECRET);
  await card.getByRole('button', { name: 'Exchange for refresh token' }).click();
  await expect(card.getByText(/Amazon refused the code \(invalid_grant\): it is older than 5 minutes or was already used/)).toBeVisible();

  const form = Object.fromEntries(new URLSearchParams(posts[0]!.body));
  expect(form).toEqual({
    grant_type: 'authorization_code',
    code: new URL(amazon.issued.at(-1)!).searchParams.get('spapi_oauth_code'),
    redirect_uri: amazon.callback.url('/callback'),
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
  });
  expect(posts[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');

  answer = { status: 200, body: { access_token: 'Atza|IQEBLjAsAexample', token_type: 'bearer', expires_in: 3600, refresh_token: REFRESH_TOKEN } };
  await card.getByLabel('Client secret').fill(CLIENT_SECRET);
  await card.getByRole('button', { name: 'Exchange for refresh token' }).click();
  await expect(card.getByText('Refresh token saved to Token shop.').first()).toBeVisible();

  const { entries } = await send(popup, 'entries.list');
  const view = await send(popup, 'entries.get', { id: entries.find((e) => e.alias === 'Token shop')!.id });
  expect(view.secrets).toMatchObject({ refreshToken: REFRESH_TOKEN, clientSecret: CLIENT_SECRET });
  expect(view.meta.clientId).toBe(CLIENT_ID);
});
