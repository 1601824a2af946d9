import {
  ageCaptureState,
  captureState,
  confirm,
  consentUrl,
  expectResultFilled,
  flowCard,
  openSignIn,
  openWizard,
  SELLING_PARTNER_ID,
  serveAmazon,
  startFromUrl,
  VARIANTS,
  type AmazonStandIn,
  REDIRECT_WATCHER_EVENTS,
} from './support/authorize-flow';
import { expect, test, type Chrome } from './fixtures';
import { send } from './support/messages';

declare const chrome: Chrome;

// The redirect watcher's listeners must be up before a test navigates (the worker can start before them).
test.use({ backgroundReadyEvents: REDIRECT_WATCHER_EVENTS });

let amazon: AmazonStandIn;
test.beforeEach(async ({ extension, server, unusedPort }) => {
  amazon = await serveAmazon(extension, server, unusedPort);
});
test.afterEach(async () => amazon.close());

const MINUTE = 60_000;

for (const variant of VARIANTS) {
  test(`fills the Result URL after Confirm: ${variant} redirect`, async ({ extension }) => {
    const popup = await openWizard(extension);
    const state = `st-${variant}-1`;
    const card = await startFromUrl(popup, 'Cleo US', consentUrl(state, variant));
    const tab = await openSignIn(extension, card);
    await confirm(tab, variant);

    const url = await expectResultFilled(card, state);
    expect(url).toBe(amazon.issued.at(-1));
    await expect(card.getByText('state verified')).toBeVisible();
    if (variant === 'login') {
      // The Login-URI hop was recorded as progress, not as a capture.
      expect((await captureState(extension)).pending[0]?.loginHop).toMatchObject({ sellingPartnerId: SELLING_PARTNER_ID });
    }
    // Exactly one capture per redirect, whichever webNavigation events fired.
    expect((await captureState(extension)).captures).toHaveLength(1);
  });
}

test('tells the user (notification, badge), then saves the Result URL sealed into a new entry', async ({ extension }) => {
  const popup = await openWizard(extension);
  const card = await startFromUrl(popup, 'Cleo DE', consentUrl('st-save'));
  await confirm(await openSignIn(extension, card), 'http');
  const url = await expectResultFilled(card, 'st-save');

  const notifications = await extension.worker.evaluate(() => chrome.notifications.getAll());
  expect(Object.keys(notifications).some((id) => id.startsWith('capture:'))).toBe(true);
  expect(await extension.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('5m');
  expect(await extension.worker.evaluate(() => chrome.action.getTitle({}))).toContain('Cleo DE');

  await card.getByRole('button', { name: 'Validate' }).click();
  await expect(card.getByText(/^Valid: it has a code, selling partner id A3FHEXAMPLEYWS/)).toBeVisible();
  await card.getByRole('button', { name: 'Save to vault' }).click();
  await expect(card.getByText(/^Saved to Cleo DE: Result URL, selling partner id and authorized-at/)).toBeVisible();

  const { entries } = await send(popup, 'entries.list');
  const saved = entries.find((e) => e.alias === 'Cleo DE')!;
  const view = await send(popup, 'entries.get', { id: saved.id });
  expect(view.secrets).toMatchObject({ resultUrl: url, sellingPartnerId: SELLING_PARTNER_ID });
  expect(view.meta.authorizedAt).toBeGreaterThan(Date.now() - 5 * MINUTE);
  expect(view.meta.resultCapturedAt).toBe(view.meta.authorizedAt);
  // Sealed: the Result URL is nowhere in storage.local, and the badge is handed back once saved.
  expect(JSON.stringify(await extension.worker.evaluate(() => chrome.storage.local.get(null)))).not.toContain('spapi_oauth_code');
  await expect.poll(() => extension.worker.evaluate(() => chrome.action.getBadgeText({}))).not.toBe('5m');
});

test('fills the field on the next open when the popup was closed during the redirect', async ({ extension }) => {
  let popup = await openWizard(extension);
  const card = await startFromUrl(popup, 'Closed popup', consentUrl('st-closed'));
  const tab = await openSignIn(extension, card);
  await popup.close();
  await confirm(tab, 'script');
  await expect.poll(async () => (await captureState(extension)).captures.length).toBe(1);
  popup = await openWizard(extension, { createVault: false });
  await expectResultFilled(flowCard(popup, 'Closed popup'), 'st-closed');
});

test('keeps a redirect with a foreign state unverified, with a warning, and never attaches it', async ({ extension }) => {
  const popup = await openWizard(extension);
  const card = await startFromUrl(popup, 'Mine', consentUrl('st-mine'));
  const tab = await openSignIn(extension, card);
  // Somebody else's authorization comes back in this browser.
  await tab.goto(amazon.callback.url(`/callback?spapi_oauth_code=RHFOREIGN00000000001&state=st-theirs&selling_partner_id=${SELLING_PARTNER_ID}`));

  const unverified = popup.locator('article.flow.unverified');
  await expect(unverified.getByText(/matches none of the authorizations you started/)).toBeVisible();
  await expect(unverified.getByLabel('Captured URL')).toHaveValue(/state=st-theirs/);
  await expect(card.getByRole('textbox', { name: 'Result URL', exact: true })).toHaveValue('');
  await expect(card.getByText(/Waiting for Amazon/)).toBeVisible();

  // Pasting it by hand into the flow is refused too, and the text stays for the user to fix.
  await card.getByRole('textbox', { name: 'Result URL', exact: true }).fill(amazon.callback.url('/callback?spapi_oauth_code=RHFOREIGN00000000001&state=st-theirs&selling_partner_id=A3FHEXAMPLEYWS'));
  await card.getByRole('button', { name: 'Save to vault' }).click();
  await expect(card.getByText(/differs from the one of the authorization you started/)).toBeVisible();
  await expect(card.getByRole('textbox', { name: 'Result URL', exact: true })).toHaveValue(/st-theirs/);

  await unverified.getByRole('button', { name: 'Dismiss' }).click();
  await expect(unverified).toHaveCount(0);
});

test('runs two authorizations at once, each matched by its own state', async ({ extension }) => {
  const popup = await openWizard(extension);
  const a = await startFromUrl(popup, 'Shop A', consentUrl('st-a', 'meta'));
  const tabA = await openSignIn(extension, a);
  const b = await startFromUrl(popup, 'Shop B', consentUrl('st-b', 'http'));
  const tabB = await openSignIn(extension, b);
  await confirm(tabB, 'http');
  await confirm(tabA, 'meta');
  await expectResultFilled(flowCard(popup, 'Shop A'), 'st-a');
  await expectResultFilled(flowCard(popup, 'Shop B'), 'st-b');
  expect((await captureState(extension)).captures.every((c) => c.verified === true)).toBe(true);
});

test('survives a service-worker restart in the middle of the flow', async ({ extension, restartServiceWorker }) => {
  const popup = await openWizard(extension);
  const card = await startFromUrl(popup, 'Restarted', consentUrl('st-restart'));
  const tab = await openSignIn(extension, card);
  await restartServiceWorker();
  await confirm(tab, 'http');
  await expectResultFilled(card, 'st-restart');
  await popup.reload();
  await popup.getByRole('tab', { name: 'Authorize' }).click();
  await expectResultFilled(flowCard(popup, 'Restarted'), 'st-restart');
});

test('says so when the sign-in tab is closed before the redirect', async ({ extension }) => {
  const popup = await openWizard(extension);
  const card = await startFromUrl(popup, 'Closed tab', consentUrl('st-tab'));
  const tab = await openSignIn(extension, card);
  await tab.close();
  await expect(card.getByText(/sign-in tab was closed before Amazon redirected/)).toBeVisible();
  await expect(card.getByRole('button', { name: 'Open sign-in again' })).toBeVisible();
});

test('a declined authorization sends nothing back; after 30 minutes the flow expires and says so', async ({ extension }) => {
  const popup = await openWizard(extension);
  const card = await startFromUrl(popup, 'Declined', consentUrl('st-declined'));
  const tab = await openSignIn(extension, card);
  await tab.getByRole('button', { name: 'Cancel' }).click();
  await expect(tab.getByText('You did not authorize the application.')).toBeVisible();
  expect((await captureState(extension)).captures).toHaveLength(0);

  await ageCaptureState(extension, 30 * MINUTE + 1000);
  await popup.reload();
  await popup.getByRole('tab', { name: 'Authorize' }).click();
  await expect(flowCard(popup, 'Declined').getByText(/No redirect came back within 30 minutes/)).toBeVisible();
  const notifications = await extension.worker.evaluate(() => chrome.notifications.getAll());
  expect(Object.keys(notifications).some((id) => id.startsWith('capture-expired:'))).toBe(true);
});

test('refuses a code older than 5 minutes', async ({ extension }) => {
  const popup = await openWizard(extension);
  const card = await startFromUrl(popup, 'Stale', consentUrl('st-stale'));
  await confirm(await openSignIn(extension, card), 'script');
  await expectResultFilled(card, 'st-stale');
  await ageCaptureState(extension, 5 * MINUTE + 1000);
  await expect(card.getByText(/more than 5 minutes old/)).toBeVisible();
  await card.getByRole('button', { name: 'Save to vault' }).click();
  await expect(card.getByRole('alert').filter({ hasText: /more than 5 minutes old, so Amazon will refuse it/ })).toBeVisible();
});

test('explains bad input and loses nothing', async ({ extension }) => {
  const popup = await openWizard(extension);
  await popup.getByLabel('Entry name').fill('Typo');
  const urlField = popup.getByRole('textbox', { name: 'OAuth Request URL' });
  await urlField.fill('https://sellercentral.amazon.com/home');
  await expect(popup.getByText(/a consent URL's path is \/apps\/authorize\/consent/)).toBeVisible();
  await popup.getByRole('button', { name: 'Start authorization' }).click();
  await expect(popup.getByRole('alert').filter({ hasText: /consent URL's path/ })).toBeVisible();
  await expect(urlField).toHaveValue('https://sellercentral.amazon.com/home');
  await expect(popup.getByLabel('Entry name')).toHaveValue('Typo');

  const card = await startFromUrl(popup, 'By hand', consentUrl('st-hand'));
  const pasted = 'https://app.example.com/cb?state=st-hand&selling_partner_id=A3FHEXAMPLEYWS';
  await card.getByRole('textbox', { name: 'Result URL', exact: true }).fill(pasted);
  await card.getByRole('button', { name: 'Validate' }).click();
  await expect(card.getByText(/it has no spapi_oauth_code/)).toBeVisible();
  await expect(card.getByRole('textbox', { name: 'Result URL', exact: true })).toHaveValue(pasted);
});
