import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { consolePage, rotateInVendorCentral, SHOPCTRL_SETTINGS_URL, shopCtrlSettingsPage, VENDOR_CONSOLE_URL } from './support/amazon-console';
import { clientId, secret } from '../support/identifiers';
import { seedVault } from './support/messages';
import { clickInPanel, closedShadowTexts } from './support/on-page-ui';

// Issue #9 point 7: the fill is bound to the document whose URL was checked. Here the user's ShopCtrl page
// navigates to another tenant on *.shopctrl.com (the same host permission) as soon as it has loaded, racing
// the background's check and injection: the other tenant must never receive the secret.
test.describe.configure({ timeout: 120_000 });

const OTHER_TENANT = 'https://mallory.shopctrl.com/Configuration/Shops/Edit/7';

for (const delayMs of [0, 40, 150]) {
  test(`never hands the secret to the page a navigation ${delayMs} ms after load leads to`, async ({ extension, page }) => {
    await seedVault(extension, [
      { alias: 'DE vendor', kind: 'vendor', region: 'EU', clientId: clientId(3), shopCtrlUrl: SHOPCTRL_SETTINGS_URL, secrets: { clientSecret: secret(3) } },
    ]);
    await extension.routeAmazon(
      `${VENDOR_CONSOLE_URL}**`,
      consolePage('vendor', { app: 'ShopCtrl', id: clientId(3), old: secret(3), next: secret(4) }),
    );
    const leave = `<script>addEventListener('load', () => setTimeout(() => location.replace(${JSON.stringify(OTHER_TENANT)}), ${delayMs}))</script>`;
    await extension.routeAmazon(SHOPCTRL_SETTINGS_URL, shopCtrlSettingsPage().replace('</body>', `${leave}</body>`));
    await extension.routeAmazon(OTHER_TENANT, shopCtrlSettingsPage());

    const panel = await rotateInVendorCentral(page, secret(3));

    const opened = extension.context.waitForEvent('page');
    await clickInPanel(panel.getByRole('button', { name: 'Open ShopCtrl and fill' }));
    const shop: Page = await opened;
    await expect(panel.getByRole('status')).toContainText(
      /Filled LWA Client Secret on acme\.shopctrl\.com\.|could not fill the ShopCtrl page on acme\.shopctrl\.com/,
      { timeout: 30_000 },
    );
    await shop.waitForURL(OTHER_TENANT);
    // The other tenant's page kept its own value, saw no input event and shows no LWA Vault note.
    expect(await shop.evaluate(() => (document.querySelector('[name="c3"]') as HTMLInputElement).value)).toBe(secret(3));
    expect(await shop.evaluate(() => (window as unknown as { formEvents: string[] }).formEvents)).toEqual([]);
    expect(await closedShadowTexts(shop, 'lwa-vault-notice')).toEqual([]);
  });
}
