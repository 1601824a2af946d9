import { badgeFor, BADGE_COLORS } from '../../features/deadlines/badge';
import type { EntryMeta } from '../../features/vault/schema';
import { expect, test, type Chrome } from './fixtures';
import { DAY } from './support/clock';
import { createVault, seedEntry, send } from './support/messages';

declare const chrome: Chrome;

const hexToRgba = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

test('the badge counts down from metadata while the vault is locked, after a worker restart', async ({ extension, openPopup }) => {
  const popup = await openPopup();
  await createVault(popup);
  const now = Date.now();
  const due = await seedEntry(popup, { alias: 'ShopCtrl 1P', secretExpiresAt: now + 6 * DAY + 3_600_000 });
  await seedEntry(popup, { alias: 'Calm', secretExpiresAt: now + 60 * DAY });
  await send(popup, 'vault.lock');
  await popup.close();

  // Wipe what the unlocked worker painted: the new worker must paint it again from metadata alone.
  await extension.worker.evaluate(() => chrome.action.setBadgeText({ text: '' }));
  const worker = await extension.restartServiceWorker();
  // Same machine, same zone: the test computes what the badge must say with the shipped function.
  const expected = badgeFor([due as EntryMeta], Date.now());
  expect(expected.text).toMatch(/^[67]d$/);
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe(expected.text);
  expect(await worker.evaluate(() => chrome.action.getTitle({}))).toBe(expected.title);
  expect(await worker.evaluate(() => chrome.action.getBadgeBackgroundColor({}))).toEqual(hexToRgba(BADGE_COLORS.urgent));
  expect(await worker.evaluate(async () => (await chrome.storage.session.get('vaultKey')).vaultKey)).toBeUndefined();
});

test('the badge follows every change: empty, "!" when overdue, days left, empty again', async ({ worker, openPopup }) => {
  const popup = await openPopup();
  await createVault(popup);
  const badge = () => worker.evaluate(() => chrome.action.getBadgeText({}));
  const entry = await seedEntry(popup, { alias: 'Later', secretExpiresAt: Date.now() + 45 * DAY });
  await expect.poll(badge).toBe('');
  expect(await worker.evaluate(() => chrome.action.getTitle({}))).toBe('LWA Vault — nothing due in the next 30 days');

  await send(popup, 'entries.update', { id: entry.id, meta: { secretExpiresAt: Date.now() - 60_000 }, secrets: {} });
  await expect.poll(badge).toBe('!');
  expect(await worker.evaluate(() => chrome.action.getTitle({}))).toBe('LWA Vault — due: Later secret overdue');

  await send(popup, 'entries.update', { id: entry.id, meta: { secretExpiresAt: null }, secrets: {} });
  await expect.poll(badge).toBe('');
  await send(popup, 'entries.update', { id: entry.id, meta: { secretIssuedAt: Date.now() - 170 * DAY }, secrets: {} });
  await expect.poll(badge).toMatch(/^(9|10)d$/);
  await send(popup, 'entries.delete', { id: entry.id });
  await expect.poll(badge).toBe('');
});

test('the hourly alarm exists after install and again after a browser restart', async ({ extension }) => {
  const alarm = () => extension.worker.evaluate(() => chrome.alarms.get('rotation-clock'));
  await expect.poll(async () => (await alarm())?.periodInMinutes).toBe(60);
  await extension.restart();
  await expect.poll(async () => (await alarm())?.periodInMinutes).toBe(60);
});
