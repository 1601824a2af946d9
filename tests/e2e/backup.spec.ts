import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { EntryMeta, EntrySecrets } from '../../features/vault/schema';
import { expect, test } from './fixtures';
import { DAY } from './support/clock';
import { CLIENT_ID, CLIENT_SECRET, NEW_CLIENT_SECRET, REFRESH_TOKEN } from '../support/identifiers';
import { createVault, openUnlockedPopup, seedEntry, send } from './support/messages';
import { expectNoSeriousA11yViolations } from './support/axe';

const BACKUP_PASSPHRASE = 'harbour quartz violet ledger';

/** The pop-out tab (a file picker closes the toolbar popup) with a new vault, on the Backup screen. */
async function openBackup(extension: { openPopup(path?: string): Promise<Page> }, seed: (page: Page) => Promise<unknown> = async () => undefined) {
  const page = await extension.openPopup('popup.html?popout=1');
  await createVault(page);
  const seeded = await seed(page);
  await page.reload();
  await page.getByRole('tab', { name: 'Backup' }).click();
  return { page, seeded };
}

async function entries(page: Page): Promise<EntryMeta[]> {
  return (await send(page, 'entries.list')).entries;
}

async function seedThree(page: Page) {
  const now = Date.now();
  return [
    await seedEntry(page, { alias: 'ShopCtrl 1P', kind: 'vendor', clientId: CLIENT_ID, secretIssuedAt: now - 20 * DAY }, { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN }),
    await seedEntry(page, { alias: 'Cleo DE', authorizedAt: now - 100 * DAY }, { notes: 'Cleo, tenant 4; see runbook' }),
    await seedEntry(page, { alias: 'Sandbox', environment: 'sandbox' }),
  ];
}

test('export, delete everything, import: the UI restores every entry and its secrets', async ({ extension }) => {
  const page = await extension.openPopup('popup.html?popout=1');
  await createVault(page);
  const seeded = await seedThree(page);
  const before = await Promise.all(seeded.map((m) => send(page, 'entries.get', { id: m.id })));
  await page.reload();
  await page.getByRole('tab', { name: 'Backup' }).click();

  await page.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
  await page.getByLabel('Repeat backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^lwa-vault-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByRole('status').filter({ hasText: 'Exported 3 entries.' })).toBeVisible();
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8');
  for (const plain of [CLIENT_SECRET, REFRESH_TOKEN, 'runbook', 'ShopCtrl 1P', CLIENT_ID]) expect(text).not.toContain(plain);
  expect(JSON.parse(text)).toMatchObject({ format: 'lwa-vault-backup', version: 1, kdf: { name: 'PBKDF2-SHA256', iterations: 600_000 } });

  for (const m of seeded) await send(page, 'entries.delete', { id: m.id });
  expect(await entries(page)).toEqual([]);

  await page.locator('#import-file').setInputFiles(file);
  await page.getByLabel('Passphrase of this backup', { exact: true }).fill(BACKUP_PASSPHRASE);
  await page.getByRole('button', { name: 'Import backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 3 added.' })).toBeVisible({ timeout: 20_000 });
  for (const [i, m] of seeded.entries()) {
    expect(await send(page, 'entries.get', { id: m.id })).toEqual(before[i]);
  }

  // The same file again: merged, nothing duplicated.
  await page.getByLabel('Passphrase of this backup', { exact: true }).fill(BACKUP_PASSPHRASE);
  await page.getByRole('button', { name: 'Import backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 3 already up to date.' })).toBeVisible({ timeout: 20_000 });
  expect(await entries(page)).toHaveLength(3);
});

test('a wrong passphrase or a damaged file is refused with a clear message, and the vault stays as it was', async ({ extension }, testInfo) => {
  const page = await extension.openPopup('popup.html?popout=1');
  await createVault(page);
  const [shop] = await seedThree(page);
  const reply = await send(page, 'backup.export', { passphrase: BACKUP_PASSPHRASE });
  const file = testInfo.outputPath('backup.json');
  fs.writeFileSync(file, reply.text);
  await send(page, 'entries.update', { id: shop!.id, meta: { alias: 'Renamed after the export' }, secrets: {} });
  const before = await entries(page);

  await page.reload();
  await page.getByRole('tab', { name: 'Backup' }).click();
  await page.locator('#import-file').setInputFiles(file);
  await page.getByLabel('Passphrase of this backup', { exact: true }).fill('not the backup passphrase');
  await page.getByRole('button', { name: 'Import backup' }).click();
  await expect(page.getByRole('alert')).toHaveText(/That passphrase does not open this backup, so nothing was imported/, { timeout: 20_000 });

  const damaged = JSON.parse(reply.text);
  damaged.entries[1].sealed.ct = `${damaged.entries[1].sealed.ct.slice(0, -8)}AAAAAAA=`;
  const damagedFile = testInfo.outputPath('damaged.json');
  fs.writeFileSync(damagedFile, JSON.stringify(damaged));
  await page.locator('#import-file').setInputFiles(damagedFile);
  await page.getByLabel('Passphrase of this backup', { exact: true }).fill(BACKUP_PASSPHRASE);
  await page.getByRole('button', { name: 'Import backup' }).click();
  await expect(page.getByRole('alert')).toHaveText(/This backup file is damaged \(entry 2 of 3 cannot be decrypted\)/, { timeout: 20_000 });
  expect(await entries(page)).toEqual(before);
});

test('a pasted Amazon NEW_SECRET notification rotates the entry with Amazon’s exact dates', async ({ extension }) => {
  const issued = Date.now() - 175 * DAY;
  const { page, seeded } = await openBackup(extension, (p) =>
    seedEntry(p, { alias: 'ShopCtrl 1P', kind: 'vendor', clientId: CLIENT_ID, secretIssuedAt: issued }, { clientSecret: CLIENT_SECRET }),
  );
  const shop = seeded as EntryMeta;

  const eventTime = new Date(Date.now() - 60_000).toISOString();
  const newExpiry = new Date(Date.now() + 180 * DAY - 60_000).toISOString();
  const oldExpiry = new Date(Date.now() + 7 * DAY - 60_000).toISOString();
  const notification = {
    notificationVersion: '1.0',
    notificationType: 'APPLICATION_OAUTH_CLIENT_NEW_SECRET',
    payloadVersion: '2023-11-30',
    eventTime,
    payload: {
      applicationOAuthClientNewSecret: {
        clientId: CLIENT_ID,
        newClientSecret: NEW_CLIENT_SECRET,
        newClientSecretExpiryTime: newExpiry,
        oldClientSecretExpiryTime: oldExpiry,
      },
    },
    notificationMetadata: { subscriptionId: 'sub', publishTime: eventTime, notificationId: 'n-1' },
  };
  await page.getByLabel('Notification JSON').fill(JSON.stringify(notification, null, 2));
  await page.getByRole('button', { name: 'Apply notification' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ShopCtrl 1P: new client secret saved' })).toBeVisible();
  await expect(page.getByLabel('Notification JSON')).toHaveValue('');

  const { meta, secrets } = await send(page, 'entries.get', { id: shop.id });
  expect(secrets).toMatchObject({ clientSecret: NEW_CLIENT_SECRET, previousClientSecret: CLIENT_SECRET });
  expect(meta).toMatchObject({ secretIssuedAt: Date.parse(eventTime), secretExpiresAt: Date.parse(newExpiry), previousSecretExpiresAt: Date.parse(oldExpiry) });

  // The EXPIRY notification for the same app moves only the stated expiry.
  const expiry = new Date(Date.now() + 170 * DAY).toISOString();
  const expiryNotification = {
    notificationVersion: '1.0',
    notificationType: 'APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY',
    payloadVersion: '2023-11-30',
    eventTime: new Date().toISOString(),
    payload: { applicationOAuthClientSecretExpiry: { clientId: CLIENT_ID, clientSecretExpiryTime: expiry, clientSecretExpiryReason: 'PERIODIC_ROTATION' } },
  };
  await page.getByLabel('Notification JSON').fill(JSON.stringify(expiryNotification));
  await page.getByRole('button', { name: 'Apply notification' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'as Amazon stated' })).toBeVisible();
  expect((await send(page, 'entries.get', { id: shop.id })).meta.secretExpiresAt).toBe(Date.parse(expiry));
});

test('the deadlines calendar downloads as an .ics file with CRLF lines and no secrets', async ({ extension }) => {
  const { page } = await openBackup(extension, (p) =>
    seedEntry(p, { alias: 'ShopCtrl, 1P', secretIssuedAt: Date.now() - 10 * DAY, authorizedAt: Date.now() - 10 * DAY }, { clientSecret: CLIENT_SECRET }),
  );
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download calendar (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('lwa-vault-deadlines.ics');
  const text = fs.readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
  expect(text).toContain('SUMMARY:ShopCtrl\\, 1P: client secret expires');
  expect(text).not.toContain(CLIENT_SECRET);
  await expect(page.getByRole('status').filter({ hasText: '2 upcoming deadlines saved' })).toBeVisible();
});

test('the Backup screen has no serious accessibility problems, light or dark', async ({ extension }) => {
  const { page } = await openBackup(extension);
  await page.getByLabel('Backup passphrase', { exact: true }).fill('short');
  await expectNoSeriousA11yViolations(page, { screen: 'Backup, light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, { screen: 'Backup, dark' });
  // The toolbar popup size too.
  const popup = await extension.openPopup();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.getByRole('tab', { name: 'Backup' }).click();
  await expectNoSeriousA11yViolations(popup, { screen: 'Backup, toolbar popup' });
});

test('from the toolbar popup, "Open LWA Vault in a tab" opens the pop-out, which works like the popup', async ({ extension, openPopup }) => {
  const popup = await openUnlockedPopup(openPopup);
  await popup.reload(); // the vault made by the helper shows once the popup asks again
  await popup.getByRole('tab', { name: 'Backup' }).click();
  const [tab] = await Promise.all([extension.context.waitForEvent('page'), popup.getByRole('button', { name: 'Open LWA Vault in a tab' }).click()]);
  expect(new URL(tab.url()).pathname).toBe('/popup.html');
  expect(new URL(tab.url()).searchParams.has('popout')).toBe(true);
  await expect(tab.getByRole('button', { name: 'Lock now' })).toBeVisible();
  await tab.getByRole('tab', { name: 'Backup' }).click();
  await expect(tab.getByRole('heading', { name: 'Import a backup' })).toBeVisible();
});
