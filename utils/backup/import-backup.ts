import { VaultError } from '../errors';
import type { VaultService } from '../vault/vault';
import { readBackupFile } from './backup-file';
import { toBackupEvent, type BackupEntry } from './format';
import { describeImport, emptyCounts, mergeEntry, type EntryWrite, type ImportCounts, type LocalEntry } from './merge';
import type { ProgressReporter } from './progress';
import type { ImportReply } from './protocol';
import { VaultChangedError } from './vault-writer';

export interface ImportDeps {
  vault: Pick<VaultService, 'status' | 'listEntries' | 'getEntry' | 'events'>;
  /** Writes all entries in one transaction or none (see vault-writer). */
  commit: (writes: readonly EntryWrite[], onProgress: (done: number, total: number) => void) => Promise<void>;
  /** The stored record's version tag (see vault-writer), read before decrypting it. */
  versionTag?: (id: string) => Promise<string | undefined>;
  now: () => number;
  minIterations?: number;
  progress?: ProgressReporter;
  /** Called after a successful write, e.g. to repaint the badge. */
  changed?: () => void;
}

const ATTEMPTS = 3;

/**
 * Decrypts and checks the whole file, plans the merge against the vault, then writes everything at once.
 * A wrong passphrase, a damaged file or a failed write leave the vault exactly as it was.
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
    for (let attempt = 1; ; attempt++) {
      const { writes, counts } = await plan(deps, backup.entries);
      try {
        await deps.commit(writes, (done, total) => progress?.report('Saving entries', done, total));
        if (writes.length > 0) deps.changed?.();
        return { counts, message: describeImport(counts) };
      } catch (error) {
        if (!(error instanceof VaultChangedError)) throw error;
        if (attempt >= ATTEMPTS) {
          throw new VaultError('internal', 'The vault kept changing during the import, so nothing was imported. Try again.');
        }
      }
    }
  } finally {
    await progress?.finish();
  }
}

async function plan(deps: ImportDeps, imported: readonly BackupEntry[]): Promise<{ writes: EntryWrite[]; counts: ImportCounts }> {
  const { entries, damaged } = await deps.vault.listEntries();
  const present = new Set(entries.map((m) => m.id));
  const broken = new Set(damaged);
  const now = deps.now();
  const counts = emptyCounts();
  const writes: EntryWrite[] = [];
  for (const [index, entry] of imported.entries()) {
    deps.progress?.report('Comparing with your vault', index, imported.length);
    const id = entry.meta.id;
    const local = broken.has(id) ? { state: 'damaged' as const } : present.has(id) ? await readLocal(deps, id) : { state: 'absent' as const };
    const result = mergeEntry(local, entry, now);
    counts[result.outcome] += 1;
    if (result.write) writes.push(result.write);
  }
  return { writes, counts };
}

async function readLocal(deps: ImportDeps, id: string): Promise<LocalEntry> {
  try {
    const tag = await deps.versionTag?.(id); // first: a change after this is caught at commit
    const { meta, secrets } = await deps.vault.getEntry(id);
    const events = (await deps.vault.events(id)).map(toBackupEvent);
    return { state: 'present', meta, secrets, events, ...(tag === undefined ? {} : { tag }) };
  } catch (error) {
    if (error instanceof VaultError && error.code === 'entry-damaged') return { state: 'damaged' };
    if (error instanceof VaultError && error.code === 'not-found') return { state: 'absent' }; // deleted meanwhile
    throw error;
  }
}
