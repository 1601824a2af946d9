import { z } from 'zod';
import { message } from '../../platform/message';
import { instantSchema, recordIdSchema as id } from '../../platform/schemas';
import { entryMetaSchema, entrySecretsSchema, type EntryMeta, type EntrySecrets, type VaultEvent } from '../vault/schema';

/** Fields the user edits; id and timestamps are the background's to set. */
export const entryInputMetaSchema = entryMetaSchema.omit({ id: true, createdAt: true, updatedAt: true, hasSecret: true });
export type EntryInputMeta = z.input<typeof entryInputMetaSchema>;

export interface EntryView {
  meta: EntryMeta;
  secrets: EntrySecrets;
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

/** Words only: a long unbroken token (a secret, a URL) never belongs in the event log. */
const eventDetail = z
  .string()
  .max(120)
  .refine((s) => !/\S{33,}/.test(s), { message: 'describe what was copied (e.g. "client secret"), not its value' });

/** Entry messages: list, read one (decrypted), write, delete, the two-slot rotation, the event log. Extension pages only. */
export const entriesProtocol = {
  'entries.list': message('extension', z.object({})).replies<{ entries: EntryMeta[]; damaged: string[] }>(),
  'entries.get': message('extension', z.object({ id })).replies<EntryView>(),
  'entries.create': message(
    'extension',
    z.object({ meta: entryInputMetaSchema, secrets: entrySecretsSchema }),
  ).replies<{ meta: EntryMeta }>(),
  // A patch: '' or null removes a field (JSON messaging drops undefined). No defaults may apply here.
  'entries.update': message(
    'extension',
    z.object({ id, meta: nullablePatch(entryInputMetaSchema), secrets: nullablePatch(entrySecretsSchema) }),
  ).replies<{ meta: EntryMeta }>(),
  'entries.delete': message('extension', z.object({ id })).replies<null>(),
  'entries.events': message('extension', z.object({ id })).replies<{ events: VaultEvent[] }>(),
  'entries.rotate': message(
    'extension',
    z.object({ id, newSecret: z.string().trim().min(1).max(2048), statedExpiresAt: instantSchema.optional() }),
  ).replies<{ meta: EntryMeta }>(),
  /** Every system uses the new secret: the previous one leaves its slot (kept in history) and its countdown stops. */
  'entries.retirePrevious': message('extension', z.object({ id })).replies<{ meta: EntryMeta }>(),
  'entries.logEvent': message('extension', z.object({ id, type: z.literal('copied'), detail: eventDetail })).replies<null>(),
} as const;
