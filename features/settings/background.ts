import type { BackgroundFeature } from '../../platform/background-feature';
import { settings } from '../../platform/storage-items';
import { createSettingsHandlers } from './handlers';

export function settingsBackground({ touch }: { touch: () => Promise<void> }): BackgroundFeature<'settings.get' | 'settings.set'> {
  return { handlers: createSettingsHandlers({ settings, touch }) };
}
