import { storage } from 'wxt/utils/storage';
import type { PendingClear } from './clipboard/clear-schedule';
import { DEFAULT_SETTINGS, type Settings } from './vault/protocol';

const storedSettingsItem = storage.defineItem<Partial<Settings>>('local:settings', { fallback: {} });

/** User preferences, with defaults filled in for settings added after they were first stored. */
export const settings = {
  get: async (): Promise<Settings> => ({ ...DEFAULT_SETTINGS, ...(await storedSettingsItem.getValue()) }),
  set: (value: Settings) => storedSettingsItem.setValue(value),
};

/** How long the last key derivation took here, so the unlock screen can show honest progress. */
export const lastDeriveMsItem = storage.defineItem<number>('local:lastDeriveMs', { fallback: 0 });

/**
 * The unlocked vault key (base64 of 32 raw bytes). `storage.session` lives in memory only, is cleared when the
 * browser closes, and by default is not readable from content scripts — so a restarted service worker stays
 * unlocked while a browser restart locks.
 */
export const sessionVaultKeyItem = storage.defineItem<string>('session:vaultKey');

/** Every copy waiting to be cleared: only hashes, never a copied value. */
export const pendingClipboardClearsItem = storage.defineItem<PendingClear[]>('session:pendingClipboardClears', { fallback: [] });
