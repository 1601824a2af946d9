import { VaultError } from '../../platform/errors';
import { assessPassphrase } from '../vault/passphrase';
import type { VaultService } from '../vault/vault';
import { writeBackupFile } from './backup-file';
import { backupFileName, toBackupEvent, type BackupEntry } from './format';
import type { ProgressReporter } from './progress';
import type { ExportReply } from './protocol';

export interface ExportDeps {
  vault: Pick<VaultService, 'status' | 'listEntries' | 'getEntry' | 'events'>;
  now: () => number;
  iterations?: number;
  progress?: ProgressReporter;
}

/**
 * Every entry (metadata, secrets, history and event log) sealed under the export passphrase. Entries that
 * cannot be decrypted are named in the reply, never left out silently.
 */
export async function exportBackup(deps: ExportDeps, passphrase: string): Promise<ExportReply> {
  const strength = assessPassphrase(passphrase);
  if (!strength.ok) throw new VaultError('weak-passphrase', strength.hint);
  if (!(await deps.vault.status()).unlocked) throw new VaultError('locked', 'The vault is locked. Unlock it first.');
  try {
    const { entries: metas, damaged } = await deps.vault.listEntries();
    const entries: BackupEntry[] = [];
    const skipped = [...damaged];
    for (const [index, meta] of metas.entries()) {
      deps.progress?.report('Decrypting entries', index, metas.length);
      try {
        const { secrets } = await deps.vault.getEntry(meta.id);
        const events = (await deps.vault.events(meta.id)).map(toBackupEvent).reverse(); // oldest first
        entries.push({ meta, secrets, events });
      } catch (error) {
        if (!(error instanceof VaultError) || error.code !== 'entry-damaged') throw error;
        skipped.push(meta.alias);
      }
    }
    deps.progress?.report('Encrypting the backup', 0, entries.length);
    const now = deps.now();
    const text = await writeBackupFile(entries, passphrase, {
      now,
      iterations: deps.iterations,
      onProgress: (done, total) => deps.progress?.report('Encrypting the backup', done, total),
    });
    const noun = entries.length === 1 ? 'entry' : 'entries';
    const lost = skipped.length === 0 ? '' : ` ${skipped.length} damaged ${skipped.length === 1 ? 'entry' : 'entries'} could not be exported: ${skipped.join(', ')}.`;
    return { fileName: backupFileName(now), text, exported: entries.length, skipped, message: `Exported ${entries.length} ${noun}.${lost}` };
  } finally {
    await deps.progress?.finish();
  }
}
