import { z } from 'zod';
import { CLIPBOARD_CLEAR_CHOICES } from '../../platform/clipboard/protocol';
import { DEFAULT_REMINDER_THRESHOLDS } from '../deadlines/reminders';
import { entryMetaSchema, entrySecretsSchema, type EntryMeta, type EntrySecrets, type VaultEvent } from './schema';

/** Vault messages: lock state, settings, and the entries API. All for extension pages only. */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 0] as const; // minutes; 0 = only on browser restart

export const settingsSchema = z.object({
  autoLockMinutes: oneOf(AUTO_LOCK_CHOICES),
  clipboardClearSeconds: oneOf(CLIPBOARD_CLEAR_CHOICES),
  /** Days before a deadline to notify at; 0 = when it is overdue. */
  reminderThresholds: z.array(z.number().int().min(0).max(365)).max(12),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  clipboardClearSeconds: 30,
  reminderThresholds: [...DEFAULT_REMINDER_THRESHOLDS],
};

function oneOf<T extends readonly number[]>(choices: T) {
  return z.number().refine((n): n is T[number] => choices.includes(n), { message: `one of ${choices.join(', ')}` });
}

/** Every field optional and nullable, with `.default()`s stripped so a partial patch stays partial. */
function nullablePatch<S extends z.ZodObject>(schema: S) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
      return [key, (inner as z.ZodType).nullable().optional()];
    }),
  );
  return z.object(shape) as unknown as z.ZodObject<{
    [K in keyof S['shape']]: z.ZodOptional<z.ZodNullable<S['shape'][K] extends z.ZodDefault<infer T> ? T : S['shape'][K]>>;
  }>;
}

const passphrase = z.string().min(1).max(1024);
const id = z.string().min(1).max(100);

/** Fields the user edits; id and timestamps are the background's to set. */
export const entryInputMetaSchema = entryMetaSchema.omit({ id: true, createdAt: true, updatedAt: true });
export type EntryInputMeta = z.input<typeof entryInputMetaSchema>;

export const vaultProtocol = {
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
    // A patch: '' or null removes a field (JSON messaging drops undefined). No defaults may apply here.
    request: z.object({ id, meta: nullablePatch(entryInputMetaSchema), secrets: nullablePatch(entrySecretsSchema) }),
  },
  'entries.delete': { access: 'extension', request: z.object({ id }) },
  'entries.events': { access: 'extension', request: z.object({ id }) },
} as const;

export interface VaultStatus {
  exists: boolean;
  unlocked: boolean;
  /** Milliseconds the last key derivation took on this machine, for the progress bar. */
  lastDeriveMs?: number;
}

export interface EntryView {
  meta: EntryMeta;
  secrets: EntrySecrets;
}

export interface VaultReplies {
  'vault.status': VaultStatus;
  'vault.create': VaultStatus;
  'vault.unlock': VaultStatus;
  'vault.lock': VaultStatus;
  'vault.changePassphrase': null;
  'settings.get': Settings;
  'settings.set': Settings;
  'entries.list': { entries: EntryMeta[]; damaged: string[] };
  'entries.get': EntryView;
  'entries.create': { meta: EntryMeta };
  'entries.update': { meta: EntryMeta };
  'entries.delete': null;
  'entries.events': { events: VaultEvent[] };
}
