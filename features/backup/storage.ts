import { storage } from 'wxt/utils/storage';
import type { BackupProgress } from './protocol';

/** The running export or import, for the Backup screen's progress bar (storage.session: extension pages only). */
export const backupProgressItem = storage.defineItem<BackupProgress | null>('session:backupProgress', { fallback: null });
