import { fromBase64, toBase64 } from '../vault/base64';
import { IV_BYTES, deriveWrappingKey, randomBytes } from '../vault/crypto';
import type { Sealed } from '../vault/schema';

/**
 * AES-256-GCM for backup files, keyed by PBKDF2-SHA256 from the export passphrase (the vault's own KDF). Every
 * sealed part has its own additional data, so parts cannot be moved between places or between files.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function deriveBackupKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  return deriveWrappingKey(passphrase, salt, iterations);
}

export async function sealJson(key: CryptoKey, value: unknown, aad: string): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES); // fresh for every part: GCM must never reuse an IV under one key
  const plain = encoder.encode(JSON.stringify(value));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(aad) }, key, plain);
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Rejects on a wrong key, a changed byte, the wrong additional data, or text that is not JSON. */
export async function openJson(key: CryptoKey, sealed: Sealed, aad: string): Promise<unknown> {
  const iv = fromBase64(sealed.iv);
  if (iv.length !== IV_BYTES) throw new TypeError('iv must be 12 bytes');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(aad) },
    key,
    fromBase64(sealed.ct),
  );
  return JSON.parse(decoder.decode(plain));
}
