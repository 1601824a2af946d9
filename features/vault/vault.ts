import { oneAtATime } from '../../platform/one-at-a-time';
import type { IDBPDatabase } from 'idb';
import { z } from 'zod';
import { VaultError } from '../../platform/errors';
import { fromBase64, toBase64 } from './base64';
import {
  IV_BYTES,
  KDF_DEFAULT_ITERATIONS,
  KDF_MAX_ITERATIONS,
  KDF_MIN_ITERATIONS,
  SALT_BYTES,
  VAULT_KEY_BYTES,
  deriveWrappingKey,
  generateVaultKeyBytes,
  importVaultKey,
  openLegacySecrets,
  openSecrets,
  randomSalt,
  sealSecrets,
  unwrapVaultKey,
  wrapVaultKey,
} from './crypto';
import { HEADER_KEY, type VaultDbSchema } from './db';
import { EVENTS_BY_ENTRY } from './migrations';
import { assessPassphrase } from './passphrase';
import type { VaultStatus } from './protocol';
import type { EntryInputMeta, EntryView } from '../entries/protocol';
import {
  ENTRY_FORMAT_VERSION,
  FORMAT_VERSION,
  LEGACY_ENTRY_FORMAT_VERSION,
  entryMetaSchema,
  entrySecretsSchema,
  eventSchema,
  legacyStoredEntrySchema,
  storedEntrySchema,
  vaultHeaderSchema,
  type EntryMeta,
  type EntrySecrets,
  type Sealed,
  type StoredEntry,
  type VaultEvent,
  type VaultHeader,
} from './schema';

export interface KeyStore {
  get(): Promise<Uint8Array | undefined>;
  set(raw: Uint8Array): Promise<void>;
  clear(): Promise<void>;
}

export interface VaultServiceDeps {
  openDb: () => Promise<IDBPDatabase<VaultDbSchema>>;
  /** Where the unlocked vault key's raw bytes live (storage.session in the extension). Its content = unlocked. */
  keyStore: KeyStore;
  now: () => number;
  /** PBKDF2 iterations for headers this service writes. Defaults to KDF_DEFAULT_ITERATIONS. */
  iterations?: number;
  /** Floor for stored headers at unlock and change. Defaults to KDF_MIN_ITERATIONS; only tests lower it. */
  minIterations?: number;
  newId?: () => string;
}

/** `lastDeriveMs`: how long PBKDF2 took here; the caller persists it for the next progress bar. */
export type UnlockResult = Required<VaultStatus>;

/** Schema-valid entries sorted by alias, plus the ids of records that fail the schema (shown as damaged). */
export interface EntryList {
  entries: EntryMeta[];
  damaged: string[];
}

/**
 * Patch semantics: a key left out keeps its value; a key given as `undefined`, `null` or `''` removes the
 * field (a required field removed is a bad request). `''` is the one that survives JSON messaging.
 */
export type Patch<T> = { [K in keyof T]?: T[K] | null };
export type MetaPatch = Patch<EntryInputMeta>;
export type SecretsPatch = Patch<EntrySecrets>;

export interface NewEvent {
  entryId: string;
  type: VaultEvent['type'];
  /** Shown in the entry's history. Never put a secret value here. */
  detail?: string;
}

/** An event written with an entry change, in the same transaction. `at` defaults to now. */
export type ChangeEvent = Omit<NewEvent, 'entryId'> & { at?: number };

/** What a read-modify-write returns for one entry: patches (as updateEntry) and the events to log with them. */
export interface EntryChange {
  meta?: MetaPatch;
  secrets?: SecretsPatch;
  events: ChangeEvent[];
}

/** An entry as stored when a multi-entry change runs. */
export type CurrentEntry =
  | { state: 'absent' }
  /** The record fails its schema or cannot be decrypted. */
  | { state: 'damaged' }
  | ({ state: 'present' } & EntryView);

/** A whole record to write with its own id, metadata (dates included) and events: what an import writes. */
export interface EntryRecordWrite {
  id: string;
  meta: EntryMeta;
  secrets: EntrySecrets;
  events: ChangeEvent[];
}

export interface VaultService {
  status(): Promise<VaultStatus>;
  create(passphrase: string): Promise<UnlockResult>;
  unlock(passphrase: string): Promise<UnlockResult>;
  lock(): Promise<void>;
  changePassphrase(current: string, next: string): Promise<{ lastDeriveMs: number }>;
  /**
   * Read now, so a record changed outside LWA Vault shows as damaged at once; `recent`: a list read in the last
   * 5 seconds may answer (every write drops it), for a page asking about many secrets at once.
   */
  listEntries(options?: { recent?: boolean }): Promise<EntryList>;
  getEntry(id: string): Promise<EntryView>;
  createEntry(meta: EntryInputMeta, secrets: EntrySecrets): Promise<EntryMeta>;
  updateEntry(id: string, meta: MetaPatch, secrets: SecretsPatch): Promise<EntryMeta>;
  deleteEntry(id: string): Promise<void>;
  /**
   * Read-modify-write of one entry on the vault's single write queue: `change` sees the decrypted entry as
   * stored now and returns the patch and events (undefined: nothing to write); both are written in ONE
   * transaction. A throw in `change` writes nothing.
   */
  modifyEntry(id: string, change: (entry: EntryView) => EntryChange | undefined | Promise<EntryChange | undefined>): Promise<EntryMeta>;
  /**
   * The same for many entries at once (an import): `change` sees each id as stored now and returns whole
   * records; all are written in one transaction, or none.
   */
  modifyEntries(
    ids: readonly string[],
    change: (current: ReadonlyMap<string, CurrentEntry>) => EntryRecordWrite[] | Promise<EntryRecordWrite[]>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<void>;
  appendEvent(event: NewEvent): Promise<VaultEvent>;
  /** Newest first. Works while locked: events hold no secrets. */
  events(entryId: string): Promise<VaultEvent[]>;
}

/** How old a `recent` entry list may be. */
const RECENT_LIST_MS = 5000;

const MESSAGES = {
  noVault: 'There is no vault in this browser yet. Create one first.',
  exists: 'A vault already exists in this browser. Unlock it instead; it will not be overwritten.',
  damaged: 'The vault header is damaged, so the vault cannot be unlocked. It has been left exactly as it was.',
  kdfWeak: `The vault's key-derivation settings are weaker than LWA Vault accepts (PBKDF2-SHA256, at least ${KDF_MIN_ITERATIONS.toLocaleString('en-US')} iterations), so it was not unlocked. The header may have been tampered with.`,
  kdfHuge: `The vault's header asks for more than ${KDF_MAX_ITERATIONS.toLocaleString('en-US')} key-derivation iterations, which no LWA Vault writes, so it was not unlocked. The header may have been tampered with; it has been left exactly as it was.`,
  wrong: 'That passphrase is not right.',
  locked: 'The vault is locked. Unlock it first.',
  notFound: 'That entry does not exist.',
  entryDamaged: 'This entry is damaged and cannot be decrypted. Your other entries are not affected.',
} as const;

const ENTRY_OWNED_KEYS = new Set(['id', 'createdAt', 'updatedAt', 'hasSecret']);

export function createVaultService(deps: VaultServiceDeps): VaultService {
  const iterations = deps.iterations ?? KDF_DEFAULT_ITERATIONS;
  const minIterations = deps.minIterations ?? KDF_MIN_ITERATIONS;
  if (iterations < minIterations) throw new RangeError('iterations below minIterations would create a vault that cannot be unlocked');
  const newId = deps.newId ?? (() => globalThis.crypto.randomUUID());

  let dbPromise: Promise<IDBPDatabase<VaultDbSchema>> | undefined;
  const db = () => {
    dbPromise ??= deps.openDb().catch((error: unknown) => {
      dbPromise = undefined; // retry on the next call
      throw error;
    });
    return dbPromise;
  };

  let cachedKey: CryptoKey | undefined;
  /** The keyStore is the truth (it survives a worker restart, an external clear locks); memory only caches the import. */
  async function currentKey(): Promise<CryptoKey | undefined> {
    const raw = await deps.keyStore.get();
    if (!raw) {
      cachedKey = undefined;
      return undefined;
    }
    if (!cachedKey) {
      try {
        cachedKey = await importVaultKey(raw);
      } catch {
        await deps.keyStore.clear(); // unusable bytes: treat as locked
        return undefined;
      }
    }
    return cachedKey;
  }
  async function requireKey(): Promise<CryptoKey> {
    const key = await currentKey();
    if (!key) throw new VaultError('locked', MESSAGES.locked);
    return key;
  }

  // The one write queue: crypto cannot run inside an IndexedDB transaction, so every read-modify-write
  // (edits, rotations, notifications, panel saves, imports, the re-seal) runs here, one at a time.
  // `listEntries({ recent: true })`: every entry write runs in `exclusive` and drops this list, so a list read
  // in the last 5 seconds is right unless the profile was edited behind our back. A panel asking about 30 secrets
  // with 1,000 entries then reads and checks them once, not 30 times.
  let listed: { at: number; list: Promise<EntryList> } | undefined;
  const writes = oneAtATime();
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    listed = undefined;
    return writes(task).finally(() => (listed = undefined));
  }

  async function readEntryList(): Promise<EntryList> {
    const records: unknown[] = await (await db()).getAll('entries'); // one request: 1,000 entries must list in ≤ 50 ms
    const entries: EntryMeta[] = [];
    const damaged: string[] = [];
    for (const record of records) {
      const meta = listableMeta(record);
      if (meta) entries.push(meta);
      else damaged.push(String((record as { id?: unknown }).id));
    }
    return { entries: entries.sort(byAlias), damaged };
  }

  async function readHeader(): Promise<CheckedHeader> {
    const raw: unknown = await (await db()).get('header', HEADER_KEY);
    if (raw === undefined) throw new VaultError('no-vault', MESSAGES.noVault);
    return checkHeader(raw, minIterations);
  }

  async function derive(passphrase: string, salt: Uint8Array, rounds: number) {
    const started = performance.now();
    const key = await deriveWrappingKey(passphrase, salt, rounds);
    return { key, ms: Math.round(performance.now() - started) };
  }

  async function unwrapWith(passphrase: string, checked: CheckedHeader) {
    const derived = await derive(passphrase, checked.salt, checked.header.kdf.iterations);
    try {
      return { raw: await unwrapVaultKey(derived.key, checked.header.wrappedKey), ms: derived.ms };
    } catch {
      throw new VaultError('wrong-passphrase', MESSAGES.wrong);
    }
  }

  async function newHeader(passphrase: string, raw: Uint8Array, createdAt: number) {
    const salt = randomSalt();
    const derived = await derive(passphrase, salt, iterations);
    const header: VaultHeader = {
      formatVersion: FORMAT_VERSION,
      kdf: { name: 'PBKDF2-SHA256', iterations, salt: toBase64(salt) },
      wrappedKey: await wrapVaultKey(derived.key, raw),
      createdAt,
    };
    return { header, ms: derived.ms };
  }

  async function remember(raw: Uint8Array): Promise<void> {
    await deps.keyStore.set(raw);
    cachedKey = await importVaultKey(raw);
  }

  async function readEntry(id: string): Promise<StoredEntry> {
    const record: unknown = await (await db()).get('entries', id);
    if (record === undefined) throw new VaultError('not-found', MESSAGES.notFound);
    const parsed = storedEntrySchema.safeParse(record);
    if (!parsed.success || parsed.data.meta.id !== id) throw new VaultError('entry-damaged', MESSAGES.entryDamaged);
    return parsed.data;
  }

  async function decrypt(key: CryptoKey, entry: StoredEntry): Promise<EntrySecrets> {
    try {
      return await openSecrets(key, entry.meta, entry.sealed);
    } catch {
      throw new VaultError('entry-damaged', MESSAGES.entryDamaged);
    }
  }

  async function sealed(key: CryptoKey, meta: EntryMeta, secrets: EntrySecrets): Promise<StoredEntry> {
    return { id: meta.id, formatVersion: ENTRY_FORMAT_VERSION, meta, sealed: await sealSecrets(key, meta, secrets) };
  }

  /** Puts the records and adds their events in one transaction: all or nothing. */
  async function writeAll(writes: ReadonlyArray<{ record: StoredEntry; events: VaultEvent[] }>): Promise<void> {
    const tx = (await db()).transaction(['entries', 'events'], 'readwrite');
    await Promise.all([
      ...writes.flatMap(({ record, events }) => [tx.objectStore('entries').put(record), ...events.map((e) => tx.objectStore('events').add(e))]),
      tx.done,
    ]);
  }

  /** Applies a patch to an entry read in this queue turn; writes the record and its events together. */
  async function commitChange(
    key: CryptoKey,
    entry: StoredEntry,
    oldSecrets: EntrySecrets,
    metaPatch: MetaPatch,
    secretsPatch: SecretsPatch,
    eventsFor: (changedMeta: string[], changedSecrets: string[]) => ChangeEvent[],
  ): Promise<EntryMeta> {
    const { id } = entry;
    const editable = Object.fromEntries(Object.entries(metaPatch).filter(([k]) => !ENTRY_OWNED_KEYS.has(k)));
    const meta = parseMeta({ ...applyPatch(entry.meta, editable), id, createdAt: entry.meta.createdAt, updatedAt: entry.meta.updatedAt });
    const secrets = parseSecrets(applyPatch(oldSecrets, secretsPatch));
    const changedMeta = changedKeys(entry.meta, meta);
    const changedSecrets = changedKeys(oldSecrets, secrets);
    const at = deps.now();
    const events = eventsFor(changedMeta, changedSecrets).map((e) => checkEvent(id, e, at));
    const changed = changedMeta.length > 0 || changedSecrets.length > 0;
    if (!changed && events.length === 0) return entry.meta;
    const updatedMeta = changed ? withSecretPresence({ ...meta, updatedAt: at }, secrets) : entry.meta;
    await writeAll([{ record: changed ? await sealed(key, updatedMeta, secrets) : entry, events }]);
    return updatedMeta;
  }

  async function currentOf(key: CryptoKey, id: string): Promise<CurrentEntry> {
    try {
      const entry = await readEntry(id);
      return { state: 'present', meta: entry.meta, secrets: await decrypt(key, entry) };
    } catch (error) {
      if (error instanceof VaultError && error.code === 'not-found') return { state: 'absent' };
      if (error instanceof VaultError && error.code === 'entry-damaged') return { state: 'damaged' };
      throw error;
    }
  }

  /**
   * What only the key can complete, once per record: v1 records (id-only additional data) re-sealed with the
   * metadata bound, and records stored before `hasSecret` given it (the locked clock reads it; it is not bound,
   * so the sealed part stays as is). A record that fails to open stays as it was.
   */
  const completeStoredEntries = (key: CryptoKey) =>
    exclusive(async () => {
      const records: unknown[] = await (await db()).getAll('entries');
      const writes: Array<{ record: StoredEntry; events: VaultEvent[] }> = [];
      for (const record of records) {
        const legacy = legacyStoredEntrySchema.safeParse(record);
        const current = storedEntrySchema.safeParse(record);
        try {
          if (legacy.success && legacy.data.meta.id === legacy.data.id) {
            const secrets = await openLegacySecrets(key, legacy.data.id, legacy.data.sealed);
            writes.push({ record: await sealed(key, withSecretPresence(legacy.data.meta, secrets), secrets), events: [] });
          } else if (current.success && current.data.meta.id === current.data.id && current.data.meta.hasSecret === undefined) {
            const secrets = await decrypt(key, current.data);
            writes.push({ record: { ...current.data, meta: withSecretPresence(current.data.meta, secrets) }, events: [] });
          }
        } catch {
          // damaged already: it keeps showing as damaged, and nothing can vouch for its metadata
        }
      }
      if (writes.length > 0) await writeAll(writes);
      return writes.length;
    });

  return {
    async status() {
      const exists = (await (await db()).count('header')) > 0;
      return { exists, unlocked: exists && (await currentKey()) !== undefined };
    },

    create: (passphrase) =>
      exclusive(async () => {
        const store = await db();
        if ((await store.count('header')) > 0) throw new VaultError('vault-exists', MESSAGES.exists);
        requireStrong(passphrase);
        const raw = generateVaultKeyBytes();
        const { header, ms } = await newHeader(passphrase, raw, deps.now());
        try {
          await store.add('header', header, HEADER_KEY); // add, not put: never replaces a header
        } catch {
          throw new VaultError('vault-exists', MESSAGES.exists);
        }
        await remember(raw);
        return { exists: true, unlocked: true, lastDeriveMs: ms };
      }),

    async unlock(passphrase) {
      const checked = await readHeader();
      const { raw, ms } = await unwrapWith(passphrase, checked);
      await remember(raw);
      // A failed run leaves the records as they are; it runs again at the next unlock.
      await completeStoredEntries(await requireKey()).catch(() => undefined);
      return { exists: true, unlocked: true, lastDeriveMs: ms };
    },

    async lock() {
      cachedKey = undefined;
      await deps.keyStore.clear();
    },

    changePassphrase: (current, next) =>
      exclusive(async () => {
        const checked = await readHeader();
        requireStrong(next);
        const { raw } = await unwrapWith(current, checked);
        const { header, ms } = await newHeader(next, raw, checked.header.createdAt);
        // Same vault key, new salt and wrap: entries stay exactly as stored.
        await (await db()).put('header', { ...header, passphraseChangedAt: deps.now() }, HEADER_KEY);
        return { lastDeriveMs: ms };
      }),

    async listEntries(options) {
      if (!options?.recent) return readEntryList();
      const at = deps.now();
      if (!listed || at - listed.at > RECENT_LIST_MS || at < listed.at) {
        const list = readEntryList();
        listed = { at, list };
        list.catch(() => {
          if (listed?.list === list) listed = undefined;
        });
      }
      const { entries, damaged } = await listed.list;
      return { entries: entries.map((meta) => ({ ...meta })), damaged: [...damaged] };
    },

    async getEntry(id) {
      const key = await requireKey();
      const entry = await readEntry(id);
      return { meta: entry.meta, secrets: await decrypt(key, entry) };
    },

    createEntry: (metaInput, secretsInput) =>
      exclusive(async () => {
        const key = await requireKey();
        const id = newId();
        const at = deps.now();
        const secrets = parseSecrets(withoutEmpty(secretsInput));
        const meta = withSecretPresence(parseMeta({ ...metaInput, id, createdAt: at, updatedAt: at }), secrets);
        const record = await sealed(key, meta, secrets);
        const tx = (await db()).transaction(['entries', 'events'], 'readwrite');
        await Promise.all([
          tx.objectStore('entries').add(record),
          tx.objectStore('events').add({ entryId: id, at, type: 'created' }),
          tx.done,
        ]);
        return meta;
      }),

    updateEntry: (id, metaPatch, secretsPatch) =>
      exclusive(async () => {
        const key = await requireKey();
        const entry = await readEntry(id);
        const oldSecrets = await decrypt(key, entry);
        return commitChange(key, entry, oldSecrets, metaPatch, secretsPatch, (changedMeta, changedSecrets) =>
          changedMeta.length || changedSecrets.length
            ? [{ type: 'updated', detail: describeChange(changedMeta, changedSecrets) }] // field names only, never values
            : [],
        );
      }),

    modifyEntry: (id, change) =>
      exclusive(async () => {
        const key = await requireKey();
        const entry = await readEntry(id);
        const oldSecrets = await decrypt(key, entry);
        const wanted = await change({ meta: entry.meta, secrets: oldSecrets });
        if (!wanted) return entry.meta;
        return commitChange(key, entry, oldSecrets, wanted.meta ?? {}, wanted.secrets ?? {}, () => wanted.events);
      }),

    modifyEntries: (ids, change, onProgress) =>
      exclusive(async () => {
        const key = await requireKey();
        const current = new Map<string, CurrentEntry>();
        for (const id of ids) current.set(id, await currentOf(key, id));
        const wanted = await change(current);
        const at = deps.now();
        // Everything is checked and sealed before the transaction opens (it would auto-commit across crypto).
        const writes: Array<{ record: StoredEntry; events: VaultEvent[] }> = [];
        for (const [index, write] of wanted.entries()) {
          const meta = parseMeta(write.meta);
          if (meta.id !== write.id) throw new VaultError('bad-request', 'An entry cannot change its id.');
          const events = write.events.map((e) => checkEvent(write.id, e, at));
          const secrets = parseSecrets(write.secrets);
          writes.push({ record: await sealed(key, withSecretPresence(meta, secrets), secrets), events });
          onProgress?.(index + 1, wanted.length);
        }
        if (writes.length > 0) await writeAll(writes);
      }),

    deleteEntry: (id) =>
      exclusive(async () => {
        await requireKey(); // deleting is destructive: not from a locked vault
        const tx = (await db()).transaction(['entries', 'events'], 'readwrite');
        const found = (await tx.objectStore('entries').count(id)) > 0;
        if (found) {
          const eventKeys = await tx.objectStore('events').index(EVENTS_BY_ENTRY).getAllKeys(id);
          await Promise.all([tx.objectStore('entries').delete(id), ...eventKeys.map((seq) => tx.objectStore('events').delete(seq))]);
        }
        await tx.done;
        if (!found) throw new VaultError('not-found', MESSAGES.notFound);
      }),

    async appendEvent({ entryId, type, detail }) {
      const event = checkEvent(entryId, { type, detail }, deps.now());
      const tx = (await db()).transaction(['entries', 'events'], 'readwrite');
      const found = (await tx.objectStore('entries').count(entryId)) > 0;
      const seq = found ? await tx.objectStore('events').add(event) : undefined;
      await tx.done;
      if (seq === undefined) throw new VaultError('not-found', MESSAGES.notFound);
      return { ...event, seq };
    },

    async events(entryId) {
      const records: unknown[] = await (await db()).getAllFromIndex('events', EVENTS_BY_ENTRY, entryId);
      return records
        .map((record) => eventSchema.safeParse(record))
        .flatMap((parsed) => (parsed.success && parsed.data.seq !== undefined ? [parsed.data] : []))
        .sort((a, b) => b.seq! - a.seq!);
    },
  };
}

interface CheckedHeader {
  header: VaultHeader;
  salt: Uint8Array;
}

/**
 * Header checks in order: unsupported KDF → kdf-too-weak; schema or bytes wrong → header-damaged; below floor →
 * kdf-too-weak; above the ceiling → kdf-too-weak (its own message). All before any key derivation, so a refusal is instant.
 */
function checkHeader(raw: unknown, minIterations: number): CheckedHeader {
  const kdfName = (raw as { kdf?: { name?: unknown } } | null)?.kdf?.name;
  if (typeof kdfName === 'string' && kdfName !== 'PBKDF2-SHA256') throw new VaultError('kdf-too-weak', MESSAGES.kdfWeak);
  const parsed = vaultHeaderSchema.safeParse(raw);
  if (!parsed.success) throw new VaultError('header-damaged', MESSAGES.damaged);
  const header = parsed.data;
  let salt: Uint8Array;
  try {
    salt = fromBase64(header.kdf.salt);
    const ivOk = fromBase64(header.wrappedKey.iv).length === IV_BYTES;
    const ctOk = fromBase64(header.wrappedKey.ct).length === VAULT_KEY_BYTES + 16; // key + GCM tag
    if (!ivOk || !ctOk) throw new TypeError('wrapped key has the wrong size');
  } catch {
    throw new VaultError('header-damaged', MESSAGES.damaged);
  }
  if (header.kdf.iterations < minIterations || salt.length < SALT_BYTES) {
    throw new VaultError('kdf-too-weak', MESSAGES.kdfWeak);
  }
  if (header.kdf.iterations > KDF_MAX_ITERATIONS) throw new VaultError('kdf-too-weak', MESSAGES.kdfHuge) // the UI treats both as "refused KDF settings";
  return { header, salt };
}

/** Full zod on the metadata, a cheap shape check on the rest: getEntry validates the sealed part fully. */
function listableMeta(record: unknown): EntryMeta | undefined {
  const { id, formatVersion, meta, sealed } = (record ?? {}) as Partial<Record<keyof StoredEntry, unknown>>;
  const { iv, ct } = (sealed ?? {}) as Partial<Record<keyof Sealed, unknown>>;
  const known = formatVersion === ENTRY_FORMAT_VERSION || formatVersion === LEGACY_ENTRY_FORMAT_VERSION; // v1 lists until the re-seal
  if (!known || typeof iv !== 'string' || typeof ct !== 'string') return undefined;
  const parsed = entryMetaSchema.safeParse(meta);
  return parsed.success && parsed.data.id === id ? parsed.data : undefined;
}

/** Case-insensitive by code unit, not localeCompare: a cold ICU collator alone can eat the 50 ms list budget. */
function byAlias(a: EntryMeta, b: EntryMeta): number {
  const [x, y] = [a.alias.toLowerCase(), b.alias.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function requireStrong(passphrase: string): void {
  const assessment = assessPassphrase(passphrase);
  if (!assessment.ok) throw new VaultError('weak-passphrase', assessment.hint);
}

function parseMeta(input: unknown): EntryMeta {
  const parsed = entryMetaSchema.safeParse(input);
  if (!parsed.success) throw new VaultError('bad-request', `The entry is not valid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Names the field that fails: the detail is the only free text, and a secret never goes into it. */
function checkEvent(entryId: string, event: ChangeEvent, now: number): VaultEvent {
  const parsed = eventSchema.safeParse({ entryId, type: event.type, detail: event.detail, at: event.at ?? now });
  if (!parsed.success) {
    throw new VaultError('bad-request', `Invalid event: ${parsed.error.issues.map((i) => `${i.path.join('.')} (${i.message})`).join(', ')}. Nothing was changed.`);
  }
  return parsed.data;
}

function parseSecrets(input: unknown): EntrySecrets {
  const parsed = entrySecretsSchema.safeParse(input);
  // Names the fields only: the zod message could quote a secret.
  if (!parsed.success) throw new VaultError('bad-request', `Invalid secret fields: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data;
}

function isRemoval(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function withoutEmpty<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => !isRemoval(v))) as Partial<T>;
}

function applyPatch(base: object, patch: object): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (isRemoval(v)) delete merged[k];
    else merged[k] = v;
  }
  return merged;
}

function changedKeys(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k]).sort();
}

/** The metadata as written: `hasSecret` always says what the sealed part holds, whatever the caller sent. */
function withSecretPresence(meta: EntryMeta, secrets: EntrySecrets): EntryMeta {
  return { ...meta, hasSecret: secrets.clientSecret !== undefined };
}

function describeChange(meta: string[], secrets: string[]): string {
  const parts = [meta.length ? `fields: ${meta.join(', ')}` : '', secrets.length ? `secrets: ${secrets.join(', ')}` : ''];
  return parts.filter(Boolean).join('; ').slice(0, 300);
}
