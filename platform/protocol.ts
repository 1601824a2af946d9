import type { z } from 'zod';
import { authorizeProtocol } from '../features/authorize/protocol';
import { backupProtocol } from '../features/backup/protocol';
import { deadlinesProtocol } from '../features/deadlines/protocol';
import { entriesProtocol } from '../features/entries/protocol';
import { rotationWatchProtocol } from '../features/rotation-watch/protocol';
import { settingsProtocol } from '../features/settings/protocol';
import { vaultProtocol } from '../features/vault/protocol';
import { clipboardProtocol } from './clipboard/protocol';
import type { MessageSpec, ReplyOf } from './message';

/**
 * The one protocol between the popup, the panel or the content script and the background, assembled from each
 * feature's section; a message's prefix names the feature that declares it. Each message names who may send it,
 * its request schema (checked with zod in the background) and its reply type.
 */
export const protocol = {
  ...vaultProtocol,
  ...settingsProtocol,
  ...entriesProtocol,
  ...deadlinesProtocol,
  ...backupProtocol,
  ...authorizeProtocol,
  ...rotationWatchProtocol,
  ...clipboardProtocol,
} as const satisfies Record<string, MessageSpec>;

export type MessageType = keyof typeof protocol;
export type Request<T extends MessageType> = z.input<(typeof protocol)[T]['request']>;
export type RequestData<T extends MessageType> = z.output<(typeof protocol)[T]['request']>;
export type Replies = { [T in MessageType]: ReplyOf<(typeof protocol)[T]> };
