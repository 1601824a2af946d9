import type { IDBPDatabase, IDBPTransaction } from 'idb';

/**
 * One function per schema version step, run in order inside `upgrade`. `MIGRATIONS[n]` takes a database at
 * version n to n + 1. Migrations see the stores untyped: records written by older code are not today's types.
 * Never edit a shipped step; append a new one and bump nothing else (DB_VERSION follows the list's length).
 */
export type UpgradeDb = IDBPDatabase<unknown>;
export type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;
export type Migration = (db: UpgradeDb, tx: UpgradeTx) => void | Promise<void>;

export const HEADER_STORE = 'header';
export const ENTRIES_STORE = 'entries';
export const EVENTS_STORE = 'events';
export const EVENTS_BY_ENTRY = 'byEntryId';

/** v0 → v1: the header (one record under an out-of-line key) and the entries. */
const createHeaderAndEntries: Migration = (db) => {
  db.createObjectStore(HEADER_STORE);
  db.createObjectStore(ENTRIES_STORE, { keyPath: 'id' });
};

/** v1 → v2: the append-only event log, and a 'created' event backfilled for every entry that already exists. */
const addEventLog: Migration = async (db, tx) => {
  const events = db.createObjectStore(EVENTS_STORE, { keyPath: 'seq', autoIncrement: true });
  events.createIndex(EVENTS_BY_ENTRY, 'entryId');
  const entries: unknown[] = await tx.objectStore(ENTRIES_STORE).getAll();
  for (const entry of entries) {
    const createdAt = createdAtOf(entry);
    if (!createdAt) continue; // a damaged record gets no invented history
    await tx.objectStore(EVENTS_STORE).add({ ...createdAt, type: 'created', detail: 'recorded by the v2 upgrade' });
  }
};

export const MIGRATIONS: readonly Migration[] = [createHeaderAndEntries, addEventLog];

/** Runs the steps from oldVersion up to newVersion; the caller aborts the upgrade if this rejects. */
export async function runMigrations(
  steps: readonly Migration[],
  db: UpgradeDb,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTx,
): Promise<void> {
  for (let version = oldVersion; version < newVersion; version++) {
    const step = steps[version];
    if (!step) throw new Error(`no migration from database version ${version}`);
    await step(db, tx);
  }
}

function createdAtOf(entry: unknown): { entryId: string; at: number } | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { id, meta } = entry as { id?: unknown; meta?: { createdAt?: unknown } };
  const at = meta?.createdAt;
  return typeof id === 'string' && typeof at === 'number' ? { entryId: id, at } : undefined;
}
