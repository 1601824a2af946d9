import { describe, expect, it } from 'vitest';
import { readBackupFile, writeBackupFile } from '../../../features/backup/backup-file';
import { BACKUP_FORMAT } from '../../../features/backup/format';
import { KDF_MIN_ITERATIONS } from '../../../features/vault/crypto';
import { rejection } from '../vault/helpers';
import { backupEntry, EXPORT_PASSPHRASE, SECRET_A, SECRET_B, TEST_ITERATIONS } from './fixtures';

const now = Date.UTC(2027, 0, 10);
const entries = [
  backupEntry('one', 2_000, { clientSecret: SECRET_A, refreshToken: 'Atzr|refresh-one', notes: 'billing, EU' }),
  backupEntry('two', 3_000, { clientSecret: SECRET_B }),
];
const write = (list = entries, passphrase = EXPORT_PASSPHRASE) => writeBackupFile(list, passphrase, { now, iterations: TEST_ITERATIONS });
const read = (text: string, passphrase = EXPORT_PASSPHRASE) => readBackupFile(text, passphrase, { minIterations: TEST_ITERATIONS });

/** Edits the parsed file and serialises it again: a file damaged in a known place. */
function tamper(text: string, edit: (file: Record<string, any>) => void): string {
  const file = JSON.parse(text) as Record<string, any>;
  edit(file);
  return JSON.stringify(file);
}

function flipFirstChar(base64: string): string {
  return (base64[0] === 'A' ? 'B' : 'A') + base64.slice(1);
}

describe('backup file', () => {
  it('round-trips every entry with its secrets and events', async () => {
    const text = await write();
    const backup = await read(text);
    expect(backup.entries).toEqual(entries);
    expect(backup.createdAt).toBe(now);
  });

  it('is versioned JSON with no secret, alias or client id in the clear', async () => {
    const text = await write();
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: BACKUP_FORMAT, version: 1, kdf: { name: 'PBKDF2-SHA256', iterations: TEST_ITERATIONS } });
    for (const plain of [SECRET_A, SECRET_B, 'Atzr|refresh-one', 'billing', 'Entry one', 'amzn1.application-oa2-client']) {
      expect(text).not.toContain(plain);
    }
  });

  it('uses the vault’s KDF floor by default: 600,000 PBKDF2 iterations', async () => {
    expect(KDF_MIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const weak = await write();
    const error = await rejection(readBackupFile(weak, EXPORT_PASSPHRASE));
    expect(error).toMatchObject({ code: 'kdf-too-weak' });
  });

  it('refuses a wrong passphrase with a clear message', async () => {
    const error = await rejection(read(await write(), 'not the export passphrase at all'));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.message).toMatch(/passphrase does not open this backup/);
  });

  it('names the damage when an entry was changed, removed, added or swapped', async () => {
    const text = await write();
    const cases: Array<[string, (f: Record<string, any>) => void]> = [
      ['changed byte', (f) => (f.entries[1].sealed.ct = flipFirstChar(f.entries[1].sealed.ct))],
      ['entry removed', (f) => f.entries.pop()],
      ['entry duplicated', (f) => f.entries.push(f.entries[0])],
      ['entries swapped', (f) => f.entries.reverse()],
      ['id renamed', (f) => (f.entries[0].id = 'other')],
      ['field missing', (f) => delete f.entries[0].sealed],
    ];
    for (const [name, edit] of cases) {
      const error = await rejection(read(tamper(text, edit)));
      expect(error.code, name).toBe('backup-damaged');
      expect(error.message, name).toMatch(/damaged .*nothing was imported/);
    }
  });

  it('refuses files that are not backups, newer versions and hostile KDF settings', async () => {
    const text = await write();
    expect(await rejection(read('{ not json'))).toMatchObject({ code: 'backup-damaged', message: expect.stringMatching(/not JSON/) });
    expect(await rejection(read('{"hello":"world"}'))).toMatchObject({ message: expect.stringMatching(/not an LWA Vault backup/) });
    expect(await rejection(read(tamper(text, (f) => (f.version = 2))))).toMatchObject({ message: expect.stringMatching(/newer LWA Vault/) });
    expect(await rejection(read(tamper(text, (f) => (f.kdf.name = 'SHA1'))))).toMatchObject({ code: 'kdf-too-weak' });
    expect(await rejection(read(tamper(text, (f) => (f.kdf.iterations = 10))))).toMatchObject({ code: 'kdf-too-weak' });
    expect(await rejection(read(tamper(text, (f) => (f.kdf.iterations = 1e9))))).toMatchObject({ code: 'backup-damaged' });
  });

  it('never echoes a secret in an error', async () => {
    const text = await write();
    const error = await rejection(read(tamper(text, (f) => (f.entries[0].id = SECRET_A.slice(0, 90)))));
    expect(error.message).not.toContain(SECRET_A.slice(20, 60));
  });

  it('reports progress once the passphrase is right', async () => {
    const seen: Array<[number, number]> = [];
    await readBackupFile(await write(), EXPORT_PASSPHRASE, { minIterations: TEST_ITERATIONS, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([[0, 2], [1, 2], [2, 2]]);
  });
});
