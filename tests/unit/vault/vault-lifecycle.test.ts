import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../platform/errors';
import { toBase64 } from '../../../features/vault/base64';
import { KDF_MIN_ITERATIONS } from '../../../features/vault/crypto';
import { HEADER_KEY, openVaultDb } from '../../../features/vault/db';
import { createVaultService } from '../../../features/vault/vault';
import {
  OTHER_PASSPHRASE,
  PASSPHRASE,
  TEST_ITERATIONS,
  dumpDb,
  readRecord,
  rejection,
  sampleMeta,
  setupVault,
  writeRecord,
} from './helpers';

type HeaderRecord = Record<string, unknown> & { kdf: Record<string, unknown>; wrappedKey: Record<string, unknown> };

async function header(name: string): Promise<HeaderRecord> {
  return (await readRecord(name, 'header', HEADER_KEY)) as HeaderRecord;
}

describe('create', () => {
  it('starts empty, then stores a header and leaves the vault unlocked', async () => {
    const { vault, name, keyStore } = setupVault();
    expect(await vault.status()).toEqual({ exists: false, unlocked: false });

    const result = await vault.create(PASSPHRASE);
    expect(result).toMatchObject({ exists: true, unlocked: true });
    expect(result.lastDeriveMs).toBeGreaterThanOrEqual(0);
    expect(await vault.status()).toEqual({ exists: true, unlocked: true });
    expect(keyStore.peek()).toHaveLength(32);

    const stored = await header(name);
    expect(stored.kdf).toMatchObject({ name: 'PBKDF2-SHA256', iterations: TEST_ITERATIONS });
    expect(stored.createdAt).toBe(1_750_000_000_000);
  });

  it('uses at least the OWASP floor when no iteration count is given', async () => {
    const { vault, name } = setupVault({ iterations: undefined, minIterations: undefined });
    await vault.create(PASSPHRASE);
    expect((await header(name)).kdf.iterations).toBe(KDF_MIN_ITERATIONS);
  });

  it('will not be configured to write headers it would refuse', () => {
    expect(() => setupVault({ iterations: 1_000, minIterations: undefined })).toThrow(RangeError);
  });

  it('refuses a weak passphrase and stores nothing', async () => {
    const { vault, name } = setupVault();
    const error = await rejection(vault.create('password1234'));
    expect(error).toBeInstanceOf(VaultError);
    expect(error.code).toBe('weak-passphrase');
    expect(await vault.status()).toEqual({ exists: false, unlocked: false });
    expect((await dumpDb(name)).header).toEqual([]);
  });

  it('refuses when a vault exists and leaves it untouched', async () => {
    const { vault, name } = setupVault();
    await vault.create(PASSPHRASE);
    const before = await dumpDb(name);
    expect((await rejection(vault.create(OTHER_PASSPHRASE))).code).toBe('vault-exists');
    expect(await dumpDb(name)).toEqual(before);
  });

  it('lets only one of two concurrent creates win', async () => {
    const { vault } = setupVault();
    const results = await Promise.allSettled([vault.create(PASSPHRASE), vault.create(OTHER_PASSPHRASE)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    await vault.lock();
    await vault.unlock(PASSPHRASE);
  });
});

describe('lock and unlock', () => {
  it('says there is no vault', async () => {
    const { vault } = setupVault();
    expect((await rejection(vault.unlock(PASSPHRASE))).code).toBe('no-vault');
  });

  it('locks, refuses secrets while locked, and unlocks with the passphrase', async () => {
    const { vault, keyStore } = setupVault();
    await vault.create(PASSPHRASE);
    const meta = await vault.createEntry(sampleMeta, { clientSecret: 'cs-1' });

    await vault.lock();
    expect(keyStore.peek()).toBeUndefined();
    expect(await vault.status()).toEqual({ exists: true, unlocked: false });
    expect((await rejection(vault.getEntry(meta.id))).code).toBe('locked');
    expect((await vault.listEntries()).entries).toHaveLength(1); // metadata stays readable

    const result = await vault.unlock(PASSPHRASE);
    expect(result).toMatchObject({ exists: true, unlocked: true });
    expect((await vault.getEntry(meta.id)).secrets).toEqual({ clientSecret: 'cs-1' });
  });

  it('stays unlocked across a worker restart (a new service over the same key store)', async () => {
    const { vault, deps } = setupVault();
    await vault.create(PASSPHRASE);
    const meta = await vault.createEntry(sampleMeta, { clientSecret: 'cs-1' });

    const restarted = createVaultService(deps);
    expect(await restarted.status()).toEqual({ exists: true, unlocked: true });
    expect((await restarted.getEntry(meta.id)).secrets.clientSecret).toBe('cs-1');
  });

  it('follows the key store: cleared elsewhere means locked', async () => {
    const { vault, keyStore } = setupVault();
    await vault.create(PASSPHRASE);
    await keyStore.clear();
    expect(await vault.status()).toEqual({ exists: true, unlocked: false });
  });

  it('rejects a wrong passphrase and changes nothing, locked or unlocked', async () => {
    const { vault, name, keyStore } = setupVault();
    await vault.create(PASSPHRASE);
    await vault.createEntry(sampleMeta, { clientSecret: 'cs-1' });
    const before = await dumpDb(name);
    const keyBefore = keyStore.peek();

    const error = await rejection(vault.unlock(OTHER_PASSPHRASE));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.message).toBe('That passphrase is not right.');
    expect(keyStore.peek()).toEqual(keyBefore);
    expect(await vault.status()).toEqual({ exists: true, unlocked: true });

    await vault.lock();
    expect((await rejection(vault.unlock(OTHER_PASSPHRASE))).code).toBe('wrong-passphrase');
    expect(keyStore.peek()).toBeUndefined();
    expect(await dumpDb(name)).toEqual(before);
  });
});

describe('header checks on unlock', () => {
  async function lockedVault() {
    const setup = setupVault();
    await setup.vault.create(PASSPHRASE);
    await setup.vault.lock();
    return setup;
  }

  it('refuses a header edited down to 100,000 iterations (downgrade protection)', async () => {
    const { name, keyStore, deps } = await lockedVault();
    await writeRecord(name, 'header', { ...(await header(name)), kdf: { ...(await header(name)).kdf, iterations: 100_000 } }, HEADER_KEY);
    const production = createVaultService({ ...deps, iterations: undefined, minIterations: undefined });

    const error = await rejection(production.unlock(PASSPHRASE));
    expect(error.code).toBe('kdf-too-weak');
    expect(keyStore.peek()).toBeUndefined();
  });

  it('refuses a header edited up to 10,000,001 iterations at once, with a clear error, and changes nothing', async () => {
    const { name, keyStore, vault } = await lockedVault();
    await writeRecord(name, 'header', { ...(await header(name)), kdf: { ...(await header(name)).kdf, iterations: 10_000_001 } }, HEADER_KEY);
    const before = await dumpDb(name);
    const started = performance.now();
    const error = await rejection(vault.unlock(PASSPHRASE));
    expect(performance.now() - started).toBeLessThan(200); // refused before any key derivation
    expect(error).toMatchObject({
      code: 'kdf-too-weak',
      message: "The vault's header asks for more than 10,000,000 key-derivation iterations, which no LWA Vault writes, so it was not unlocked. The header may have been tampered with; it has been left exactly as it was.",
    });
    expect(keyStore.peek()).toBeUndefined();
    expect(await dumpDb(name)).toEqual(before);
    expect((await rejection(vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE))).code).toBe('kdf-too-weak');
    expect(await dumpDb(name)).toEqual(before);
  });

  it('applies the floor to a header that was stored below it, whatever wrote it', async () => {
    const { deps } = await lockedVault(); // written with TEST_ITERATIONS
    const production = createVaultService({ ...deps, iterations: undefined, minIterations: undefined });
    expect((await rejection(production.unlock(PASSPHRASE))).code).toBe('kdf-too-weak');
  });

  it.each([
    ['another KDF', (h: HeaderRecord) => ({ ...h, kdf: { ...h.kdf, name: 'PBKDF2-SHA1' } })],
    ['a short salt', (h: HeaderRecord) => ({ ...h, kdf: { ...h.kdf, salt: toBase64(new Uint8Array(8)) } })],
  ])('refuses %s as too weak', async (_name, edit) => {
    const { vault, name } = await lockedVault();
    await writeRecord(name, 'header', edit(await header(name)), HEADER_KEY);
    expect((await rejection(vault.unlock(PASSPHRASE))).code).toBe('kdf-too-weak');
  });

  it.each([
    ['bad base64 in the salt', (h: HeaderRecord) => ({ ...h, kdf: { ...h.kdf, salt: '%%not base64%%' } })],
    ['unpadded base64 in the wrapped key', (h: HeaderRecord) => ({ ...h, wrappedKey: { ...h.wrappedKey, ct: 'YWJj' + 'Q' } })],
    ['a missing wrapped key', ({ wrappedKey: _, ...h }: HeaderRecord) => h],
    ['a missing iteration count', (h: HeaderRecord) => ({ ...h, kdf: { name: h.kdf.name, salt: h.kdf.salt } })],
    ['a wrong-sized IV', (h: HeaderRecord) => ({ ...h, wrappedKey: { ...h.wrappedKey, iv: toBase64(new Uint8Array(8)) } })],
    ['an unknown format version', (h: HeaderRecord) => ({ ...h, formatVersion: 9 })],
    ['not an object at all', () => 'garbage'],
  ])('reports %s as a damaged header, never overwrites it, and create() refuses', async (_name, edit) => {
    const { vault, name, keyStore } = await lockedVault();
    await writeRecord(name, 'header', edit(await header(name)), HEADER_KEY);
    const before = await dumpDb(name);

    const error = await rejection(vault.unlock(PASSPHRASE));
    expect(error.code).toBe('header-damaged');
    expect(error.message).toMatch(/^The vault header is damaged/);
    expect(await vault.status()).toEqual({ exists: true, unlocked: false });
    expect((await rejection(vault.create(OTHER_PASSPHRASE))).code).toBe('vault-exists');
    expect((await rejection(vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE))).code).toBe('header-damaged');
    expect(keyStore.peek()).toBeUndefined();
    expect(await dumpDb(name)).toEqual(before);
  });
});

describe('changePassphrase', () => {
  it('re-wraps the same vault key with a new salt and leaves every entry byte-identical', async () => {
    const { vault, name, clock } = setupVault();
    await vault.create(PASSPHRASE);
    const a = await vault.createEntry(sampleMeta, { clientSecret: 'cs-a', refreshToken: 'Atzr|a' });
    const b = await vault.createEntry({ ...sampleMeta, alias: 'B' }, { clientSecret: 'cs-b' });
    const entriesBefore = (await dumpDb(name)).entries;
    const headerBefore = await header(name);

    clock.now += 60_000;
    await vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);

    const after = await dumpDb(name);
    expect(after.entries).toEqual(entriesBefore);
    const headerAfter = await header(name);
    expect(headerAfter.kdf.salt).not.toBe(headerBefore.kdf.salt);
    expect(headerAfter.wrappedKey).not.toEqual(headerBefore.wrappedKey);
    expect(headerAfter.createdAt).toBe(headerBefore.createdAt);
    expect(headerAfter.passphraseChangedAt).toBe(clock.now);

    await vault.lock();
    expect((await rejection(vault.unlock(PASSPHRASE))).code).toBe('wrong-passphrase');
    await vault.unlock(OTHER_PASSPHRASE);
    expect((await vault.getEntry(a.id)).secrets).toEqual({ clientSecret: 'cs-a', refreshToken: 'Atzr|a' });
    expect((await vault.getEntry(b.id)).secrets).toEqual({ clientSecret: 'cs-b' });
  });

  it('refuses a wrong current passphrase or a weak new one and changes nothing', async () => {
    const { vault, name } = setupVault();
    await vault.create(PASSPHRASE);
    const before = await dumpDb(name);
    expect((await rejection(vault.changePassphrase(OTHER_PASSPHRASE, 'another fine long phrase'))).code).toBe('wrong-passphrase');
    expect((await rejection(vault.changePassphrase(PASSPHRASE, 'short'))).code).toBe('weak-passphrase');
    expect(await dumpDb(name)).toEqual(before);
  });

  it('says there is no vault', async () => {
    const { vault } = setupVault();
    expect((await rejection(vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE))).code).toBe('no-vault');
  });
});

describe('database connection', () => {
  it('opens the database once per service', async () => {
    const { deps } = setupVault();
    let opened = 0;
    const vault = createVaultService({ ...deps, openDb: () => (opened++, deps.openDb()) });
    await vault.create(PASSPHRASE);
    await vault.status();
    await vault.listEntries();
    expect(opened).toBe(1);
  });

  it('retries opening after a failure', async () => {
    const { deps, name } = setupVault();
    let attempts = 0;
    const vault = createVaultService({
      ...deps,
      openDb: () => (++attempts === 1 ? Promise.reject(new Error('transient')) : openVaultDb(name)),
    });
    await expect(vault.status()).rejects.toThrow('transient');
    expect(await vault.status()).toEqual({ exists: false, unlocked: false });
  });
});
