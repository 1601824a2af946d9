import { VaultError } from '../../platform/errors';
import type { CurrentEntry, VaultService } from '../vault/vault';
import { readBackupFile } from './backup-file';
import { toBackupEvent, type BackupEntry } from './format';
import { describeImport, emptyCounts, mergeEntry, type EntryWrite, type ImportCounts, type LocalEntry } from './merge';
import type { ProgressReporter } from './progress';
import type { ImportReply } from './protocol';

export interface ImportDeps {
  vault: Pick<VaultService, 'status' | 'events' | 'modifyEntries'>;
  now: () => number;
  minIterations?: number;
  progress?: ProgressReporter;
}

/**
 * Decrypts and checks the whole file, then merges it on the vault's write queue: the plan sees every entry as
 * stored at that moment (a rotation asked for meanwhile waits its turn), and all entries are written in one
 * transaction. A wrong passphrase, a damaged file or a failed write leave the vault exactly as it was.
 */
export async function importBackup(deps: ImportDeps, text: string, passphrase: string): Promise<ImportReply> {
  if (!(await deps.vault.status()).unlocked) throw new VaultError('locked', 'The vault is locked. Unlock it first.');
  const progress = deps.progress;
  try {
    progress?.report('Checking the passphrase', 0, 1);
    const backup = await readBackupFile(text, passphrase, {
      minIterations: deps.minIterations,
      onProgress: (done, total) => progress?.report('Decrypting the backup', done, total),
    });
    let counts = emptyCounts();
    try {
      await deps.vault.modifyEntries(
        backup.entries.map((entry) => entry.meta.id),
        async (current) => {
          const planned = await plan(deps, backup.entries, current);
          counts = planned.counts;
          return planned.writes;
        },
        (done, total) => progress?.report('Saving entries', done, total),
      );
    } catch (error) {
      if (error instanceof VaultError) throw error;
      throw new VaultError('internal', 'The import could not be written, so nothing was imported. Your vault is unchanged.');
    }
    return { counts, message: describeImport(counts) };
  } finally {
    await progress?.finish();
  }
}

async function plan(
  deps: ImportDeps,
  imported: readonly BackupEntry[],
  current: ReadonlyMap<string, CurrentEntry>,
): Promise<{ writes: EntryWrite[]; counts: ImportCounts }> {
  const now = deps.now();
  const counts = emptyCounts();
  const writes: EntryWrite[] = [];
  for (const [index, entry] of imported.entries()) {
    deps.progress?.report('Comparing with your vault', index, imported.length);
    const result = mergeEntry(await localOf(deps, entry.meta.id, current.get(entry.meta.id)), entry, now);
    counts[result.outcome] += 1;
    if (result.write) writes.push(result.write);
  }
  return { writes, counts };
}

async function localOf(deps: ImportDeps, id: string, stored: CurrentEntry | undefined): Promise<LocalEntry> {
  if (!stored || stored.state !== 'present') return stored ?? { state: 'absent' };
  const events = (await deps.vault.events(id)).map(toBackupEvent);
  return { state: 'present', meta: stored.meta, secrets: stored.secrets, events };
}
