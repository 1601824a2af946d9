import { z } from 'zod';
import {
  connectorSchema,
  entryMetaSchema,
  entrySecretsSchema,
  environmentSchema,
  kindSchema,
  regionSchema,
  type EntryMeta,
  type EntrySecrets,
  type VaultEvent,
} from './vault/schema';

/**
 * The one protocol between the popup / content script and the background. Each message names its request
 * schema (checked with zod in the background) and who may send it: `extension` pages only, or also a
 * `content` script running on an Amazon console host. Reply types live in `Replies` below.
 */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 0] as const; // minutes; 0 = only on browser restart

export const settingsSchema = z.object({
  autoLockMinutes: z.union(AUTO_LOCK_CHOICES.map((m) => z.literal(m)) as [z.ZodLiteral<1>, ...z.ZodLiteral<number>[]]),
});
export type Settings = z.infer<typeof settingsSchema>;

const passphrase = z.string().min(1).max(1024);
const id = z.string().min(1).max(100);

/** Fields the user edits; id and timestamps are the background's to set. */
export const entryInputMetaSchema = entryMetaSchema.omit({ id: true, createdAt: true, updatedAt: true });
export type EntryInputMeta = z.input<typeof entryInputMetaSchema>;

export const protocol = {
  'vault.status': { access: 'extension', request: z.object({}) },
  'vault.create': { access: 'extension', request: z.object({ passphrase }) },
  'vault.unlock': { access: 'extension', request: z.object({ passphrase }) },
  'vault.lock': { access: 'extension', request: z.object({}) },
  'vault.changePassphrase': { access: 'extension', request: z.object({ current: passphrase, next: passphrase }) },
  'settings.get': { access: 'extension', request: z.object({}) },
  'settings.set': { access: 'extension', request: settingsSchema.partial() },
  'entries.list': { access: 'extension', request: z.object({}) },
  'entries.get': { access: 'extension', request: z.object({ id }) },
  'entries.create': {
    access: 'extension',
    request: z.object({ meta: entryInputMetaSchema, secrets: entrySecretsSchema }),
  },
  'entries.update': {
    access: 'extension',
    request: z.object({ id, meta: entryInputMetaSchema.partial(), secrets: entrySecretsSchema.partial() }),
  },
  'entries.delete': { access: 'extension', request: z.object({ id }) },
  'entries.events': { access: 'extension', request: z.object({ id }) },
} as const satisfies Record<string, { access: 'extension' | 'content'; request: z.ZodType }>;

export type MessageType = keyof typeof protocol;
export type Request<T extends MessageType> = z.input<(typeof protocol)[T]['request']>;

export interface VaultStatus {
  exists: boolean;
  unlocked: boolean;
  /** Milliseconds the last unlock's key derivation took on this machine, for the progress bar. */
  lastDeriveMs?: number;
}

export interface EntryView {
  meta: EntryMeta;
  secrets: EntrySecrets;
}

export interface Replies {
  'vault.status': VaultStatus;
  'vault.create': VaultStatus;
  'vault.unlock': VaultStatus;
  'vault.lock': VaultStatus;
  'vault.changePassphrase': null;
  'settings.get': Settings;
  'settings.set': Settings;
  'entries.list': { entries: EntryMeta[] };
  'entries.get': EntryView;
  'entries.create': { meta: EntryMeta };
  'entries.update': { meta: EntryMeta };
  'entries.delete': null;
  'entries.events': { events: VaultEvent[] };
}

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
  | 'internal';

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  data: Request<T>;
}

export { connectorSchema, environmentSchema, kindSchema, regionSchema };
