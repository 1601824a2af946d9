import '../../platform/zod-jitless';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackupHandlers } from '../../features/backup/handlers';
import { createDetectHandlers } from '../../features/rotation-watch/handlers';
import { createRotationHandlers } from '../../features/entries/rotate-handlers';
import { createVaultHandlers } from '../../features/vault/handlers';
import { registerCaptureWatcher } from '../../features/authorize/background';
import { CLIPBOARD_ALARM, createClipboardClearer } from '../../platform/clipboard/clear-schedule';
import { clipboardHandlersFor } from '../../platform/clipboard/handlers';
import { clearClipboardFromBackground } from '../../platform/clipboard/offscreen';
import { createBackgroundClock, refreshQuietly, ROTATION_CLOCK_ALARM, startRotationClock } from '../../features/deadlines/background-clock';
import { notifyOnChange } from '../../features/deadlines/vault-watch';
import { sightingStorage } from '../../features/rotation-watch/storage';
import { createSightingStore } from '../../features/rotation-watch/sightings';
import { route } from '../../platform/router';
import { classifySender, originOf } from '../../platform/sender';
import { browserShopCtrlTabs } from '../../features/shopctrl/tabs';
import { budgeted, lastDeriveMsItem, pendingClipboardClearsItem, SESSION_BUDGETS, sessionVaultKeyItem, settings } from '../../platform/storage-items';
import { armAutoLock, AUTO_LOCK_ALARM, createIdleToucher, disarmAutoLock } from '../../features/vault/auto-lock';
import { drafts } from '../../features/entries/drafts';
import { openVaultDb } from '../../features/vault/db';
import { sessionKeyStore } from '../../features/vault/session-key-store';
import { createVaultService } from '../../features/vault/vault';

export default defineBackground(() => {
  // The database promise is created once and passed around; every listener registers synchronously below.
  const db = openVaultDb();
  // Every entry change repaints the badge, whichever feature made it.
  const vault = notifyOnChange(
    createVaultService({ openDb: () => db, keyStore: sessionKeyStore, now: Date.now }),
    () => void refreshQuietly(rotation.clock),
  );
  // Rotation clock (issue #3): badge and reminders from metadata alone, so they work while the vault is locked.
  const rotation = createBackgroundClock({
    listEntries: () => vault.listEntries(),
    thresholds: async () => (await settings.get()).reminderThresholds,
  });
  startRotationClock(rotation.clock, rotation.notifier);
  const touch = createIdleToucher({
    isUnlocked: async () => (await vault.status()).unlocked,
    minutes: async () => (await settings.get()).autoLockMinutes,
    arm: armAutoLock,
  });
  const clipboard = createClipboardClearer({
    delaySeconds: async () => (await settings.get()).clipboardClearSeconds,
    pending: { get: () => pendingClipboardClearsItem.getValue(), set: (v) => pendingClipboardClearsItem.setValue(v) },
    clearIfHolds: clearClipboardFromBackground,
    alarm: {
      create: async (when) => browser.alarms.create(CLIPBOARD_ALARM, { when }),
      clear: async () => void (await browser.alarms.clear(CLIPBOARD_ALARM)),
    },
    now: Date.now,
  });

  // Redirect watcher (issue #4): registers its webNavigation, tabs, alarm and notification listeners now;
  // it reaches the vault only through the entries handlers below.
  const capture = registerCaptureWatcher({ entries: () => handlers, restoreBadge: () => refreshQuietly(rotation.clock) });
  const handlers = {
    ...createVaultHandlers({
      vault,
      settings,
      lastDeriveMs: { get: () => lastDeriveMsItem.getValue(), set: (v) => lastDeriveMsItem.setValue(v) },
      autoLock: { disarm: disarmAutoLock },
      touch,
      onLocked: () => drafts.discardAll(),
    }),
    ...createRotationHandlers({ vault, clock: rotation.clock, now: Date.now, touch }),
    ...createBackupHandlers({
      vault,
      thresholds: async () => (await settings.get()).reminderThresholds,
      now: Date.now,
      touch,
    }),
    ...capture.handlers,
  };
  const alarms: Record<string, () => Promise<unknown>> = {
    [AUTO_LOCK_ALARM]: async () => {
      await vault.lock();
      await drafts.discardAll();
    },
    [CLIPBOARD_ALARM]: () => clipboard.clearIfDue(),
    [ROTATION_CLOCK_ALARM]: () => refreshQuietly(rotation.clock),
  };
  const extensionOrigin = originOf(browser.runtime.getURL('/'));
  // Rotation capture (issue #5): secrets the content script reports, the panel's actions, the ShopCtrl hand-off.
  const detect = createDetectHandlers({
    vault,
    sightings: createSightingStore(
      { get: sightingStorage.get, set: budgeted(sightingStorage.set, SESSION_BUDGETS.sightings, 'rotation sightings') },
      Date.now,
    ),
    shopCtrl: browserShopCtrlTabs(browser),
    extensionOrigin,
    now: Date.now,
    newId: () => crypto.randomUUID(),
  });
  // A save asked for while locked completes as soon as the vault is unlocked.
  sessionVaultKeyItem.watch((key) => void (key && detect.completePendingSaves()));

  browser.runtime.onMessage.addListener((message, sender) => {
    if ((message as { target?: string } | null)?.target === 'offscreen') return undefined; // not ours to answer
    const trust = classifySender(sender, browser.runtime.id, extensionOrigin);
    return route(message, trust, { ...handlers, ...detect.forSender(sender), ...clipboardHandlersFor(clipboard, sender, extensionOrigin) });
  });
  browser.alarms.onAlarm.addListener((alarm) => void alarms[alarm.name]?.());
});
