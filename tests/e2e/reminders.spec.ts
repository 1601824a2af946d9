import type { Worker } from '@playwright/test';
import { expect, test, type Chrome } from './fixtures';
import { DAY } from './support/clock';
import { createVault, seedEntry, send } from './support/messages';

declare const chrome: Chrome;

interface LastRun {
  at: number;
  badgeText: string;
  shown: string[];
}

/** The clock's last run as the worker recorded it (ids and badge only, never a secret). */
const lastRun = (worker: Worker) =>
  worker.evaluate(async () => (await chrome.storage.session.get('lastRotationClockRun')).lastRotationClockRun as LastRun | undefined);

const shownNotifications = (worker: Worker) => worker.evaluate(() => chrome.notifications.getAll());

test('a reminder is shown once, and never again after a worker restart or a browser restart', async ({ extension, openPopup }) => {
  const popup = await openPopup();
  await createVault(popup);
  const entry = await seedEntry(popup, { alias: 'ShopCtrl 1P', secretExpiresAt: Date.now() + 20 * DAY });
  const id = `lwa-vault-reminder:${entry.id}:secret:30`;
  await expect.poll(async () => Object.keys(await shownNotifications(extension.worker))).toEqual([id]);
  await popup.close();
  await extension.worker.evaluate((n) => chrome.notifications.clear(n), id); // the user dismisses it

  const started = Date.now();
  const worker = await extension.restartServiceWorker();
  await expect.poll(async () => (await lastRun(worker))?.at ?? 0).toBeGreaterThan(started);
  expect((await lastRun(worker))?.shown).toEqual([]);
  expect(await shownNotifications(worker)).toEqual({});

  await extension.restart(); // storage.session is gone, storage.local (the markers) stays
  await expect.poll(async () => (await lastRun(extension.worker))?.at ?? 0).toBeGreaterThan(started);
  expect((await lastRun(extension.worker))?.shown).toEqual([]);
  expect(await shownNotifications(extension.worker)).toEqual({});
  expect((await lastRun(extension.worker))?.badgeText).toBe('20d');
});

test('after a long absence only the most severe pending reminder of an entry is shown', async ({ extension, openPopup }) => {
  const popup = await openPopup();
  await createVault(popup);
  // Expired an hour ago: 90, 60, 30, 15, 7 and 1 day were never shown. One notification: overdue.
  const entry = await seedEntry(popup, { alias: 'Cleo DE', secretExpiresAt: Date.now() - 3_600_000, authorizedAt: Date.now() - 360 * DAY });
  await expect.poll(async () => Object.keys(await shownNotifications(extension.worker))).toEqual([`lwa-vault-reminder:${entry.id}:secret:0`]);
  const markers = await extension.worker.evaluate(async () => (await chrome.storage.local.get('reminderMarkers')).reminderMarkers as Record<string, { sent: number[] }>);
  expect(markers[`${entry.id}\u0000secret`]?.sent).toEqual([90, 60, 30, 15, 7, 1, 0]);
  expect(markers[`${entry.id}\u0000authorization`]?.sent).toEqual([90, 60, 30, 15, 7]);
  await send(popup, 'vault.lock');
});

test('the reminder thresholds are chosen in Settings and used by the next run', async ({ extension, openPopup }) => {
  const popup = await openPopup();
  await createVault(popup);
  await popup.reload();
  await popup.getByRole('tab', { name: 'Settings' }).click();
  const remind = popup.getByRole('group', { name: 'Remind me' });
  await expect(remind.getByRole('checkbox', { name: '90 days before' })).toBeChecked();
  // Amazon's cadence is the default (docs/amazon.md §4); 3 days before is an extra choice.
  for (const days of [60, 30, 15, 7, 1]) await expect(remind.getByRole('checkbox', { name: `${days} day${days === 1 ? '' : 's'} before` })).toBeChecked();
  await expect(remind.getByRole('checkbox', { name: '3 days before' })).not.toBeChecked();
  await remind.getByRole('checkbox', { name: '3 days before' }).check();
  await remind.getByRole('checkbox', { name: '30 days before' }).uncheck();
  await expect.poll(async () => (await send(popup, 'settings.get')).reminderThresholds).toEqual([90, 60, 15, 7, 3, 1, 0]);

  const entry = await seedEntry(popup, { alias: 'Three days', secretExpiresAt: Date.now() + 2 * DAY + 6 * 3_600_000 });
  await expect.poll(async () => Object.keys(await shownNotifications(extension.worker))).toEqual([`lwa-vault-reminder:${entry.id}:secret:3`]);
});
