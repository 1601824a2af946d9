import { z } from 'zod';
import { message } from '../../platform/message';
import { passphraseSchema as passphrase } from '../../platform/schemas';
import type { EntryMeta } from '../vault/schema';
import { BACKUP_MAX_CHARS } from './format';
import type { ImportCounts } from './merge';

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

export interface NotificationReply {
  entries: EntryMeta[];
  message: string;
}

/** Backup and import messages, and a pasted Amazon notification. Extension pages only. */
export const backupProtocol = {
  'backup.export': message('extension', z.object({ passphrase })).replies<ExportReply>(),
  'backup.import': message(
    'extension',
    z.object({ text: z.string().min(1).max(BACKUP_MAX_CHARS), passphrase }),
  ).replies<ImportReply>(),
  /** A pasted APPLICATION_OAUTH_CLIENT_NEW_SECRET / _SECRET_EXPIRY notification. */
  'backup.applyNotification': message(
    'extension',
    z.object({ text: z.string().min(1).max(100_000) }),
  ).replies<NotificationReply>(),
} as const;

/** Where a long export or import stands; the background writes it to storage.session, the Backup screen watches it. */
export interface BackupProgress {
  operation: 'export' | 'import';
  /** "Checking the passphrase", "Decrypting entries" … */
  phase: string;
  done: number;
  total: number;
}
