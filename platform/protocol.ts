import type { z } from 'zod';
import { backupProtocol, type BackupReplies } from '../features/backup/protocol';
import { captureProtocol, type CaptureReplies } from '../features/authorize/protocol';
import { clipboardProtocol, type ClipboardReplies } from './clipboard/protocol';
import { rotationProtocol, type RotationReplies } from '../features/entries/rotate-protocol';
import { sightingProtocol, type SightingReplies } from '../features/rotation-watch/protocol';
import { vaultProtocol, type VaultReplies } from '../features/vault/protocol';

/**
 * The one protocol between the popup / content script and the background, assembled from each feature's
 * section. Every message names its request schema (checked with zod in the background) and who may send
 * it: `extension` pages only, or also a `content` script on an Amazon console host.
 */
export const protocol = {
  ...vaultProtocol,
  ...clipboardProtocol,
  ...rotationProtocol,
  ...backupProtocol,
  ...captureProtocol,
  ...sightingProtocol,
} as const satisfies Record<string, { access: 'extension' | 'content'; request: z.ZodType }>;

export interface Replies extends VaultReplies, ClipboardReplies, RotationReplies, BackupReplies, CaptureReplies, SightingReplies {}

export type MessageType = keyof typeof protocol;
export type Request<T extends MessageType> = z.input<(typeof protocol)[T]['request']>;

export type ErrorCode =
  | 'bad-request'
  | 'forbidden'
  | 'no-vault'
  | 'vault-exists'
  | 'locked'
  | 'wrong-passphrase'
  | 'weak-passphrase'
  | 'header-damaged'
  | 'kdf-too-weak'
  | 'entry-damaged'
  | 'not-found'
  | 'same-secret'
  | 'backup-damaged'
  | 'internal';

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export type { EntryView, Settings, VaultStatus } from '../features/vault/protocol';
export { AUTO_LOCK_CHOICES } from '../features/vault/protocol';
