import type { BackgroundFeature } from '../../platform/background-feature';
import { settings } from '../settings/storage';
import { lastDeriveMsItem } from './storage';
import { armAutoLock, AUTO_LOCK_ALARM, createIdleToucher, disarmAutoLock } from './auto-lock';
import { openVaultDb } from './db';
import { createVaultHandlers } from './handlers';
import { notifyOnChange } from './notify-on-change';
import { sessionKeyStore } from './session-key-store';
import { pointToolbarAt } from './toolbar-popup';
import { createVaultService } from './vault';

/**
 * The vault: the only owner of the IndexedDB database and the unlocked key. Every entry change, whichever
 * feature made it, is reported to `entriesChanged`; every lock (by hand or by the idle timer) runs `locked`.
 * The toolbar button opens the locked page while the vault is locked (toolbar-popup.ts).
 */
export function vaultBackground(on: { entriesChanged: () => void; locked: () => Promise<void> }) {
  // The database promise is created once and passed around.
  const db = openVaultDb();
  const service = notifyOnChange(createVaultService({ openDb: () => db, keyStore: sessionKeyStore, now: Date.now }), on.entriesChanged);
  const touch = createIdleToucher({
    isUnlocked: async () => (await service.status()).unlocked,
    minutes: async () => (await settings.get()).autoLockMinutes,
    arm: armAutoLock,
  });
  // The toolbar button follows the vault, from the worker's start (a browser restart locks) and after every status
  // reported: one at a time, each reading the status afresh, so the last one set is the latest.
  let pointing = Promise.resolve();
  const pointToolbar = () => (pointing = pointing.then(() => service.status()).then(pointToolbarAt).catch(() => undefined));
  void pointToolbar();
  return {
    service,
    touch,
    handlers: createVaultHandlers({
      vault: service,
      lastDeriveMs: { get: () => lastDeriveMsItem.getValue(), set: (v) => lastDeriveMsItem.setValue(v) },
      autoLock: { disarm: disarmAutoLock },
      touch,
      onLocked: on.locked,
      onStatus: pointToolbar,
    }),
    alarms: {
      [AUTO_LOCK_ALARM]: async () => {
        await service.lock();
        await on.locked();
        await pointToolbar();
      },
    },
  } satisfies BackgroundFeature<keyof ReturnType<typeof createVaultHandlers>> & { service: unknown; touch: unknown };
}
