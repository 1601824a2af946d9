import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './protocol';

const storedSettingsItem = storage.defineItem<Partial<Settings>>('local:settings', { fallback: {} });

/** User preferences, with defaults filled in for settings added after they were first stored. */
export const settings = {
  get: async (): Promise<Settings> => ({ ...DEFAULT_SETTINGS, ...(await storedSettingsItem.getValue()) }),
  set: (value: Settings) => storedSettingsItem.setValue(value),
};
