import { applyRotationNotification } from './apply-notification';
import { exportBackup } from './export-backup';
import { importBackup } from './import-backup';
import { createProgressReporter, type ProgressReporter } from './progress';
import type { BackupProgress } from './protocol';
import { VaultError } from '../../platform/errors';
import type { Handlers } from '../../platform/router';
import type { VaultService } from '../vault/vault';

export interface BackupHandlerDeps {
  vault: Pick<VaultService, 'status' | 'listEntries' | 'getEntry' | 'events' | 'modifyEntry' | 'modifyEntries'>;
  now: () => number;
  touch: () => Promise<void>;
  progress?: (operation: BackupProgress['operation']) => ProgressReporter;
  /** Export KDF cost and import floor; only tests lower them. */
  iterations?: number;
  minIterations?: number;
}

type BackupHandlers = Pick<Handlers, 'backup.export' | 'backup.import' | 'backup.applyNotification'>;

export function createBackupHandlers(deps: BackupHandlerDeps): BackupHandlers {
  const progress = deps.progress ?? ((operation) => createProgressReporter(operation));
  let busy = false;
  const alone = async <T>(task: () => Promise<T>): Promise<T> => {
    if (busy) throw new VaultError('bad-request', 'An export or import is already running. Wait for it to finish.');
    busy = true;
    try {
      return await task();
    } finally {
      busy = false;
    }
  };

  return {
    'backup.export': async ({ data: { passphrase } }) => {
      await deps.touch();
      return alone(() =>
        exportBackup({ vault: deps.vault, now: deps.now, iterations: deps.iterations, progress: progress('export') }, passphrase),
      );
    },
    'backup.import': async ({ data: { text, passphrase } }) => {
      await deps.touch();
      return alone(() =>
        importBackup(
          { vault: deps.vault, now: deps.now, minIterations: deps.minIterations, progress: progress('import') },
          text,
          passphrase,
        ),
      );
    },
    'backup.applyNotification': async ({ data: { text } }) => {
      await deps.touch();
      return applyRotationNotification(deps.vault, text);
    },
  };
}
