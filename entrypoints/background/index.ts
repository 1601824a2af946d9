import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createVaultHandlers } from '../../utils/background/vault-handlers';
import { CLIPBOARD_ALARM, createClipboardClearer } from '../../utils/clipboard/clear-schedule';
import { clearClipboardFromBackground } from '../../utils/clipboard/offscreen';
import { route } from '../../utils/router';
import { classifySender, originOf } from '../../utils/sender';
import { lastDeriveMsItem, pendingClipboardClearItem, settings } from '../../utils/storage-items';
import { armAutoLock, AUTO_LOCK_ALARM, disarmAutoLock } from '../../utils/vault/auto-lock';
import { openVaultDb } from '../../utils/vault/db';
import { sessionKeyStore } from '../../utils/vault/session-key-store';
import { createVaultService } from '../../utils/vault/vault';

export default defineBackground(() => {
  // The database promise is created once and passed around; every listener registers synchronously below.
  const db = openVaultDb();
  const vault = createVaultService({ openDb: () => db, keyStore: sessionKeyStore, now: Date.now });
  const clipboard = createClipboardClearer({
    delaySeconds: async () => (await settings.get()).clipboardClearSeconds,
    pending: { get: () => pendingClipboardClearItem.getValue(), set: (v) => pendingClipboardClearItem.setValue(v) },
    clearIfHolds: clearClipboardFromBackground,
    alarm: {
      create: async (when) => browser.alarms.create(CLIPBOARD_ALARM, { when }),
      clear: async () => void (await browser.alarms.clear(CLIPBOARD_ALARM)),
    },
    now: Date.now,
  });

  const handlers = {
    ...createVaultHandlers({
      vault,
      settings,
      lastDeriveMs: { get: () => lastDeriveMsItem.getValue(), set: (v) => lastDeriveMsItem.setValue(v) },
      autoLock: { arm: armAutoLock, disarm: disarmAutoLock },
    }),
    'clipboard.copied': ({ hash }: { hash: string }) => clipboard.copied(hash),
  };
  const alarms: Record<string, () => Promise<unknown>> = {
    [AUTO_LOCK_ALARM]: () => vault.lock(),
    [CLIPBOARD_ALARM]: () => clipboard.clearIfDue(),
  };
  const extensionOrigin = originOf(browser.runtime.getURL('/'));

  browser.runtime.onMessage.addListener((message, sender) => {
    if ((message as { target?: string } | null)?.target === 'offscreen') return undefined; // not ours to answer
    return route(message, classifySender(sender, browser.runtime.id, extensionOrigin), handlers);
  });
  browser.alarms.onAlarm.addListener((alarm) => void alarms[alarm.name]?.());
});
