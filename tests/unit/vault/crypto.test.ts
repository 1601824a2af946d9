import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../utils/vault/base64';
import {
  HEADER_AAD,
  IV_BYTES,
  KDF_DEFAULT_ITERATIONS,
  KDF_MIN_ITERATIONS,
  SALT_BYTES,
  deriveWrappingKey,
  entryAad,
  generateVaultKeyBytes,
  importVaultKey,
  openSecrets,
  randomSalt,
  sealSecrets,
  unwrapVaultKey,
  wrapVaultKey,
} from '../../../utils/vault/crypto';
import type { Sealed } from '../../../utils/vault/schema';

const secrets = { clientSecret: 'amzn1.oa2-cs.v1.known-secret-value', notes: 'ünïcødé ✓' };
const newKey = () => importVaultKey(generateVaultKeyBytes());

function flipByte(text: string, index: number): string {
  const bytes = fromBase64(text);
  bytes[index]! ^= 0x01;
  return toBase64(bytes);
}

describe('constants', () => {
  it('keeps the PBKDF2 floor at the OWASP figure and the default at or above it', () => {
    expect(KDF_MIN_ITERATIONS).toBe(600_000);
    expect(KDF_DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(KDF_MIN_ITERATIONS);
    expect(HEADER_AAD).toBe('lwa-vault:header:v1');
    expect(entryAad('abc')).toBe('lwa-vault:entry:v1:abc');
  });

  it('makes 16-byte salts and 32-byte vault keys, fresh every time', () => {
    expect(randomSalt()).toHaveLength(SALT_BYTES);
    const a = generateVaultKeyBytes();
    expect(a).toHaveLength(32);
    expect(toBase64(a)).not.toBe(toBase64(generateVaultKeyBytes()));
  });
});

describe('sealSecrets / openSecrets', () => {
  it('round-trips and uses a fresh 96-bit IV on every write', async () => {
    const key = await newKey();
    const first = await sealSecrets(key, 'entry-a', secrets);
    const second = await sealSecrets(key, 'entry-a', secrets);
    expect(fromBase64(first.iv)).toHaveLength(IV_BYTES);
    expect(first.iv).not.toBe(second.iv);
    expect(first.ct).not.toBe(second.ct);
    expect(await openSecrets(key, 'entry-a', first)).toEqual(secrets);
    expect(await openSecrets(key, 'entry-a', second)).toEqual(secrets);
  });

  it('imports the vault key as non-extractable', async () => {
    const key = await newKey();
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('fails with the wrong key', async () => {
    const sealed = await sealSecrets(await newKey(), 'entry-a', secrets);
    await expect(openSecrets(await newKey(), 'entry-a', sealed)).rejects.toThrow();
  });

  it('fails when one byte of the ciphertext or of the IV is flipped', async () => {
    const key = await newKey();
    const sealed = await sealSecrets(key, 'entry-a', secrets);
    await expect(openSecrets(key, 'entry-a', { ...sealed, ct: flipByte(sealed.ct, 3) })).rejects.toThrow();
    await expect(openSecrets(key, 'entry-a', { ...sealed, iv: flipByte(sealed.iv, 0) })).rejects.toThrow();
  });

  it('fails for a ciphertext swapped in from another entry', async () => {
    const key = await newKey();
    const sealedForB = await sealSecrets(key, 'entry-b', { clientSecret: 'b' });
    await expect(openSecrets(key, 'entry-a', sealedForB)).rejects.toThrow();
  });

  it('fails for a truncated IV, bad base64, and a payload that is not EntrySecrets', async () => {
    const key = await newKey();
    const sealed = await sealSecrets(key, 'entry-a', secrets);
    await expect(openSecrets(key, 'entry-a', { ...sealed, iv: toBase64(fromBase64(sealed.iv).slice(0, 8)) })).rejects.toThrow();
    await expect(openSecrets(key, 'entry-a', { ...sealed, ct: sealed.ct.slice(0, -1) })).rejects.toThrow();
    const wrongShape = await sealSecrets(key, 'entry-a', { clientSecret: 42 } as never);
    await expect(openSecrets(key, 'entry-a', wrongShape)).rejects.toThrow();
  });
});

describe('vault key wrapping', () => {
  it('unwraps with the same passphrase and salt only', async () => {
    const salt = randomSalt();
    const raw = generateVaultKeyBytes();
    const wrappingKey = await deriveWrappingKey('correct horse battery staple', salt, 1_000);
    expect(wrappingKey.extractable).toBe(false);
    const wrapped = await wrapVaultKey(wrappingKey, raw);
    expect(await unwrapVaultKey(wrappingKey, wrapped)).toEqual(raw);

    const wrongPassphrase = await deriveWrappingKey('correct horse battery stapler', salt, 1_000);
    await expect(unwrapVaultKey(wrongPassphrase, wrapped)).rejects.toThrow();
    const wrongSalt = await deriveWrappingKey('correct horse battery staple', randomSalt(), 1_000);
    await expect(unwrapVaultKey(wrongSalt, wrapped)).rejects.toThrow();
    const fewerRounds = await deriveWrappingKey('correct horse battery staple', salt, 999);
    await expect(unwrapVaultKey(fewerRounds, wrapped)).rejects.toThrow();
  });

  it('binds the wrapped key to the header format: an entry payload cannot stand in for it', async () => {
    const wrappingKey = await deriveWrappingKey('correct horse battery staple', randomSalt(), 1_000);
    const wrapped: Sealed = await wrapVaultKey(wrappingKey, generateVaultKeyBytes());
    await expect(openSecrets(wrappingKey, 'x', wrapped)).rejects.toThrow();
  });
});

describe('base64', () => {
  it('round-trips bytes and refuses anything not canonical', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 251); // spans several encoder chunks
    expect(Buffer.from(fromBase64(toBase64(bytes))).equals(bytes)).toBe(true);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    for (const bad of ['abc', 'ab=c', 'a b=', '****', 'YQ']) expect(() => fromBase64(bad)).toThrow();
    expect(fromBase64('')).toHaveLength(0);
  });
});
