import { storage } from 'wxt/utils/storage';
import type { TabCommits } from './consent-tabs';
import type { CaptureState } from './model';
import { captureSettingsSchema, DEFAULT_CAPTURE_SETTINGS, type CaptureSettings } from './settings';

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
