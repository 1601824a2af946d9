import { deleteDB, openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { toBase64 } from '../../../features/vault/base64';
import {
  deriveWrappingKey,
  generateVaultKeyBytes,
  importVaultKey,
  openSecrets,
  randomSalt,
  wrapVaultKey,
} from '../../../features/vault/crypto';
import { DB_VERSION, HEADER_KEY, openMigratedDb, openVaultDb } from '../../../features/vault/db';
import { EVENTS_BY_ENTRY, MIGRATIONS, type Migration } from '../../../features/vault/migrations';
import type { legacyStoredEntrySchema, StoredEntry, VaultHeader } from '../../../features/vault/schema';
import { createVaultService } from '../../../features/vault/vault';
import { PASSPHRASE, T0, TEST_ITERATIONS, dumpDb, memoryKeyStore, readRecord, rejection, sealLegacyForTest, uniqueDbName } from './helpers';

/** Version 1 exactly as it shipped, written without today's migration code. */
async function createV1Database(name: string, header: unknown, entries: unknown[]): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(v1) {
      v1.createObjectStore('header');
      v1.createObjectStore('entries', { keyPath: 'id' });
    },
  });
  await db.put('header', header, HEADER_KEY);
  for (const entry of entries) await db.put('entries', entry);
  db.close();
}

async function v1Fixture() {
  const raw = generateVaultKeyBytes();
  const salt = randomSalt();
  const header: VaultHeader = {
    formatVersion: 1,
    kdf: { name: 'PBKDF2-SHA256', iterations: TEST_ITERATIONS, salt: toBase64(salt) },
    wrappedKey: await wrapVaultKey(await deriveWrappingKey(PASSPHRASE, salt, TEST_ITERATIONS), raw),
    createdAt: T0,
  };
  const key = await importVaultKey(raw);
  const entry: LegacyStoredEntry = {
    id: 'e1',
    formatVersion: 1,
    meta: { id: 'e1', alias: 'Old entry', kind: 'vendor', connector: 'other', environment: 'production', region: 'NA', createdAt: T0 - 5_000, updatedAt: T0 - 5_000 },
    sealed: await sealLegacyForTest(key, 'e1', { clientSecret: 'v1-secret', refreshToken: 'Atzr|v1' }),
  };
  const damaged = { id: 'broken', formatVersion: 1, sealed: entry.sealed };
  return { header, entry, damaged, key };
}

type LegacyStoredEntry = z.infer<typeof legacyStoredEntrySchema>;

describe('IndexedDB schema and migrations', () => {
  it('has one migration per version step', () => {
    expect(DB_VERSION).toBe(2);
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
  });

  it('creates every store and index on a fresh install', async () => {
    const name = uniqueDbName();
    const db = await openVaultDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(Array.from(db.objectStoreNames).sort()).toEqual(['entries', 'events', 'header']);
    const tx = db.transaction(['entries', 'events', 'header']);
    expect(tx.objectStore('entries').keyPath).toBe('id');
    expect(tx.objectStore('header').keyPath).toBeNull();
    expect(tx.objectStore('events').keyPath).toBe('seq');
    expect(tx.objectStore('events').autoIncrement).toBe(true);
    expect(tx.objectStore('events').index(EVENTS_BY_ENTRY).keyPath).toBe('entryId');
    await tx.done;
    db.close();
  });

  it('upgrades a v1 database: data preserved, event log added and backfilled, vault still unlocks', async () => {
    const name = uniqueDbName();
    const { header, entry, damaged } = await v1Fixture();
    await createV1Database(name, header, [entry, damaged]);

    const db = await openVaultDb(name);
    expect(db.version).toBe(2);
    expect(await db.get('header', HEADER_KEY)).toEqual(header);
    expect(await db.get('entries', 'e1')).toEqual(entry);
    expect(await db.get('entries', 'broken')).toEqual(damaged);

    const backfilled = await db.getAllFromIndex('events', EVENTS_BY_ENTRY, 'e1');
    expect(backfilled).toEqual([{ seq: 1, entryId: 'e1', at: T0 - 5_000, type: 'created', detail: 'recorded by the v2 upgrade' }]);
    expect(await db.getAllFromIndex('events', EVENTS_BY_ENTRY, 'broken')).toEqual([]);
    const seq = await db.add('events', { entryId: 'e1', at: T0, type: 'copied' });
    expect(seq).toBe(2);
    db.close();

    const keyStore = memoryKeyStore();
    const vault = createVaultService({
      openDb: () => openVaultDb(name),
      keyStore,
      now: () => T0,
      iterations: TEST_ITERATIONS,
      minIterations: TEST_ITERATIONS,
    });
    await vault.unlock(PASSPHRASE);
    expect((await vault.getEntry('e1')).secrets).toEqual({ clientSecret: 'v1-secret', refreshToken: 'Atzr|v1' });
    expect(await vault.listEntries()).toEqual({ entries: [{ ...entry.meta, hasSecret: true }], damaged: ['broken'] });
    expect((await vault.events('e1')).map((e) => e.type)).toEqual(['copied', 'created']);
  });

  it('re-seals v1 entries at the next unlock with their metadata bound; a damaged one stays as it was', async () => {
    const name = uniqueDbName();
    const { header, entry, key } = await v1Fixture();
    const unreadable = { ...entry, id: 'e2', meta: { ...entry.meta, id: 'e2' } }; // e1's ciphertext: opens for nobody
    await createV1Database(name, header, [entry, unreadable]);
    const vault = createVaultService({ openDb: () => openVaultDb(name), keyStore: memoryKeyStore(), now: () => T0, iterations: TEST_ITERATIONS, minIterations: TEST_ITERATIONS });
    // Locked, the v1 entries still list (the toolbar counts down from them).
    expect((await vault.listEntries()).entries.map((m) => m.id)).toEqual(['e1', 'e2']);

    await vault.unlock(PASSPHRASE);
    const resealed = (await readRecord(name, 'entries', 'e1')) as StoredEntry;
    expect(resealed.formatVersion).toBe(2);
    expect(resealed.meta).toEqual({ ...entry.meta, hasSecret: true }); // v1 never wrote the flag
    expect(await openSecrets(key, entry.meta, resealed.sealed)).toEqual({ clientSecret: 'v1-secret', refreshToken: 'Atzr|v1' });
    expect(await readRecord(name, 'entries', 'e2')).toEqual(unreadable);
    expect(await rejection(vault.getEntry('e2'))).toMatchObject({ code: 'entry-damaged' });
    expect((await vault.getEntry('e1')).secrets.clientSecret).toBe('v1-secret');

    // Done once: the next unlock writes nothing.
    const before = await dumpDb(name);
    await vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(await dumpDb(name)).toEqual(before);
  });

  it('opening an up-to-date database again changes nothing', async () => {
    const name = uniqueDbName();
    const { header, entry } = await v1Fixture();
    await createV1Database(name, header, [entry]);
    (await openVaultDb(name)).close();
    const before = await dumpDb(name);
    (await openVaultDb(name)).close();
    expect(await dumpDb(name)).toEqual(before);
  });

  it('rolls the whole upgrade back when a step fails', async () => {
    const name = uniqueDbName();
    const { header, entry } = await v1Fixture();
    await createV1Database(name, header, [entry]);
    const before = await dumpDb(name);

    const failing: Migration = async (_db, tx) => {
      await tx.objectStore('entries').clear();
      throw new Error('boom');
    };
    await expect(openMigratedDb(name, [...MIGRATIONS, failing])).rejects.toThrow();

    const db = await openDB(name);
    expect(db.version).toBe(1);
    db.close();
    expect(await dumpDb(name)).toEqual(before);
  });

  it('refuses a database from a newer version of the extension instead of touching it', async () => {
    const name = uniqueDbName();
    (await openDB(name, DB_VERSION + 1)).close();
    await expect(openVaultDb(name)).rejects.toThrow();
    await deleteDB(name);
  });
});
