import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLOCK_PERIOD_MINUTES, refreshQuietly, ROTATION_CLOCK_ALARM } from '../../../features/deadlines/background-clock';
import { lastClockRunItem, reminderMarkersItem } from '../../../features/deadlines/storage';
import { deadlinesBackground } from '../../../features/deadlines/background';
import { DEFAULT_SETTINGS } from '../../../features/settings/protocol';
import { listen } from '../../../platform/background-feature';
import type { Handlers } from '../../../platform/router';
import { settings } from '../../../features/settings/storage';
import { reminderNotificationId, SUMMARY_NOTIFICATION_ID } from '../../../features/deadlines/reminder-notifications';
import { captureStateItem } from '../../../features/authorize/storage';
import { notifyOnChange } from '../../../features/vault/notify-on-change';
import { DAY } from '../support/time';
import type { StoredEntry } from '../../../features/vault/schema';
import { PASSPHRASE, readRecord, sampleMeta, setupVault, writeRecord } from '../vault/helpers';

const NOW = Date.UTC(2027, 2, 1, 9, 0);

/** One worker start: the deadlines feature over the vault, its listeners registered as the background main does. */
async function startWorker(vault: { listEntries(): Promise<{ entries: never[] } | { entries: unknown[] }> }, thresholds = [90, 30, 7, 1, 0]) {
  await lastClockRunItem.setValue(null);
  await settings.set({ ...DEFAULT_SETTINGS, reminderThresholds: thresholds });
  const deadlines = deadlinesBackground({ vault: vault as never });
  listen([deadlines], deadlines.handlers as Handlers);
  const { clock } = deadlines;
  await vi.waitFor(async () => expect(await lastClockRunItem.getValue()).not.toBeNull());
  return clock;
}

async function lockedVaultWith(...expiries: number[]) {
  const { vault } = setupVault({ now: () => NOW });
  await vault.create(PASSPHRASE);
  const metas = [];
  for (const [i, expiresAt] of expiries.entries()) {
    metas.push(await vault.createEntry({ ...sampleMeta, alias: `Entry ${i + 1}`, secretExpiresAt: expiresAt }, { clientSecret: `s${i}` }));
  }
  await vault.lock();
  return { vault, metas };
}

describe('toolbar badge and reminders in the background', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('paints the badge while the vault is locked and names the due entries in the tooltip', async () => {
    const { vault } = await lockedVaultWith(NOW + 7 * DAY + 3_600_000, NOW + 60 * DAY);
    await startWorker(vault);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('7d');
    expect(await fakeBrowser.action.getTitle({})).toBe('LWA Vault — due: Entry 1 secret in 7 days');
    expect(await fakeBrowser.action.getBadgeTextColor({})).toBe('#FFFFFF');
  });

  it('creates the hourly alarm at start and does not push it back on the next worker start', async () => {
    const { vault } = await lockedVaultWith();
    await startWorker(vault);
    const alarm = await fakeBrowser.alarms.get(ROTATION_CLOCK_ALARM);
    expect(alarm).toMatchObject({ periodInMinutes: CLOCK_PERIOD_MINUTES });
    vi.setSystemTime(NOW + 600_000);
    const clock = await startWorker(vault);
    expect((await fakeBrowser.alarms.get(ROTATION_CLOCK_ALARM))?.scheduledTime).toBe(alarm!.scheduledTime);
    await fakeBrowser.alarms.clearAll(); // a browser restart may drop alarms: onStartup brings it back
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(ROTATION_CLOCK_ALARM)).toBeDefined());
    await clock.refresh();
  });

  it('shows a reminder once, and not again after a worker restart or a browser start', async () => {
    const { vault, metas } = await lockedVaultWith(NOW + 20 * DAY);
    await startWorker(vault);
    const id = reminderNotificationId({ entryId: metas[0]!.id, deadlineKind: 'secret', threshold: 30 });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([id]);
    expect(fakeBrowser.notifications.getAllCreateOptions()[id]).toMatchObject({ title: 'Client secret expires in 20 days' });
    await fakeBrowser.notifications.clear(id);

    const clock = await startWorker(vault); // a new worker on the same storage.local
    await fakeBrowser.runtime.onStartup.trigger();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await clock.refresh(); // after the runs the two events asked for
    expect((await lastClockRunItem.getValue())?.shown).toEqual([]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(Object.keys(await reminderMarkersItem.getValue())).toHaveLength(1);
  });

  it('opens the entry in a tab when its reminder is clicked', async () => {
    const { vault, metas } = await lockedVaultWith(NOW + 5 * DAY);
    await startWorker(vault);
    const id = reminderNotificationId({ entryId: metas[0]!.id, deadlineKind: 'secret', threshold: 7 });
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(async () => {
      const tabs = await fakeBrowser.tabs.query({});
      expect(tabs.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL(`/popup.html?popout=1#entry=${metas[0]!.id}` as never));
    });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('folds many reminders at once into a few notifications and a summary', async () => {
    const { vault } = await lockedVaultWith(...Array.from({ length: 9 }, (_, i) => NOW + (i + 1) * DAY));
    await startWorker(vault);
    const ids = Object.keys(await fakeBrowser.notifications.getAll());
    expect(ids).toHaveLength(4);
    expect(ids).toContain(SUMMARY_NOTIFICATION_ID);
    expect(fakeBrowser.notifications.getAllCreateOptions()[SUMMARY_NOTIFICATION_ID]).toMatchObject({ title: '6 more LWA Vault deadlines need attention' });
  });

  it('repaints after every entry change made through the vault', async () => {
    const { vault } = setupVault({ now: () => Date.now() });
    await vault.create(PASSPHRASE);
    const clock = await startWorker(vault);
    const watched = notifyOnChange(vault, () => void refreshQuietly(clock));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    const meta = await watched.createEntry({ ...sampleMeta, secretExpiresAt: NOW - 1 }, {});
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('!'));
    await watched.updateEntry(meta.id, { secretExpiresAt: NOW + 3 * DAY }, {});
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('3d'));
    await watched.deleteEntry(meta.id);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
  });

  it('a record stored before hasSecret is Date unknown while locked, and the repaint at unlock follows its flag', async () => {
    const { vault, name } = setupVault({ now: () => Date.now() });
    await vault.create(PASSPHRASE);
    const meta = await vault.createEntry({ ...sampleMeta, alias: 'Old, no secret' }, {});
    const record = (await readRecord(name, 'entries', meta.id)) as StoredEntry;
    const { hasSecret: _, ...unflagged } = record.meta;
    await writeRecord(name, 'entries', { ...record, meta: unflagged });
    await vault.lock();
    const clock = await startWorker(vault);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
    await notifyOnChange(vault, () => void refreshQuietly(clock)).unlock(PASSPHRASE);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
  });

  it('leaves the toolbar to a freshly captured Result URL and repaints once it hands it back', async () => {
    const { vault } = await lockedVaultWith(NOW + 3 * DAY);
    const capture = { id: 'c1', url: 'https://x/cb?spapi_oauth_code=c', code: 'c', capturedAt: NOW - 60_000, storedAt: NOW - 60_000, via: 'navigation', verified: false };
    await captureStateItem.setValue({ pending: [], captures: [capture] } as never);
    await fakeBrowser.action.setBadgeText({ text: '4m' });
    const clock = await startWorker(vault);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4m');
    await captureStateItem.setValue({ pending: [], captures: [] });
    await clock.refresh(); // what the capture watcher's restoreBadge asks for
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3d');
  });
});
