import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { consolePage, fixturePage, rotateInVendorCentral, SHOPCTRL_DASHBOARD_URL, SHOPCTRL_SETTINGS_URL, shopCtrlSettingsPage, VENDOR_CONSOLE_URL } from './support/amazon-console';
import { clientId, secret } from '../support/identifiers';
import { eventDetails, type SeedEntry, seedVault, send } from './support/messages';
import { clickInPanel, closedShadowTexts, panelSettled } from './support/on-page-ui';
import type { ExtensionBrowser } from './fixtures';

// "Open ShopCtrl and fill" (issue #5, docs/amazon.md §7): the user's ShopCtrl shop settings page, served at a real
// https *.shopctrl.com URL, filled by the background through scripting.executeScript under the install-time
// host permission: the same path the shipped extension takes, no permission prompt to click.
// Each test creates a vault (PBKDF2, 600,000 rounds) in a fresh browser: generous on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

const VENDOR: SeedEntry = {
  alias: 'DE vendor — ShopCtrl 1P',
  kind: 'vendor',
  region: 'EU',
  clientId: clientId(3),
  shopCtrlUrl: SHOPCTRL_SETTINGS_URL,
  secrets: { clientSecret: secret(3), refreshToken: 'Atzr|IwEBIcurrent-refresh-token', sellingPartnerId: 'ACME1' },
};

async function routePages(extension: ExtensionBrowser): Promise<void> {
  await extension.routeAmazon(
    `${VENDOR_CONSOLE_URL}**`,
    consolePage('vendor', { app: 'ShopCtrl', id: clientId(3), old: secret(3), next: secret(4) }),
  );
  await extension.routeAmazon(
    SHOPCTRL_SETTINGS_URL,
    shopCtrlSettingsPage(),
  );
  await extension.routeAmazon(SHOPCTRL_DASHBOARD_URL, fixturePage('shopctrl/dashboard.html'));
}

const shopCtrlState = (shop: Page) =>
  shop.evaluate(() => {
    const w = window as unknown as { formEvents: string[]; saveClicks: number };
    const value = (name: string) => (document.querySelector(`[name="${name}"]`) as HTMLInputElement).value;
    return { events: w.formEvents, saveClicks: w.saveClicks, secret: value('c3'), refreshToken: value('c4'), clientId: value('c2') };
  });

test('fills LWA Client Secret in a newly opened ShopCtrl tab, by its label, without saving there', async ({ extension, page }) => {
  const { admin, ids } = await seedVault(extension, [VENDOR]);
  await routePages(extension);
  const panel = await rotateInVendorCentral(page, secret(3));
  await expect(panel.getByText('For DE vendor — ShopCtrl 1P')).toBeVisible();

  const opened = extension.context.waitForEvent('page');
  await clickInPanel(panel.getByRole('button', { name: 'Open ShopCtrl and fill' }));
  const shop = await opened;
  await expect(panel.getByRole('status')).toContainText('Filled LWA Client Secret on acme.shopctrl.com.');
  await expect(panel.getByRole('status')).toContainText('Also different there: Refresh Token');
  await expect(panel.getByRole('status')).toContainText('click Save and Close');
  expect(shop.url()).toBe(SHOPCTRL_SETTINGS_URL);

  const state = await shopCtrlState(shop);
  expect(state.secret).toBe(secret(4));
  expect(state.events).toEqual(['input c3 trusted=false', 'change c3 trusted=false']); // as typing would, one field
  expect(state.saveClicks).toBe(0);
  expect(state.refreshToken).toBe('Atzr|IwEBIold-refresh-token'); // offered, not filled
  // Highlighted and focused, with LWA Vault's note beside it asking the user to save.
  expect(await shop.evaluate(() => [document.activeElement?.getAttribute('name'), (document.activeElement as HTMLElement).style.outlineStyle])).toEqual(['c3', 'solid']);
  const note = await closedShadowTexts(shop, 'lwa-vault-notice');
  expect(note).toEqual(expect.arrayContaining(['Filled LWA Client Secret.', 'Nothing is saved yet: review, then click Save and Close.', 'Also different on this page: Refresh Token.']));
  expect(await shop.evaluate(() => document.querySelector('lwa-vault-notice')?.shadowRoot ?? null)).toBeNull();

  // One click also saved the rotation in the vault, and the log says both.
  const { secrets } = await send(admin, 'entries.get', { id: ids[0]! });
  expect(secrets).toMatchObject({ clientSecret: secret(4), previousClientSecret: secret(3) });
  expect(await eventDetails(admin, ids[0]!)).toEqual(
    expect.arrayContaining(['rotated (seen on vendorcentral.amazon.de)', 'sent-to-shopctrl (LWA Client Secret filled on acme.shopctrl.com)']),
  );
});

test('focuses the ShopCtrl tab already open, and fills the differing Refresh Token when the user accepts by keyboard', async ({
  extension,
  page,
}) => {
  await seedVault(extension, [VENDOR]);
  await routePages(extension);
  const shop = await extension.context.newPage();
  await shop.goto(SHOPCTRL_SETTINGS_URL);
  const panel = await rotateInVendorCentral(page, secret(3));

  let newTabs = 0;
  extension.context.on('page', () => newTabs++);
  await clickInPanel(panel.getByRole('button', { name: 'Open ShopCtrl and fill' }));
  await expect(panel.getByRole('status')).toContainText('Filled LWA Client Secret on acme.shopctrl.com.');
  expect(newTabs).toBe(0);
  expect((await shopCtrlState(shop)).secret).toBe(secret(4));

  // From the filled field, Tab reaches the note's "Fill these too"; Enter accepts.
  await shop.keyboard.press('Tab');
  expect(await shop.evaluate(() => document.activeElement?.localName)).toBe('lwa-vault-notice');
  await shop.keyboard.press('Enter');
  await expect.poll(async () => (await shopCtrlState(shop)).refreshToken).toBe('Atzr|IwEBIcurrent-refresh-token');
  const state = await shopCtrlState(shop);
  expect(state.events).toEqual([
    'input c3 trusted=false',
    'change c3 trusted=false',
    'input c4 trusted=false',
    'change c4 trusted=false',
  ]);
  expect(state.clientId).toBe(clientId(3)); // the same already: neither offered nor touched
  expect(state.saveClicks).toBe(0);
  expect(await closedShadowTexts(shop, 'lwa-vault-notice')).toContain('Filled LWA Client Secret, Refresh Token.');
});

test('says where in ShopCtrl to go when the page has no LWA Client Secret field', async ({ extension, page }) => {
  await seedVault(extension, [{ ...VENDOR, shopCtrlUrl: SHOPCTRL_DASHBOARD_URL }]);
  await routePages(extension);
  const panel = await rotateInVendorCentral(page, secret(3));
  const opened = extension.context.waitForEvent('page');
  await clickInPanel(panel.getByRole('button', { name: 'Open ShopCtrl and fill' }));
  const shop = await opened;

  const directions = 'Configuration > Shops > choose your shop > Edit > Shop synchronization > Amazon 1P Synchronization';
  await expect(panel.getByRole('status')).toContainText('No LWA Client Secret field on acme.shopctrl.com.', { timeout: 15_000 });
  await expect(panel.getByRole('status')).toContainText(directions);
  expect((await closedShadowTexts(shop, 'lwa-vault-notice')).join(' ')).toContain(directions);
});

test('asks once for the ShopCtrl address when the entry has none, then fills', async ({ extension, page }) => {
  const { admin, ids } = await seedVault(extension, [{ ...VENDOR, shopCtrlUrl: undefined }]);
  await routePages(extension);
  const panel = await rotateInVendorCentral(page, secret(3));
  await clickInPanel(panel.getByRole('button', { name: 'Open ShopCtrl and fill' }));
  await expect(panel.getByRole('status')).toContainText('Which ShopCtrl shop?');
  await panelSettled(panel);

  await panel.getByLabel('ShopCtrl shop settings URL').fill('https://acme.shopctrl.com.evil.example/');
  await clickInPanel(panel.getByRole('button', { name: 'Save address and fill' }));
  await expect(panel.getByRole('status')).toContainText('That is not a ShopCtrl address.');

  const opened = extension.context.waitForEvent('page');
  await panel.getByLabel('ShopCtrl shop settings URL').fill(SHOPCTRL_SETTINGS_URL);
  await clickInPanel(panel.getByRole('button', { name: 'Save address and fill' }));
  const shop = await opened;
  await expect(panel.getByRole('status')).toContainText('Filled LWA Client Secret on acme.shopctrl.com.');
  expect((await shopCtrlState(shop)).secret).toBe(secret(4));
  expect((await send(admin, 'entries.get', { id: ids[0]! })).meta.shopCtrlUrl).toBe(SHOPCTRL_SETTINGS_URL);
  expect(await send(admin, 'vault.status', {})).toMatchObject({ unlocked: true });
});
