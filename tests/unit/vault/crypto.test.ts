import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../features/vault/base64';
import {
  HEADER_AAD,
  IV_BYTES,
  KDF_DEFAULT_ITERATIONS,
  KDF_MIN_ITERATIONS,
  SALT_BYTES,
  deriveWrappingKey,
  BOUND_META_KEYS,
  KDF_MAX_ITERATIONS,
  entryAad,
  legacyEntryAad,
  openLegacySecrets,
  generateVaultKeyBytes,
  importVaultKey,
  openSecrets,
  randomSalt,
  sealSecrets,
  unwrapVaultKey,
  wrapVaultKey,
} from '../../../features/vault/crypto';
import { sealLegacyForTest } from './helpers';
import type { EntryMeta, Sealed } from '../../../features/vault/schema';

const secrets = { clientSecret: 'amzn1.oa2-cs.v1.known-secret-value', notes: 'ünïcødé ✓' };
const newKey = () => importVaultKey(generateVaultKeyBytes());
const metaA: EntryMeta = {
  id: 'entry-a',
  alias: 'EU seller',
  kind: 'seller',
  connector: 'shopctrl-3p',
  environment: 'production',
  region: 'EU',
  clientId: 'amzn1.application-oa2-client.0123456789abcdef',
  shopCtrlUrl: 'https://shop.shopctrl.example/settings',
  secretIssuedAt: 1_750_000_000_000,
  createdAt: 1_740_000_000_000,
  updatedAt: 1_750_000_000_000,
};
const metaB: EntryMeta = { ...metaA, id: 'entry-b' };

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
    expect(KDF_MAX_ITERATIONS).toBe(10_000_000);
    expect(legacyEntryAad('abc')).toBe('lwa-vault:entry:v1:abc');
  });

  it('binds the id, the format version and a digest of the metadata that routes or dates secrets', async () => {
    expect(await entryAad(metaA)).toMatch(/^lwa-vault:entry:v2:entry-a:[A-Za-z0-9+/]{43}=$/);
    expect(await entryAad({ ...metaA, alias: 'renamed' })).toBe(await entryAad(metaA)); // a label routes nothing
    expect(BOUND_META_KEYS).toEqual(expect.arrayContaining(['clientId', 'kind', 'region', 'shopCtrlUrl', 'secretExpiresAt', 'authorizationRenewAt']));
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
    const first = await sealSecrets(key, metaA, secrets);
    const second = await sealSecrets(key, metaA, secrets);
    expect(fromBase64(first.iv)).toHaveLength(IV_BYTES);
    expect(first.iv).not.toBe(second.iv);
    expect(first.ct).not.toBe(second.ct);
    expect(await openSecrets(key, metaA, first)).toEqual(secrets);
    expect(await openSecrets(key, metaA, second)).toEqual(secrets);
  });

  it('imports the vault key as non-extractable', async () => {
    const key = await newKey();
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('fails with the wrong key', async () => {
    const sealed = await sealSecrets(await newKey(), metaA, secrets);
    await expect(openSecrets(await newKey(), metaA, sealed)).rejects.toThrow();
  });

  it('fails when one byte of the ciphertext or of the IV is flipped', async () => {
    const key = await newKey();
    const sealed = await sealSecrets(key, metaA, secrets);
    await expect(openSecrets(key, metaA, { ...sealed, ct: flipByte(sealed.ct, 3) })).rejects.toThrow();
    await expect(openSecrets(key, metaA, { ...sealed, iv: flipByte(sealed.iv, 0) })).rejects.toThrow();
  });

  it('fails for a ciphertext swapped in from another entry', async () => {
    const key = await newKey();
    const sealedForB = await sealSecrets(key, metaB, { clientSecret: 'b' });
    await expect(openSecrets(key, metaA, sealedForB)).rejects.toThrow();
  });

  it('fails when any bound metadata field was edited after the seal, added or removed', async () => {
    const key = await newKey();
    const sealed = await sealSecrets(key, metaA, secrets);
    const edits: Array<Partial<EntryMeta>> = [
      { clientId: 'amzn1.application-oa2-client.ffffffffffffffff' },
      { kind: 'vendor' },
      { region: 'NA' },
      { shopCtrlUrl: 'https://other-tenant.shopctrl.example/settings' },
      { secretIssuedAt: metaA.secretIssuedAt! + 1 },
      { secretExpiresAt: 1_800_000_000_000 },
      { shopCtrlUrl: undefined },
    ];
    for (const edit of edits) await expect(openSecrets(key, { ...metaA, ...edit }, sealed)).rejects.toThrow();
    expect(await openSecrets(key, { ...metaA, alias: 'renamed' }, sealed)).toEqual(secrets);
  });

  it('opens a v1 payload (id-only additional data) with the legacy reader only', async () => {
    const key = await newKey();
    const legacy = await sealLegacyForTest(key, 'entry-a', secrets);
    expect(await openLegacySecrets(key, 'entry-a', legacy)).toEqual(secrets);
    await expect(openSecrets(key, metaA, legacy)).rejects.toThrow();
    await expect(openLegacySecrets(key, 'entry-b', legacy)).rejects.toThrow();
  });

  it('fails for a truncated IV, bad base64, and a payload that is not EntrySecrets', async () => {
    const key = await newKey();
    const sealed = await sealSecrets(key, metaA, secrets);
    await expect(openSecrets(key, metaA, { ...sealed, iv: toBase64(fromBase64(sealed.iv).slice(0, 8)) })).rejects.toThrow();
    await expect(openSecrets(key, metaA, { ...sealed, ct: sealed.ct.slice(0, -1) })).rejects.toThrow();
    const wrongShape = await sealSecrets(key, metaA, { clientSecret: 42 } as never);
    await expect(openSecrets(key, metaA, wrongShape)).rejects.toThrow();
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
    await expect(openSecrets(wrappingKey, metaA, wrapped)).rejects.toThrow();
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

