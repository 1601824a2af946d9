import type { BackgroundFeature } from '../../platform/background-feature';
import type { VaultService } from '../vault/vault';
import { createBackupHandlers } from './handlers';

export function backupBackground(deps: { vault: VaultService; touch: () => Promise<void> }): BackgroundFeature<
  'backup.export' | 'backup.import' | 'backup.applyNotification'
> {
  return { handlers: createBackupHandlers({ vault: deps.vault, now: Date.now, touch: deps.touch }) };
}
