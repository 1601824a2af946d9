import fs from 'node:fs';
import { expect, type Frame, type Page } from '@playwright/test';
import { inDays } from './clock';
import { clientId, secret } from '../../support/identifiers';
import { readyPanel } from './on-page-ui';
import { fixturePath } from './server';

/**
 * Amazon's Developer Console (and the ShopCtrl page a new secret goes to) as the rotation and ShopCtrl tests
 * serve them: fixture pages filled with the test's values, and the console's rotate sequence as a user clicks it.
 */

export const SELLER_CONSOLE_URL = 'https://sellercentral.amazon.com/sellingpartner/developerconsole';
export const VENDOR_CONSOLE_URL = 'https://vendorcentral.amazon.de/sellingpartner/developerconsole';
export const LOOKALIKES_URL = 'https://sellercentral-europe.amazon.com/sellingpartner/developerconsole/help';
export const SHOPCTRL_SETTINGS_URL = 'https://acme.shopctrl.com/Configuration/Shops/Edit/7';
export const SHOPCTRL_DASHBOARD_URL = 'https://acme.shopctrl.com/Dashboard';

/** A fixture file with its `{{NAME}}` placeholders replaced. */
export function fixturePage(relativePath: string, values: Record<string, string> = {}): string {
  const html = fs.readFileSync(fixturePath(relativePath), 'utf8');
  return html.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`${relativePath}: no value for {{${name}}}`);
    return values[name]!;
  });
}

/** Seller or Vendor Central's Developer Console showing one app whose secret `old` rotates to `next`. */
export function consolePage(file: 'seller' | 'vendor', values: { id: string; old: string; next: string; app?: string }): string {
  return fixturePage(`amazon/${file}-developer-console.html`, {
    APP_NAME: values.app ?? 'ShopCtrl connector',
    CLIENT_ID: values.id,
    OLD_SECRET: values.old,
    NEW_SECRET: values.next,
    OLD_DATE: inDays(5),
    NEW_DATE: inDays(180),
  });
}

/** Opens the app's LWA credentials on the console at `url` (View); on Vendor Central also reveals the secret, `shown`. */
export async function openApp(page: Page, url: string, shown?: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('link', { name: 'View' }).first().click();
  if (shown === undefined) return;
  await page.getByRole('button', { name: 'Show client secret' }).click();
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue(shown);
}

/**
 * The console's rotate sequence with the app open: Rotate secret, confirm. On Vendor Central (`revealAgain`) the
 * box re-renders collapsed and the user reveals the new secret. Returns the docked panel once it lists both secrets.
 */
export async function rotateSecret(page: Page, options: { rotate?: string; revealAgain?: boolean } = {}): Promise<Frame> {
  await page.getByRole('button', { name: options.rotate ?? 'Rotate secret' }).click();
  await page.locator('#confirm-rotate').click();
  if (options.revealAgain) {
    await expect(page.locator('.box .date')).toHaveText(inDays(180));
    await page.getByRole('button', { name: 'Show client secret' }).click();
  }
  return readyPanel(page, { cards: 2 });
}

/** Vendor Central, as a user clicks it: View, reveal `oldSecret`, Rotate secret, confirm, reveal the new one. */
export async function rotateInVendorCentral(page: Page, oldSecret: string): Promise<Frame> {
  await openApp(page, VENDOR_CONSOLE_URL, oldSecret);
  return rotateSecret(page, { revealAgain: true });
}

/** ShopCtrl's Amazon 1P Synchronization settings page, holding the credentials from before the rotation. */
export const shopCtrlSettingsPage = () =>
  fixturePage('shopctrl/amazon-1p-synchronization.html', {
    SHOP_NAME: 'Acme Amazon 1P',
    VENDOR_CODE: 'ACME1',
    CLIENT_ID: clientId(3),
    OLD_SECRET: secret(3),
    REFRESH_TOKEN: 'Atzr|IwEBIold-refresh-token',
  });
