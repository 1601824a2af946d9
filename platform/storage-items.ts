import { storage } from 'wxt/utils/storage';
import { VaultError } from './errors';
import type { PendingClear } from './clipboard/clear-schedule';

// The storage the plumbing itself needs, and the one list of storage.session budgets. Each feature declares its
// own items beside its code (`features/<name>/storage.ts`), so this file depends on no feature.

/**
 * The unlocked vault key (base64 of 32 raw bytes). `storage.session` lives in memory only, is cleared when the
 * browser closes, and by default is not readable from content scripts — so a restarted service worker stays
 * unlocked while a browser restart locks.
 */
export const sessionVaultKeyItem = storage.defineItem<string>('session:vaultKey');

/** Every copy waiting to be cleared: only hashes, never a copied value. */
export const pendingClipboardClearsItem = storage.defineItem<PendingClear[]>('session:pendingClipboardClears', { fallback: [] });

/**
 * Byte budgets (JSON size) for every optional user of `storage.session`. Together they stay far below Chrome's
 * 10 MB quota, so the two essential writes — the unlocked vault key and the clipboard schedule, a few hundred
 * bytes each — always fit, whatever a page makes the optional ones hold.
 */
export const SESSION_BUDGETS = {
  /** Pending authorizations and captures (features/authorize): 50 verified + 5 unverified Result URLs ≤ 4 KB. */
  capture: 400_000,
  /** Consent-step tabs (features/authorize/consent-tabs.ts). */
  captureTabs: 8_000,
  /** Rotation sightings (features/rotation-watch). */
  sightings: 400_000,
  /** One editor draft (features/entries/drafts.ts); at most MAX_DRAFTS of them. */
  draft: 100_000,
} as const;

/** What a value costs in storage.session, near enough: Chrome counts the key plus the JSON of the value. */
export function sessionBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

/** The storage area's `set`, refusing a value over its budget (nothing is written then). */
export function budgeted<T>(set: (value: T) => Promise<void>, bytes: number, what: string): (value: T) => Promise<void> {
  return async (value) => {
    if (sessionBytes(value) > bytes) {
      throw new VaultError('bad-request', `LWA Vault keeps at most ${Math.round(bytes / 1000)} KB of ${what} in memory; this would exceed it, so it was not stored.`);
    }
    await set(value);
  };
}
