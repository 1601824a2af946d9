import type { Page } from '@playwright/test';
import { captureState, confirm, consentUrl, expectResultFilled, flowCard, openSignIn, openWizard, serveAmazon, startFromUrl, type AmazonStandIn } from './support/authorize-flow';
import { expect, test, type Chrome, type ExtensionBrowser } from './fixtures';

declare const chrome: Chrome & { extension: { isAllowedIncognitoAccess(): Promise<boolean> } };

// Cleo recommends signing in from an incognito window. Headless Chromium opens one when LWA Vault asks for it;
// its pages belong to the off-the-record profile, which Playwright attributes to the persistent context (so the
// same routes serve Amazon's pages there).
test.use({
  backgroundReadyEvents: ['runtime.onMessage', 'webRequest.onBeforeRedirect', 'webNavigation.onBeforeNavigate', 'tabs.onCreated', 'windows.onRemoved'],
});

let amazon: AmazonStandIn;
test.beforeEach(async ({ extension, server, unusedPort }) => {
  amazon = await serveAmazon(extension, server, unusedPort);
});
test.afterEach(async () => amazon.close());

/**
 * What the user does on the extension's details page: **Allow in Incognito** (the same `developerPrivate` call
 * chrome://extensions makes). Chrome reloads the extension for it: its worker starts again with the next event
 * (the popup's first message), and the harness then takes the new one.
 */
async function allowInIncognito(extension: ExtensionBrowser): Promise<void> {
  const settings = await extension.context.newPage();
  await settings.goto(`chrome://extensions/?id=${extension.extensionId}`);
  await settings.evaluate(async (extensionId) => {
    const { developerPrivate } = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome;
    // An unpacked extension reloaded outside developer mode comes back disabled (unsupportedDeveloperExtension).
    await developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
    await developerPrivate.updateExtensionConfiguration({ extensionId, incognitoAccess: true });
  }, extension.extensionId);
  await settings.close();
  // Until the reload is done, the extension's pages are refused (ERR_BLOCKED_BY_CLIENT).
  await expect(async () => {
    const popup = await extension.openPopup();
    try {
      expect(await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'vault.status', data: {} }).then(() => chrome.extension.isAllowedIncognitoAccess()))).toBe(true);
    } finally {
      await popup.close();
    }
  }).toPass({ timeout: 10_000 });
  await extension.restartServiceWorker();
}

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  updateExtensionConfiguration(update: { extensionId: string; incognitoAccess: boolean }): Promise<void>;
}

async function openInIncognito(extension: ExtensionBrowser, popup: Page, alias: string): Promise<Page> {
  const opened = extension.context.waitForEvent('page');
  await flowCard(popup, alias).getByRole('button', { name: 'Open in incognito' }).click();
  const tab = await opened;
  await tab.waitForLoadState('domcontentloaded');
  return tab;
}

test('captures a redirect in an incognito window, and drops it when the last incognito window closes', async ({ extension }) => {
  await allowInIncognito(extension);
  const popup = await openWizard(extension);

  // First a capture in a normal tab, which must outlive the incognito session.
  const normalCard = await startFromUrl(popup, 'Cleo normal', consentUrl('st-normal'));
  const normalTab = await openSignIn(extension, normalCard);
  await confirm(normalTab, 'http');
  await expectResultFilled(normalCard, 'st-normal');

  const privateCard = await startFromUrl(popup, 'Cleo private', consentUrl('st-incognito'));
  const privateTab = await openInIncognito(extension, popup, 'Cleo private');
  expect((await captureState(extension)).pending.find((p) => p.state === 'st-incognito')).toMatchObject({ incognito: true });
  await confirm(privateTab, 'http');
  await expectResultFilled(privateCard, 'st-incognito');

  // With the incognito window focused, a plain Open sign-in still opens in a normal window: its capture must not
  // end with the incognito session.
  const laterCard = await startFromUrl(popup, 'Cleo later', consentUrl('st-later'));
  const laterTab = await openSignIn(extension, laterCard);
  const laterTabId = (await captureState(extension)).pending.find((p) => p.state === 'st-later')?.tabId;
  expect(await extension.worker.evaluate(async (id) => (await chrome.tabs.query({})).find((t) => t.id === id)?.incognito, laterTabId)).toBe(false);
  await confirm(laterTab, 'http');
  await expectResultFilled(laterCard, 'st-later');

  expect((await captureState(extension)).captures.map((c) => c.state).sort()).toEqual(['st-incognito', 'st-later', 'st-normal']);

  // The user closes the incognito window (with every tab in it): the incognito session ends.
  await extension.worker.evaluate(async () => {
    for (const window of await chrome.windows.getAll()) if (window.incognito) await chrome.windows.remove(window.id!);
  });
  expect(privateTab.isClosed()).toBe(true);
  await expect.poll(async () => (await captureState(extension)).captures.map((c) => c.state).sort()).toEqual(['st-later', 'st-normal']);
  await expect(privateCard.getByRole('textbox', { name: 'Result URL', exact: true })).toHaveValue('');
  await expect(normalCard.getByRole('textbox', { name: 'Result URL', exact: true })).toHaveValue(/spapi_oauth_code=RH/);
});
