import { z } from 'zod';
import type { EntryMeta } from '../vault/schema';
import { BACKUP_MAX_CHARS } from './format';
import type { ImportCounts } from './merge';

/** Backup, import and calendar messages. Extension pages only. */

const passphrase = z.string().min(1).max(1024);

export const backupProtocol = {
  'backup.export': { access: 'extension', request: z.object({ passphrase }) },
  'backup.import': { access: 'extension', request: z.object({ text: z.string().min(1).max(BACKUP_MAX_CHARS), passphrase }) },
  'backup.calendar': { access: 'extension', request: z.object({}) },
  /** A pasted APPLICATION_OAUTH_CLIENT_NEW_SECRET / _SECRET_EXPIRY notification. */
  'backup.applyNotification': { access: 'extension', request: z.object({ text: z.string().min(1).max(100_000) }) },
} as const;

export interface ExportReply {
  fileName: string;
  /** The encrypted backup file (JSON). */
  text: string;
  exported: number;
  /** Aliases (or ids) of damaged entries that could not be exported. */
  skipped: string[];
  message: string;
}

export interface ImportReply {
  counts: ImportCounts;
  /** "3 added, 2 updated, 1 kept older version in history." */
  message: string;
}

export interface CalendarReply {
  fileName: string;
  text: string;
  events: number;
}

export interface NotificationReply {
  entries: EntryMeta[];
  message: string;
}

export interface BackupReplies {
  'backup.export': ExportReply;
  'backup.import': ImportReply;
  'backup.calendar': CalendarReply;
  'backup.applyNotification': NotificationReply;
}

/** Where a long export or import stands; the background writes it to storage.session, the Backup screen watches it. */
export interface BackupProgress {
  operation: 'export' | 'import';
  /** "Checking the passphrase", "Decrypting entries" … */
  phase: string;
  done: number;
  total: number;
}
