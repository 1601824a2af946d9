import { storage } from 'wxt/utils/storage';
import { VaultError } from './errors';
import type { PendingClear } from './clipboard/clear-schedule';
import { DEFAULT_SETTINGS, type Settings } from '../features/settings/protocol';
import type { BackupProgress } from '../features/backup/protocol';
import type { ReminderMarkers } from '../features/deadlines/reminders';
import type { TabCommits } from '../features/authorize/consent-tabs';
import type { CaptureState } from '../features/authorize/model';
import { captureSettingsSchema, DEFAULT_CAPTURE_SETTINGS, type CaptureSettings } from '../features/authorize/settings';
import type { Sighting, SightingStorage } from '../features/rotation-watch/sightings';

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

// Authorize
/**
 * Pending authorizations and captured Result URLs: `storage.session` only (memory, cleared when the browser
 * closes, not readable by content scripts), so they survive popup closes and worker restarts, and nothing
 * else. The wizard watches this key for live updates.
 */
export const CAPTURE_STATE_KEY = 'capture';
export const captureStateItem = storage.defineItem<CaptureState>(`session:${CAPTURE_STATE_KEY}`);

/** Tabs whose last committed page was Amazon's consent step (consent-tabs.ts): tab ids and times only. */
export const captureTabsItem = storage.defineItem<TabCommits>('session:captureTabs');

const storedSettings = storage.defineItem<Partial<CaptureSettings>>('local:captureSettings', { fallback: {} });

/** Capture options (no secrets): token exchange on/off and its endpoint, incognito preference. */
export const captureSettingsItem = {
  get: async (): Promise<CaptureSettings> => {
    const merged = { ...DEFAULT_CAPTURE_SETTINGS, ...(await storedSettings.getValue()) };
    return captureSettingsSchema.safeParse(merged).success ? merged : DEFAULT_CAPTURE_SETTINGS;
  },
  set: (value: CaptureSettings) => storedSettings.setValue(value),
};

/** Tabs opened in incognito (ids only), so a suspended worker still knows which captures end with the session. */
export const incognitoTabsItem = storage.defineItem<number[]>('session:captureIncognitoTabs', { fallback: [] });

// Rotation watch
/** Sightings live in storage.session: memory only, cleared with the browser, not readable by content scripts. */
const sightingsItem = storage.defineItem<Record<string, Sighting>>('session:rotationSightings', { fallback: {} });

export const sightingStorage: SightingStorage = {
  get: () => sightingsItem.getValue(),
  set: (value) => sightingsItem.setValue(value),
};

// Deadlines
/** Thresholds already shown per entry and deadline; in storage.local so no restart repeats a reminder. */
export const reminderMarkersItem = storage.defineItem<ReminderMarkers>('local:reminderMarkers', { fallback: {} });

/** The last run, for diagnostics and tests: no secrets, only ids and the badge. */
export interface LastClockRun {
  at: number;
  badgeText: string;
  shown: string[];
}
export const lastClockRunItem = storage.defineItem<LastClockRun | null>('session:lastRotationClockRun', { fallback: null });

// Backup
/** The running export or import, for the Backup screen's progress bar (storage.session: extension pages only). */
export const backupProgressItem = storage.defineItem<BackupProgress | null>('session:backupProgress', { fallback: null });

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
