import type { Page } from '@playwright/test';
import { APP_ID, CONSENT, confirm, expectResultFilled, flowCard, REDIRECT_WATCHER_EVENTS, serveAmazon } from './support/authorize-flow';
import { DAY } from './support/clock';
import type { Chrome } from './support/chrome';
import { CLIENT_ID, CLIENT_SECRET, NEW_CLIENT_SECRET, REFRESH_TOKEN } from '../support/identifiers';
import { consolePage, openApp, rotateSecret, SELLER_CONSOLE_URL } from './support/amazon-console';
import { card, clickInPanel, panelSettled } from './support/on-page-ui';
import { clientId, secret } from '../support/identifiers';
import { createVault, PASSPHRASE, seedEntry, seedVault, send } from './support/messages';
import { expect, test, type ReceivedRequest, type TestServer } from './fixtures';

declare const chrome: Chrome;

test.use({ backgroundReadyEvents: REDIRECT_WATCHER_EVENTS });

const ACCESS_TOKEN = 'Atza|IQEBLjAsAexample-access';
type Answer = { status: number; body: string; contentType?: string } | 'hang';
const json = (status: number, body: unknown): Answer => ({ status, body: JSON.stringify(body) });
const granted = json(200, { access_token: ACCESS_TOKEN, token_type: 'bearer', expires_in: 3600, refresh_token: REFRESH_TOKEN });

/**
 * Stand-ins for the LWA token endpoint and SP-API on 127.0.0.1, answering CORS: headless Chromium cannot click
 * the host-permission prompt, and with CORS the extension's request takes the same path as with host access.
 * A token endpoint on this computer (a local proxy) also serves SP-API (features/authorize/check.ts spApiOrigin).
 */
function standIns(server: TestServer) {
  const received: { token: ReceivedRequest[]; spApi: ReceivedRequest[] } = { token: [], spApi: [] };
  const answers: { token: Answer; spApi: Answer } = { token: granted, spApi: json(200, { payload: [] }) };
  const serve = (path: string, which: 'token' | 'spApi') =>
    server.route(path, (req, res) => {
      const cors = {
        'access-control-allow-origin': String(req.headers.origin ?? '*'),
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type, accept, x-lwa-vault, x-amz-access-token',
      };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors);
        res.end();
        return;
      }
      received[which].push(req);
      const answer = answers[which];
      if (answer === 'hang') return; // never answers: the check's 10 s timeout ends it
      res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json', ...cors });
      res.end(answer.body);
    });
  serve('/auth/o2/token', 'token');
  serve('/sellers/v1/marketplaceParticipations', 'spApi');
  return { received, answers };
}

async function openEntry(popup: Page, alias: string) {
  await popup.goto(popup.url().split('#')[0]!); // the list, not the entry the page showed before
  await popup.getByRole('button', { name: new RegExp(`^${alias}`) }).click();
  return popup.getByRole('region', { name: 'Credentials' });
}

async function checkAndExpect(popup: Page, button: string, text: RegExp) {
  const section = popup.getByRole('region', { name: 'Credentials' });
  await section.getByRole('button', { name: button }).click();
  await expect(section.locator('.alert').filter({ hasText: text })).toBeVisible();
}

test('checks an entry at its token endpoint and SP-API: each outcome in plain words, recorded, no access token kept', async ({ openPopup, server }) => {
  const { received, answers } = standIns(server);
  const popup = await openPopup();
  await createVault(popup);
  await send(popup, 'authorize.settings', { tokenEndpoint: server.url('/auth/o2/token') });
  const entry = await seedEntry(popup, { alias: 'Acme', kind: 'seller', region: 'EU', marketplace: 'DE', clientId: CLIENT_ID }, { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN });
  const section = await openEntry(popup, 'Acme');
  await expect(section.getByText('Not checked yet.')).toBeVisible();

  await checkAndExpect(popup, 'Check credentials', /^Working: Amazon accepted the client id, the secret and the refresh token\./);
  await expect(section.getByText('Checked just now: working')).toBeVisible();
  expect(Object.fromEntries(new URLSearchParams(received.token[0]!.body))).toEqual({
    grant_type: 'refresh_token',
    refresh_token: REFRESH_TOKEN,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
  });
  expect(received.spApi).toHaveLength(0);

  answers.token = json(401, { error_description: 'Client authentication failed', error: 'invalid_client' });
  await checkAndExpect(popup, 'Check credentials', /^Secret rejected \(invalid_client\)/);
  await expect(section.getByRole('link', { name: 'Open Developer Central' })).toHaveAttribute('href', 'https://sellercentral-europe.amazon.com/sellingpartner/developerconsole');
  await expect(section.getByText('Checked just now: secret rejected')).toBeVisible();

  answers.token = json(400, { error_description: 'The request has an invalid grant parameter : refresh_token. User may have revoked or didn\'t grant the permission.', error: 'invalid_grant' });
  await checkAndExpect(popup, 'Check credentials', /^Authorization lapsed \(invalid_grant\).*Renew the authorization\./);

  answers.token = json(400, { error_description: 'Not authorized for requested operation', error: 'unauthorized_client' });
  await checkAndExpect(popup, 'Check credentials', /^Not authorized for this operation \(unauthorized_client\)/);

  answers.token = { status: 502, contentType: 'text/html', body: '<!doctype html><title>502</title><h1>Bad Gateway</h1>' };
  await checkAndExpect(popup, 'Check credentials', /answered with a web page \(HTTP 502\), not Amazon's JSON/);

  answers.token = { status: 200, body: '{"access_token": "Atza|cut-off' };
  await checkAndExpect(popup, 'Check credentials', /answer \(HTTP 200\) is not JSON/);

  // With the SP-API call: the access token goes only into x-amz-access-token.
  answers.token = granted;
  await section.getByLabel('Also make one read-only SP-API call').check();
  answers.spApi = json(403, { errors: [{ code: 'Unauthorized', message: 'The LWA secret token you provided has expired.', details: '' }] });
  await checkAndExpect(popup, 'Check credentials', /^SP-API says the secret expired \(403\)/);
  expect(received.spApi.at(-1)!.headers['x-amz-access-token']).toBe(ACCESS_TOKEN);
  expect(received.spApi.at(-1)!.method).toBe('GET');
  answers.spApi = json(403, { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }] });
  await checkAndExpect(popup, 'Check credentials', /^Not authorized for this operation \(HTTP 403\)/);
  answers.spApi = json(200, { payload: [{ marketplace: { id: 'A1PA6795UKMFR9' } }] });
  await checkAndExpect(popup, 'Check credentials', /^Working: Amazon accepted the credentials, and SP-API answered a read-only call\./);

  await expect(popup.locator('.events li').first()).toHaveText(/Credentials checked: current secret: working \(token grant and one SP-API call\)$/);
  await expect(popup.locator('.events li').filter({ hasText: 'Credentials checked' })).toHaveCount(9);
  const view = await send(popup, 'entries.get', { id: entry.id });
  const { events } = await send(popup, 'entries.events', { id: entry.id });
  expect(view.meta.credentialCheck).toMatchObject({ outcome: 'working', secret: 'current' });
  expect(JSON.stringify([view, events])).not.toContain(ACCESS_TOKEN);
  await expect(popup.locator('body')).not.toContainText(ACCESS_TOKEN);
});

test('an entry without refresh token or secret says which is missing and sends nothing; a silent endpoint times out after 10 s', async ({ openPopup, server }) => {
  const { received, answers } = standIns(server);
  const popup = await openPopup();
  await createVault(popup);
  await send(popup, 'authorize.settings', { tokenEndpoint: server.url('/auth/o2/token') });
  await seedEntry(popup, { alias: 'Half', clientId: CLIENT_ID }, { clientSecret: CLIENT_SECRET });
  await seedEntry(popup, { alias: 'Bare', clientId: CLIENT_ID });
  await openEntry(popup, 'Half');
  await checkAndExpect(popup, 'Check credentials', /^Half has no refresh token, so it cannot be checked\. Add it with Edit/);
  await openEntry(popup, 'Bare');
  await checkAndExpect(popup, 'Check credentials', /^Bare has no client secret and no refresh token, so it cannot be checked\. Add them with Edit/);
  expect(received.token).toHaveLength(0);

  await seedEntry(popup, { alias: 'Slow', clientId: CLIENT_ID }, { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN });
  answers.token = 'hang';
  const section = await openEntry(popup, 'Slow');
  const started = Date.now();
  await section.getByRole('button', { name: 'Check credentials' }).click();
  await expect(section.getByText(/Could not reach Amazon: 127\.0\.0\.1:\d+ did not answer within 10 seconds\. Nothing was retried/)).toBeVisible({ timeout: 15_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(9_500);
  await expect(section.getByText('Checked just now: could not reach Amazon')).toBeVisible();
  expect(received.token).toHaveLength(1);
});

test('after a rotation, checks the new secret and the previous one while it still runs', async ({ openPopup, server }) => {
  const { received, answers } = standIns(server);
  const popup = await openPopup();
  await createVault(popup);
  await send(popup, 'authorize.settings', { tokenEndpoint: server.url('/auth/o2/token') });
  await seedEntry(popup, { alias: 'Rotating', clientId: CLIENT_ID, secretIssuedAt: Date.now() - 170 * DAY }, { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN });
  const section = await openEntry(popup, 'Rotating');
  await expect(section.getByRole('button', { name: 'Check previous secret' })).toHaveCount(0);

  await popup.getByRole('button', { name: 'I rotated this secret' }).click();
  await popup.getByRole('textbox', { name: 'New client secret' }).fill(NEW_CLIENT_SECRET);
  await popup.getByRole('button', { name: 'Save new secret' }).click();
  await expect(popup.getByText(/^New secret saved\./)).toBeVisible();

  await checkAndExpect(popup, 'Check credentials', /^Working/);
  expect(new URLSearchParams(received.token.at(-1)!.body).get('client_secret')).toBe(NEW_CLIENT_SECRET);
  answers.token = json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
  await checkAndExpect(popup, 'Check previous secret', /^Secret rejected \(invalid_client\)/);
  expect(new URLSearchParams(received.token.at(-1)!.body).get('client_secret')).toBe(CLIENT_SECRET);
  await expect(section.getByText('Checked just now: secret rejected (previous secret)')).toBeVisible();
  await expect(popup.locator('.events li').first()).toHaveText(/Credentials checked: previous secret: secret rejected \(token grant\)$/);
});

test('the rotation panel checks the secret it just saved, before other systems take it', async ({ extension, page, routeAmazon, server }) => {
  const { received, answers } = standIns(server);
  const { admin, ids } = await seedVault(extension, [
    { alias: 'US seller', kind: 'seller', region: 'NA', clientId: clientId(1), secrets: { clientSecret: secret(1), refreshToken: REFRESH_TOKEN } },
  ]);
  await send(admin, 'authorize.settings', { tokenEndpoint: server.url('/auth/o2/token') });
  await routeAmazon(`${SELLER_CONSOLE_URL}**`, consolePage('seller', { id: clientId(1), old: secret(1), next: secret(2) }));
  await openApp(page, SELLER_CONSOLE_URL);
  const panel = await rotateSecret(page);
  const fresh = await card(panel, 'LWA Vault New client secret');
  // Nothing saved yet: the button is there (the save will not grow the card for it), disabled, saying why.
  await expect(fresh.getByRole('button', { name: 'Check with Amazon' })).toBeDisabled();
  await expect(fresh.getByRole('button', { name: 'Check with Amazon' })).toHaveAccessibleDescription(/^Save the secret to its vault entry first/);
  await clickInPanel(fresh.getByRole('button', { name: 'Save to vault' }));
  await expect(fresh.getByRole('status')).toContainText('Saved to “US seller”');

  answers.token = json(401, { error_description: 'Client authentication failed', error: 'invalid_client' });
  await panelSettled(panel); // the save's message grew the panel: the click guard waits until it stops moving
  await clickInPanel(fresh.getByRole('button', { name: 'Check with Amazon' }));
  await expect(fresh.getByRole('status')).toContainText(/^Secret rejected/);
  // The new secret was sent, to the configured endpoint only; the panel learnt words, never a token.
  expect(new URLSearchParams(received.token[0]!.body).get('client_secret')).toBe(secret(2));
  expect(await panel.content()).not.toContain(secret(2));
  const { meta } = await send(admin, 'entries.get', { id: ids[0]! });
  expect(meta.credentialCheck).toMatchObject({ outcome: 'secret-rejected', secret: 'current' });

  answers.token = granted;
  await panelSettled(panel);
  await clickInPanel(fresh.getByRole('button', { name: 'Check with Amazon' }));
  await expect(fresh.getByRole('status')).toContainText(/^Working/);
  expect(await panel.content()).not.toContain(ACCESS_TOKEN);
});

test('renews the authorization from the entry: the Authorize flow into that entry, the 365-day countdown restarts', async ({ extension, server, unusedPort }) => {
  const amazon = await serveAmazon(extension, server, unusedPort);
  try {
    const popup = await extension.openPopup();
    await createVault(popup);
    const now = Date.now();
    const entry = await seedEntry(
      popup,
      { alias: 'Renew me', kind: 'seller', region: 'NA', marketplace: 'US', authorizedAt: now - 360 * DAY, authorizationRenewAt: now + 5 * DAY },
      { applicationId: APP_ID, refreshToken: REFRESH_TOKEN },
    );
    const section = await openEntry(popup, 'Renew me');
    await section.getByLabel('The app is a Draft (renew with version=beta)').check();
    const opened = extension.context.waitForEvent('page');
    await section.getByRole('button', { name: 'Renew authorization' }).click();
    const tab = await opened;
    await expect(tab.getByRole('button', { name: 'Confirm' })).toBeVisible();
    const consent = new URL(tab.url());
    expect(`${consent.origin}${consent.pathname}`).toBe(CONSENT);
    expect(consent.searchParams.get('application_id')).toBe(APP_ID);
    expect(consent.searchParams.get('version')).toBe('beta');
    const state = consent.searchParams.get('state')!;
    expect(state).toMatch(/^[0-9a-f]{64}$/);
    await confirm(tab, 'http');

    await popup.goto(popup.url().split('#')[0]!);
    await popup.getByRole('tab', { name: 'Authorize' }).click();
    const card = flowCard(popup, 'Renew me');
    await expectResultFilled(card, state);
    await clickInPanel(card.getByRole('button', { name: 'Save to vault' }));
    await expect(card.getByText(/^Saved to /).first()).toBeVisible();

    const { entries } = await send(popup, 'entries.list');
    expect(entries).toHaveLength(1);
    const view = await send(popup, 'entries.get', { id: entry.id });
    expect(view.meta.authorizedAt).toBeGreaterThanOrEqual(now);
    expect(view.meta.authorizationRenewAt).toBeUndefined();
    expect(view.secrets.resultUrl).toBe(amazon.issued.at(-1));
    expect(view.secrets.refreshToken).toBe(REFRESH_TOKEN);
    await openEntry(popup, 'Renew me');
    await expect(popup.getByRole('list', { name: 'Deadlines' }).getByRole('listitem').filter({ hasText: 'Authorization renewal due' })).toHaveText(/in 36[45] days/);
  } finally {
    await amazon.close();
  }
});

test('the optional daily check: off by default, at most once a day per entry, only while unlocked; a failure notifies once, shows ! and is on the locked screen', async ({ openPopup, server, worker }) => {
  const { received, answers } = standIns(server);
  const popup = await openPopup();
  await createVault(popup);
  await send(popup, 'authorize.settings', { tokenEndpoint: server.url('/auth/o2/token') });
  const now = Date.now();
  const hour = 3_600_000;
  const check = (at: number) => ({ at, outcome: 'working' as const, secret: 'current' as const });
  // Far from any deadline (and not Date unknown): the only notification is the check's.
  const dated = { secretExpiresAt: now + 120 * DAY };
  await seedEntry(popup, { alias: 'Stale', clientId: CLIENT_ID, ...dated, credentialCheck: check(now - 25 * hour) }, { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN });
  await seedEntry(popup, { alias: 'Fresh', clientId: CLIENT_ID, ...dated, credentialCheck: check(now - 2 * hour) }, { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN });
  answers.token = json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
  // The shipped alarm, fired now instead of at its next hourly tick.
  const tick = () => worker.evaluate(() => chrome.alarms.create('authorize.dailyCheck', { when: Date.now() }));
  const settle = () => popup.waitForTimeout(1500);

  await tick();
  await settle();
  expect(received.token).toHaveLength(0); // off by default

  await send(popup, 'authorize.settings', { dailyCheck: true });
  await tick();
  await expect.poll(() => received.token.length).toBe(1);
  await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll())).toEqual({ 'check-failing': true });
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
  expect(await worker.evaluate(() => chrome.action.getTitle({}))).toBe('LWA Vault — due: Stale check failing: secret rejected');
  const section = await openEntry(popup, 'Stale');
  await expect(section.getByText('Checked just now: secret rejected')).toBeVisible();

  await tick(); // the same day: nothing sent again
  await settle();
  expect(received.token).toHaveLength(1);

  await seedEntry(popup, { alias: 'Third', clientId: CLIENT_ID, ...dated }, { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN });
  await send(popup, 'vault.lock');
  // The locked screen lists the failing check from metadata alone, above every date; nothing secret.
  await popup.goto(popup.url().split('#')[0]!);
  await expect(popup.getByRole('region', { name: 'Due' }).getByRole('listitem')).toHaveText(['Stale — check failing: secret rejected']);
  expect(await popup.content()).not.toContain(CLIENT_SECRET);
  await worker.evaluate(() => chrome.notifications.clear('check-failing'));
  await tick();
  await settle();
  expect(received.token).toHaveLength(1); // Third is due, but a locked vault sends nothing
  expect(await worker.evaluate(() => chrome.notifications.getAll())).toEqual({});
  await send(popup, 'vault.unlock', { passphrase: PASSPHRASE });
  await expect.poll(() => received.token.length).toBe(2); // the run at unlock
  await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll())).toEqual({ 'check-failing': true });
});
