import { openDB } from 'idb';
import { toBase64 } from '../../../features/vault/base64';
import { legacyEntryAad } from '../../../features/vault/crypto';
import { openVaultDb } from '../../../features/vault/db';
import type { Sealed } from '../../../features/vault/schema';
import { createVaultService, type KeyStore, type VaultServiceDeps } from '../../../features/vault/vault';
import type { EntryInputMeta } from '../../../features/entries/protocol';

export const PASSPHRASE = 'correct horse battery staple';
export const OTHER_PASSPHRASE = 'plaid orbit lantern fjord marmalade';
/** Tests lower the KDF cost through the service's deps; production defaults are tested on their own. */
export const TEST_ITERATIONS = 1_000;
export const T0 = 1_750_000_000_000;

let counter = 0;
export function uniqueDbName(): string {
  counter += 1;
  return `lwa-vault-test-${counter}-${Math.random().toString(36).slice(2)}`;
}

export interface MemoryKeyStore extends KeyStore {
  peek(): Uint8Array | undefined;
}

export function memoryKeyStore(): MemoryKeyStore {
  let raw: Uint8Array | undefined;
  return {
    get: async () => (raw ? new Uint8Array(raw) : undefined),
    set: async (value) => {
      raw = new Uint8Array(value);
    },
    clear: async () => {
      raw = undefined;
    },
    peek: () => raw,
  };
}

export function setupVault(overrides: Partial<VaultServiceDeps> = {}) {
  const name = uniqueDbName();
  const keyStore = memoryKeyStore();
  const clock = { now: T0 };
  const deps: VaultServiceDeps = {
    openDb: () => openVaultDb(name),
    keyStore,
    now: () => clock.now,
    iterations: TEST_ITERATIONS,
    minIterations: TEST_ITERATIONS,
    ...overrides,
  };
  return { name, keyStore, clock, deps, vault: createVaultService(deps) };
}

export const sampleMeta: EntryInputMeta = {
  alias: 'EU seller — ShopCtrl',
  kind: 'seller',
  region: 'EU',
  marketplace: 'DE',
  clientId: 'amzn1.application-oa2-client.0123456789abcdef',
};

/** Every record of every store, as JSON: what someone copying the profile's IndexedDB would see. */
export async function dumpDb(name: string): Promise<Record<string, unknown[]>> {
  const db = await openDB(name);
  const out: Record<string, unknown[]> = {};
  for (const store of Array.from(db.objectStoreNames)) {
    const keys = await db.getAllKeys(store);
    const values = await db.getAll(store);
    out[store] = values.map((value, i) => ({ key: keys[i], value }));
  }
  db.close();
  return out;
}

export async function readRecord(name: string, store: string, key: IDBValidKey): Promise<unknown> {
  const db = await openDB(name);
  const value: unknown = await db.get(store, key);
  db.close();
  return value;
}

export async function writeRecord(name: string, store: string, value: unknown, key?: IDBValidKey): Promise<void> {
  const db = await openDB(name);
  await db.put(store, value, key);
  db.close();
}

export async function rejection(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

/** What format v1 wrote: AES-GCM with `lwa-vault:entry:v1:<id>` (the id only) as the additional data. */
export async function sealLegacyForTest(key: CryptoKey, id: string, payload: object): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(legacyEntryAad(id)) },
    key,
    new TextEncoder().encode(JSON.stringify(payload)),
  );
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}
