import { fromBase64, toBase64 } from './base64';
import { ENTRY_FORMAT_VERSION, FORMAT_VERSION, LEGACY_ENTRY_FORMAT_VERSION, entrySecretsSchema, type EntryMeta, type EntrySecrets, type Sealed } from './schema';

/** OWASP's floor for PBKDF2-HMAC-SHA256. Unlock refuses stored headers below it (downgrade protection). */
export const KDF_MIN_ITERATIONS = 600_000;
/** Ceiling for stored headers: an edited header with a huge count would make unlock spin for hours. */
export const KDF_MAX_ITERATIONS = 10_000_000;
export const KDF_DEFAULT_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const VAULT_KEY_BYTES = 32;
export const HEADER_AAD = `lwa-vault:header:v${FORMAT_VERSION}`;

const subtle = () => globalThis.crypto.subtle;
const encoder = new TextEncoder();

/**
 * The metadata that decides where secrets go (client id, kind, region, ShopCtrl URL …) or when they expire
 * (every date): bound into each entry's additional data, so an edit in the profile makes the entry Damaged.
 */
export const BOUND_META_KEYS = [
  'id', 'kind', 'environment', 'region', 'marketplace', 'connector', 'clientId', 'shopCtrlUrl',
  'secretIssuedAt', 'secretExpiresAt', 'previousSecretExpiresAt', 'authorizedAt', 'authorizationRenewAt',
  'resultCapturedAt', 'createdAt', 'updatedAt',
] as const satisfies ReadonlyArray<keyof EntryMeta>;

/** SHA-256 (base64) of the bound fields in a fixed order, absent ones as null: one canonical form per meta. */
export async function metaDigest(meta: EntryMeta): Promise<string> {
  const canonical = JSON.stringify(BOUND_META_KEYS.map((key) => [key, meta[key] ?? null]));
  return toBase64(new Uint8Array(await subtle().digest('SHA-256', encoder.encode(canonical))));
}

export async function entryAad(meta: EntryMeta): Promise<string> {
  return `lwa-vault:entry:v${ENTRY_FORMAT_VERSION}:${meta.id}:${await metaDigest(meta)}`;
}

/** What v1 records were sealed with: the id only. Read once, by the re-seal at unlock. */
export function legacyEntryAad(entryId: string): string {
  return `lwa-vault:entry:v${LEGACY_ENTRY_FORMAT_VERSION}:${entryId}`;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

export function randomSalt(): Uint8Array<ArrayBuffer> {
  return randomBytes(SALT_BYTES);
}

/** The random 256-bit vault key as raw bytes, so the background can keep them in storage.session. */
export function generateVaultKeyBytes(): Uint8Array<ArrayBuffer> {
  return randomBytes(VAULT_KEY_BYTES);
}

/** PBKDF2-HMAC-SHA256 → non-extractable AES-256-GCM key that only wraps and unwraps the vault key. */
export async function deriveWrappingKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: copy(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function importVaultKey(raw: Uint8Array): Promise<CryptoKey> {
  if (raw.length !== VAULT_KEY_BYTES) throw new TypeError('vault key must be 32 bytes');
  return subtle().importKey('raw', copy(raw), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export function wrapVaultKey(wrappingKey: CryptoKey, raw: Uint8Array): Promise<Sealed> {
  return seal(wrappingKey, copy(raw), HEADER_AAD);
}

/** Rejects (OperationError) when the passphrase-derived key or the wrapped bytes are wrong. */
export async function unwrapVaultKey(wrappingKey: CryptoKey, wrapped: Sealed): Promise<Uint8Array<ArrayBuffer>> {
  const raw = await open(wrappingKey, wrapped, HEADER_AAD);
  if (raw.length !== VAULT_KEY_BYTES) throw new TypeError('unwrapped vault key has the wrong length');
  return raw;
}

export async function sealSecrets(key: CryptoKey, meta: EntryMeta, secrets: EntrySecrets): Promise<Sealed> {
  return seal(key, encoder.encode(JSON.stringify(secrets)), await entryAad(meta));
}

/**
 * Rejects on a wrong key, tampered iv/ct, a ciphertext from another entry, metadata changed since the seal,
 * or a payload that fails the schema.
 */
export async function openSecrets(key: CryptoKey, meta: EntryMeta, sealed: Sealed): Promise<EntrySecrets> {
  return parseSecretsPayload(await open(key, sealed, await entryAad(meta)));
}

export async function openLegacySecrets(key: CryptoKey, entryId: string, sealed: Sealed): Promise<EntrySecrets> {
  return parseSecretsPayload(await open(key, sealed, legacyEntryAad(entryId)));
}

function parseSecretsPayload(plain: Uint8Array): EntrySecrets {
  return entrySecretsSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)));
}

async function seal(key: CryptoKey, plain: Uint8Array<ArrayBuffer>, aad: string): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES); // fresh for every write: GCM must never reuse an IV under one key
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(aad) }, key, plain);
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

async function open(key: CryptoKey, sealed: Sealed, aad: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = fromBase64(sealed.iv);
  if (iv.length !== IV_BYTES) throw new TypeError('iv must be 12 bytes');
  const plain = await subtle().decrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(aad) },
    key,
    fromBase64(sealed.ct),
  );
  return new Uint8Array(plain);
}

/** WebCrypto wants ArrayBuffer-backed views; a copy also keeps callers' buffers out of reach. */
function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
