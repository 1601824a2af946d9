import { VaultError } from '../errors';
import { importVaultKey, sealSecrets } from '../vault/crypto';
import type { VaultDb } from '../vault/db';
import { FORMAT_VERSION, type StoredEntry } from '../vault/schema';
import type { KeyStore } from '../vault/vault';
import type { EntryWrite, WriteExpectation } from './merge';

/**
 * Writes an import's entries with their own ids (the vault API creates new ids) in one transaction: all or
 * nothing. Each record is checked against what the merge was planned on; if anything changed meanwhile, the
 * transaction is aborted and VaultChangedError thrown so the caller can plan again.
 */

export class VaultChangedError extends Error {
  constructor() {
    super('the vault changed while the import was being prepared');
    this.name = 'VaultChangedError';
  }
}

export interface VaultWriterDeps {
  openDb: () => Promise<VaultDb>;
  /** The unlocked vault key; throws VaultError('locked') when there is none. */
  vaultKey: () => Promise<CryptoKey>;
}

export async function commitEntryWrites(
  deps: VaultWriterDeps,
  writes: readonly EntryWrite[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  if (writes.length === 0) return;
  const key = await deps.vaultKey();
  // Crypto cannot run inside an IndexedDB transaction (it would auto-commit), so seal everything first.
  const records: StoredEntry[] = [];
  for (const [index, write] of writes.entries()) {
    records.push({ id: write.id, formatVersion: FORMAT_VERSION, meta: write.meta, sealed: await sealSecrets(key, write.id, write.secrets) });
    onProgress?.(index + 1, writes.length);
  }
  const tx = (await deps.openDb()).transaction(['entries', 'events'], 'readwrite');
  tx.done.catch(() => undefined); // an abort is handled below, not reported as unhandled
  const entries = tx.objectStore('entries');
  const events = tx.objectStore('events');
  try {
    for (const [index, write] of writes.entries()) {
      if (!holds(await entries.get(write.id), write.expect)) throw new VaultChangedError();
      await entries.put(records[index]!);
      for (const event of write.events) await events.add({ entryId: write.id, ...event });
    }
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    if (error instanceof VaultChangedError || error instanceof VaultError) throw error;
    throw new VaultError('internal', 'The import could not be written, so nothing was imported. Your vault is unchanged.');
  }
}

function holds(current: unknown, expect: WriteExpectation): boolean {
  if (expect.state === 'absent') return current === undefined;
  if (expect.state === 'damaged') return current !== undefined;
  const record = current as { meta?: { updatedAt?: unknown }; sealed?: { iv?: unknown } } | undefined;
  return record?.meta?.updatedAt === expect.updatedAt && (expect.tag === undefined || record.sealed?.iv === expect.tag);
}

/** The version tag of a stored entry: its IV, which every write renews. */
export async function versionTagOf(openDb: () => Promise<VaultDb>, id: string): Promise<string | undefined> {
  const record = (await (await openDb()).get('entries', id)) as { sealed?: { iv?: unknown } } | undefined;
  return typeof record?.sealed?.iv === 'string' ? record.sealed.iv : undefined;
}

/** The vault key from the vault's key store (storage.session), as the vault service itself reads it. */
export function vaultKeyFrom(keyStore: KeyStore): () => Promise<CryptoKey> {
  return async () => {
    const raw = await keyStore.get();
    if (!raw) throw new VaultError('locked', 'The vault is locked. Unlock it first.');
    return importVaultKey(raw);
  };
}
