import { expect, test, type Chrome } from './fixtures';
import { PASSPHRASE, send } from './support/messages';
import type { Page } from '@playwright/test';

declare const chrome: Chrome;

const SECRET = `amzn1.oa2-cs.v1.${'c0ffee42'.repeat(8)}`;
const REFRESH_TOKEN = 'Atzr|IQEBLzAtAhRPe2e-only-token-0123456789';

async function createVaultThroughUi(popup: Page) {
  await expect(popup.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByLabel('Repeat passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await expect(popup.getByRole('button', { name: 'Lock now' })).toBeVisible();
}

async function unlockThroughUi(popup: Page, passphrase = PASSPHRASE) {
  await expect(popup.getByRole('heading', { name: 'Vault locked' })).toBeVisible();
  await popup.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await popup.getByRole('button', { name: 'Unlock' }).click();
}

test('first run creates a vault, locks and unlocks it from the popup', async ({ openPopup }) => {
  const popup = await openPopup();
  await createVaultThroughUi(popup);
  await popup.getByRole('button', { name: 'Lock now' }).click();
  await unlockThroughUi(popup);
  await expect(popup.getByRole('button', { name: 'Lock now' })).toBeVisible();
});

test('refuses a weak passphrase and two passphrases that differ', async ({ openPopup }) => {
  const popup = await openPopup();
  await popup.getByLabel('Passphrase', { exact: true }).fill('short');
  await expect(popup.getByRole('button', { name: 'Create vault' })).toBeDisabled();
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByLabel('Repeat passphrase', { exact: true }).fill(`${PASSPHRASE}!`);
  await expect(popup.getByText('The passphrases differ.')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Create vault' })).toBeDisabled();
});

test('a wrong passphrase says so and changes nothing', async ({ openPopup }) => {
  const popup = await openPopup();
  await createVaultThroughUi(popup);
  await send(popup, 'entries.create', { meta: { alias: 'Cleo DE', kind: 'seller', region: 'EU' }, secrets: { clientSecret: SECRET } });
  await popup.getByRole('button', { name: 'Lock now' }).click();

  await unlockThroughUi(popup, 'not the passphrase at all');
  await expect(popup.getByRole('alert')).toHaveText('That passphrase is not right.');
  await expect(popup.getByRole('heading', { name: 'Vault locked' })).toBeVisible();

  await unlockThroughUi(popup);
  await expect(popup.getByRole('button', { name: 'Lock now' })).toBeVisible();
  const entry = await send(popup, 'entries.list');
  const view = await send(popup, 'entries.get', { id: entry.entries[0]!.id });
  expect(view.secrets.clientSecret).toBe(SECRET);
});

test('a restarted service worker stays unlocked', async ({ openPopup, restartServiceWorker }) => {
  const popup = await openPopup();
  await createVaultThroughUi(popup);
  const before = await restartServiceWorker();
  expect(await before.evaluate(() => chrome.runtime.onMessage.hasListeners())).toBe(true);
  expect(await send(popup, 'vault.status')).toMatchObject({ exists: true, unlocked: true });
});

test('a browser restart locks the vault and keeps its data', async ({ extension, openPopup, restartBrowser }) => {
  const popup = await openPopup();
  await createVaultThroughUi(popup);
  await send(popup, 'entries.create', { meta: { alias: 'ShopCtrl 1P', kind: 'vendor', region: 'EU' }, secrets: { clientSecret: SECRET } });

  await restartBrowser();
  const again = await extension.openPopup();
  await unlockThroughUi(again);
  await expect(again.getByRole('button', { name: 'Lock now' })).toBeVisible();
  const list = await send(again, 'entries.list');
  expect(list.entries.map((e) => e.alias)).toEqual(['ShopCtrl 1P']);
});

test('IndexedDB and extension storage hold no plaintext of a saved secret', async ({ openPopup }) => {
  const popup = await openPopup();
  await createVaultThroughUi(popup);
  await send(popup, 'entries.create', {
    meta: { alias: 'ShopCtrl 1P', kind: 'vendor', region: 'EU' },
    secrets: { clientSecret: SECRET, refreshToken: REFRESH_TOKEN, notes: 'kept in the vault' },
  });

  // Extension pages share the service worker's origin, so the popup page sees the same raw database.
  const raw = await popup.evaluate(async () => {
    const dump: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        dump.push({ store, rows });
      }
      db.close();
    }
    const local = await chrome.storage.local.get(null);
    const session = await chrome.storage.session.get(null);
    return JSON.stringify({ dump, local, session });
  });
  expect(raw).toContain('ShopCtrl 1P'); // metadata stays readable: the dump really holds the entry
  for (const plaintext of [SECRET, 'c0ffee42c0ffee42', REFRESH_TOKEN, 'kept in the vault']) {
    expect(raw).not.toContain(plaintext);
  }
});

test('changing the passphrase re-wraps the key: the old one stops unlocking', async ({ openPopup }) => {
  const popup = await openPopup();
  await createVaultThroughUi(popup);
  const next = 'saffron glacier tandem orchid';
  await popup.getByRole('tab', { name: 'Settings' }).click();
  await popup.getByLabel('Current passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByLabel('New passphrase', { exact: true }).fill(next);
  await popup.getByLabel('Repeat new passphrase', { exact: true }).fill(next);
  await popup.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(popup.getByText('Passphrase changed.')).toBeVisible();

  await popup.getByRole('button', { name: 'Lock now' }).click();
  await unlockThroughUi(popup, PASSPHRASE);
  await expect(popup.getByRole('alert')).toHaveText('That passphrase is not right.');
  await unlockThroughUi(popup, next);
  await expect(popup.getByRole('button', { name: 'Lock now' })).toBeVisible();
});

test('auto-lock follows the setting: an idle alarm, or none for "only when the browser closes"', async ({ openPopup, worker }) => {
  const popup = await openPopup();
  await createVaultThroughUi(popup);
  const alarm = () => worker.evaluate(() => chrome.alarms.get('auto-lock'));
  const defaultAlarm = await alarm();
  expect(defaultAlarm?.scheduledTime).toBeGreaterThan(Date.now() + 14 * 60_000);

  await popup.getByRole('tab', { name: 'Settings' }).click();
  await popup.getByLabel('Lock the vault').selectOption({ label: 'After 1 minute idle' });
  await expect.poll(async () => (await alarm())?.scheduledTime ?? 0).toBeLessThan(Date.now() + 61_000);

  await popup.getByLabel('Lock the vault').selectOption({ label: 'Only when the browser closes' });
  await expect.poll(alarm).toBeUndefined();
  expect(await send(popup, 'vault.status')).toMatchObject({ unlocked: true });
});
