import type { BackgroundFeature } from '../../platform/background-feature';
import { settings } from './storage';
import { createSettingsHandlers } from './handlers';

export function settingsBackground({ touch }: { touch: () => Promise<void> }): BackgroundFeature<'settings.get' | 'settings.set'> {
  return { handlers: createSettingsHandlers({ settings, touch }) };
}
