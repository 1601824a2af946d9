import { VaultError } from '../../platform/errors';
import { fromBase64, toBase64 } from '../vault/base64';
import { KDF_DEFAULT_ITERATIONS, KDF_MIN_ITERATIONS, SALT_BYTES, randomBytes, randomSalt } from '../vault/crypto';
import { deriveBackupKey, openJson, sealJson } from './backup-crypto';
import {
  BACKUP_FORMAT,
  BACKUP_MAX_CHARS,
  BACKUP_MAX_ITERATIONS,
  BACKUP_VERSION,
  backupEntrySchema,
  backupFileSchema,
  entryAad,
  manifestAad,
  manifestSchema,
  type BackupEntry,
  type BackupFile,
} from './format';

export type Progress = (done: number, total: number) => void;

export interface WriteOptions {
  now: number;
  /** PBKDF2 iterations; defaults to the vault's. Only tests lower it. */
  iterations?: number;
  onProgress?: Progress;
}

export interface ReadOptions {
  /** Floor for the file's PBKDF2 iterations; defaults to the vault's floor. Only tests lower it. */
  minIterations?: number;
  /** Called once the passphrase is known to be right, then after each entry opened. */
  onProgress?: Progress;
}

export interface ReadBackup {
  createdAt: number;
  entries: BackupEntry[];
}

const MESSAGES = {
  notJson: 'This file is not an LWA Vault backup: it is not JSON. Choose the .json file that LWA Vault exported.',
  notBackup: 'This file is not an LWA Vault backup. Choose the .json file that LWA Vault exported.',
  wrong: 'That passphrase does not open this backup, so nothing was imported. Check it and try again; if it is right, the file is damaged.',
  kdfWeak: `This backup's key-derivation settings are weaker than LWA Vault accepts (PBKDF2-SHA256, at least ${KDF_MIN_ITERATIONS.toLocaleString('en-US')} iterations), so it was not imported.`,
} as const;

/** Seals every entry under a key derived from `passphrase`. The caller checks the passphrase's strength. */
export async function writeBackupFile(entries: readonly BackupEntry[], passphrase: string, options: WriteOptions): Promise<string> {
  const iterations = options.iterations ?? KDF_DEFAULT_ITERATIONS;
  const salt = randomSalt();
  const backupId = toBase64(randomBytes(16));
  const key = await deriveBackupKey(passphrase, salt, iterations);
  const sealedEntries: BackupFile['entries'] = [];
  for (const [index, entry] of entries.entries()) {
    sealedEntries.push({ id: entry.meta.id, sealed: await sealJson(key, entry, entryAad(backupId, entry.meta.id)) });
    options.onProgress?.(index + 1, entries.length);
  }
  const manifest = { createdAt: options.now, entryIds: entries.map((e) => e.meta.id) };
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date(options.now).toISOString(),
    backupId,
    kdf: { name: 'PBKDF2-SHA256', iterations, salt: toBase64(salt) },
    manifest: await sealJson(key, manifest, manifestAad(backupId)),
    entries: sealedEntries,
  };
  return JSON.stringify(file, null, 1);
}

/**
 * Opens and checks the whole file before returning anything, so a caller that writes only afterwards never
 * writes part of a damaged backup. Throws VaultError: backup-damaged, wrong-passphrase or kdf-too-weak.
 */
export async function readBackupFile(text: string, passphrase: string, options: ReadOptions = {}): Promise<ReadBackup> {
  const file = parseFile(text, options.minIterations ?? KDF_MIN_ITERATIONS);
  const key = await deriveBackupKey(passphrase, fromBase64(file.kdf.salt), file.kdf.iterations);

  let manifestValue: unknown;
  try {
    manifestValue = await openJson(key, file.manifest, manifestAad(file.backupId));
  } catch {
    throw new VaultError('wrong-passphrase', MESSAGES.wrong);
  }
  const manifest = manifestSchema.safeParse(manifestValue);
  if (!manifest.success) throw damaged('its list of entries is unreadable');
  const ids = file.entries.map((e) => e.id);
  if (new Set(ids).size !== ids.length) throw damaged('it lists an entry twice');
  if (ids.length !== manifest.data.entryIds.length || ids.some((id, i) => id !== manifest.data.entryIds[i])) {
    throw damaged(`it should hold ${manifest.data.entryIds.length} entries but holds a different set of ${ids.length}`);
  }

  const total = file.entries.length;
  options.onProgress?.(0, total);
  const entries: BackupEntry[] = [];
  for (const [index, { id, sealed }] of file.entries.entries()) {
    let value: unknown;
    try {
      value = await openJson(key, sealed, entryAad(file.backupId, id));
    } catch {
      throw damaged(`entry ${index + 1} of ${total} cannot be decrypted`);
    }
    const parsed = backupEntrySchema.safeParse(value);
    // Names the position only: zod's message could quote a secret.
    if (!parsed.success || parsed.data.meta.id !== id) throw damaged(`entry ${index + 1} of ${total} is not a valid entry`);
    entries.push(parsed.data);
    options.onProgress?.(index + 1, total);
  }
  return { createdAt: manifest.data.createdAt, entries };
}

function parseFile(text: string, minIterations: number): BackupFile {
  if (text.length > BACKUP_MAX_CHARS) throw damaged('it is larger than any backup LWA Vault writes');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new VaultError('backup-damaged', MESSAGES.notJson);
  }
  const head = (json ?? {}) as { format?: unknown; version?: unknown; kdf?: { name?: unknown; iterations?: unknown } };
  if (typeof json !== 'object' || head.format !== BACKUP_FORMAT) throw new VaultError('backup-damaged', MESSAGES.notBackup);
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new VaultError(
      'backup-damaged',
      `This backup was written by a newer LWA Vault (file version ${head.version}). Update LWA Vault, then import it.`,
    );
  }
  if (typeof head.kdf?.name === 'string' && head.kdf.name !== 'PBKDF2-SHA256') throw new VaultError('kdf-too-weak', MESSAGES.kdfWeak);
  const parsed = backupFileSchema.safeParse(json);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.map(String).join('.') || 'its structure';
    throw damaged(`${path} is missing or has the wrong form`);
  }
  const file = parsed.data;
  let saltBytes: number;
  try {
    saltBytes = fromBase64(file.kdf.salt).length;
    fromBase64(file.manifest.iv);
  } catch {
    throw damaged('its key-derivation salt is not valid');
  }
  if (file.kdf.iterations < minIterations || saltBytes < SALT_BYTES) throw new VaultError('kdf-too-weak', MESSAGES.kdfWeak);
  if (file.kdf.iterations > BACKUP_MAX_ITERATIONS) throw damaged('its key-derivation cost is implausibly high');
  return file;
}

function damaged(why: string): VaultError {
  return new VaultError('backup-damaged', `This backup file is damaged (${why}), so nothing was imported. Your vault is unchanged.`);
}
