import type { Handlers } from '../../platform/router';
import type { Settings } from './protocol';

export interface SettingsDeps {
  settings: { get(): Promise<Settings>; set(value: Settings): Promise<void> };
  /** Re-arms the auto-lock timer: a new auto-lock choice applies from now. */
  touch: () => Promise<void>;
}

export function createSettingsHandlers({ settings, touch }: SettingsDeps): Pick<Handlers, 'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => settings.get(),
    'settings.set': async ({ data: patch }) => {
      const next = { ...(await settings.get()), ...patch };
      await settings.set(next);
      await touch();
      return next;
    },
  };
}
