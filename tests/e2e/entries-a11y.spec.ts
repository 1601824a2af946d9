import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DAY } from './support/clock';
import { CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN } from '../support/identifiers';
import { createVault, PASSPHRASE, seedEntry, send } from './support/messages';
import { expectNoSeriousA11yViolations } from './support/axe';

const docs = (name: string) => path.resolve(import.meta.dirname, '..', '..', 'docs', name);

/** No sideways scrolling at the narrowest toolbar popup. */
async function expectFitsWidth(page: Page, screen: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** UPDATE_SCREENSHOTS=1 rewrites the README's pictures in docs/ from the light screens. */
async function screenshotForReadme(popup: Page, colorScheme: 'light' | 'dark', name: string) {
  if (colorScheme !== 'light' || !process.env.UPDATE_SCREENSHOTS) return;
  fs.mkdirSync(path.dirname(docs(name)), { recursive: true });
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.screenshot({ path: docs(name) });
  await popup.setViewportSize({ width: 360, height: 600 });
}

async function seedVariedEntries(popup: Page) {
  const now = Date.now();
  await seedEntry(popup, { alias: 'Cleo Amazon US', connector: 'cleo-amp', region: 'NA', marketplace: 'US', clientId: CLIENT_ID, secretIssuedAt: now - 20 * DAY, authorizedAt: now - 100 * DAY }, { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN });
  await seedEntry(popup, { alias: 'ShopCtrl 1P Germany', kind: 'vendor', connector: 'shopctrl-1p', marketplace: 'DE', secretIssuedAt: now - 160 * DAY, shopCtrlUrl: 'https://acme.shopctrl.com:52222/Shops/Edit/3' }, { clientSecret: CLIENT_SECRET, sellingPartnerId: 'ABC1D' });
  await seedEntry(popup, { alias: 'ShopCtrl 3P France', connector: 'shopctrl-3p', marketplace: 'FR', secretIssuedAt: now - 100 * DAY });
  await seedEntry(popup, { alias: 'ShopCtrl 3P Italy', connector: 'shopctrl-3p', marketplace: 'IT', secretIssuedAt: now - 176 * DAY, previousSecretExpiresAt: now + 2 * DAY });
  await seedEntry(popup, { alias: 'Legacy sandbox app', environment: 'sandbox', marketplace: 'UK', secretExpiresAt: now - 2 * DAY });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen passes axe in ${colorScheme} mode and fits a 360 px popup`, async ({ openPopup, extension }) => {
    test.setTimeout(120_000);
    const popup = await openPopup();
    await popup.emulateMedia({ colorScheme });
    await popup.setViewportSize({ width: 360, height: 600 });
    const scan = async (screen: string) => {
      await expectNoSeriousA11yViolations(popup, { screen: `${screen}, ${colorScheme}` });
      await expectFitsWidth(popup, screen);
    };

    await expect(popup.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    await scan('first run');

    await createVault(popup);
    await send(popup, 'vault.lock');
    await popup.reload();
    await expect(popup.getByRole('heading', { name: 'Vault locked' })).toBeVisible();
    await scan('locked');

    await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await expect(popup.getByRole('heading', { name: 'No entries yet' })).toBeVisible();
    await scan('empty list');

    await seedVariedEntries(popup);
    await popup.reload();
    await expect(popup.getByRole('listitem')).toHaveCount(5);
    await scan('entry list');
    await screenshotForReadme(popup, colorScheme, 'popup.png');

    await popup.getByRole('button', { name: /^ShopCtrl 1P Germany/ }).click();
    await expect(popup.getByRole('heading', { name: 'History' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Show client secret' })).toBeVisible();
    await scan('entry detail');
    await popup.getByRole('button', { name: 'Show client secret' }).click();
    await scan('entry detail, secret shown');

    await popup.getByRole('button', { name: 'I rotated this secret' }).click();
    await popup.getByRole('textbox', { name: 'New client secret' }).fill('not a secret');
    await popup.getByRole('button', { name: 'Save new secret' }).click();
    await scan('rotate dialog with an error');
    await popup.keyboard.press('Escape');
    await popup.getByRole('button', { name: 'Delete…' }).click();
    await scan('delete dialog');
    await popup.keyboard.press('Escape');

    await popup.getByRole('button', { name: 'Edit' }).click();
    await popup.getByRole('textbox', { name: 'LWA client id' }).fill('amzn1.application-oa2-client.123');
    await popup.getByRole('textbox', { name: 'Client secret' }).fill('5f4dcc3b'.repeat(8));
    await popup.getByRole('button', { name: 'Save changes' }).click();
    await expect(popup.getByRole('alert')).toContainText('2 fields need attention');
    await scan('editor with problems');
    await popup.getByRole('button', { name: 'Cancel' }).click();

    await popup.getByRole('button', { name: '← All entries' }).click();
    await popup.getByRole('button', { name: 'Add entry' }).click();
    await expect(popup.getByRole('heading', { name: 'Add an entry' })).toBeVisible();
    await scan('short form');
    await screenshotForReadme(popup, colorScheme, 'add-entry.png');
    await popup.getByRole('button', { name: 'Cancel' }).click();

    await popup.getByRole('tab', { name: 'Settings' }).click();
    await scan('settings');

    await popup.setViewportSize({ width: 1000, height: 800 });
    await popup.goto(extension.extensionUrl('popup.html?popout=1#timeline'));
    await expect(popup.getByRole('img', { name: 'Deadlines over the next 12 months' })).toBeVisible();
    await expectNoSeriousA11yViolations(popup, { screen: `timeline, ${colorScheme}` });
  });
}
