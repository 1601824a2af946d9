import { z } from 'zod';
import {
  entryMetaSchema,
  entrySecretsSchema,
  eventTypeSchema,
  kdfParamsSchema,
  sealedSchema,
  type EntryMeta,
  type EntrySecrets,
  type VaultEvent,
} from '../vault/schema';

/**
 * The backup file, version 1: JSON whose only clear fields are the format, the KDF parameters and entry ids.
 * Each entry (metadata, secrets and event log) is sealed on its own; a sealed manifest lists every entry id, so
 * a removed or added entry is detected as damage, not silently accepted.
 */

export const BACKUP_FORMAT = 'lwa-vault-backup';
export const BACKUP_VERSION = 1;
/** Refuses files that would make the import derive for minutes (a damaged or hostile file). */
export const BACKUP_MAX_ITERATIONS = 10_000_000;
/** The largest file the import accepts (characters); a few thousand entries stay far below it. */
export const BACKUP_MAX_CHARS = 64 * 1024 * 1024;

const entryId = z.string().min(1).max(100);

export const backupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** ISO date, for people looking at the file; the sealed manifest holds the authenticated one. */
  createdAt: z.string().max(40),
  backupId: z.string().regex(/^[A-Za-z0-9+/]{22}==$/),
  kdf: kdfParamsSchema,
  manifest: sealedSchema,
  entries: z.array(z.object({ id: entryId, sealed: sealedSchema })),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

export const manifestSchema = z.object({
  createdAt: z.number(),
  entryIds: z.array(entryId),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** An event as exported: the entry id is implied, the local sequence number is not portable. */
export const backupEventSchema = z.object({
  at: z.number(),
  type: eventTypeSchema,
  detail: z.string().max(300).optional(),
});
export type BackupEvent = z.infer<typeof backupEventSchema>;

export const backupEntrySchema = z.object({
  meta: entryMetaSchema,
  secrets: entrySecretsSchema,
  events: z.array(backupEventSchema),
});

/** One entry as it travels in a backup: the whole of it. */
export interface BackupEntry {
  meta: EntryMeta;
  secrets: EntrySecrets;
  events: BackupEvent[];
}

export function manifestAad(backupId: string): string {
  return `lwa-vault:backup:v${BACKUP_VERSION}:${backupId}:manifest`;
}

export function entryAad(backupId: string, id: string): string {
  return `lwa-vault:backup:v${BACKUP_VERSION}:${backupId}:entry:${id}`;
}

export function toBackupEvent(event: VaultEvent): BackupEvent {
  return event.detail === undefined ? { at: event.at, type: event.type } : { at: event.at, type: event.type, detail: event.detail };
}

/** lwa-vault-backup-2026-11-22.json (UTC date). */
export function backupFileName(now: number): string {
  return `lwa-vault-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

