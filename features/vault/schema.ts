import { z } from 'zod';
import { CHECK_OUTCOMES, type CheckOutcome } from '../authorize/check-outcomes';

/**
 * Records as they are stored in IndexedDB. Metadata stays readable while the vault is locked (the toolbar
 * counts down from it); everything secret lives in the sealed payload. Dates are epoch milliseconds.
 */
export const FORMAT_VERSION = 1;
/** Entry records: v2 seals with additional data that binds the metadata (crypto.ts); v1 bound the id only. */
export const ENTRY_FORMAT_VERSION = 2;
export const LEGACY_ENTRY_FORMAT_VERSION = 1;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

export const kdfParamsSchema = z.object({
  name: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().positive(),
  salt: base64,
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

export const sealedSchema = z.object({ iv: base64, ct: base64 });
export type Sealed = z.infer<typeof sealedSchema>;

export const vaultHeaderSchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  kdf: kdfParamsSchema,
  /** The random 256-bit vault key, sealed with the passphrase-derived key. */
  wrappedKey: sealedSchema,
  createdAt: z.number(),
  passphraseChangedAt: z.number().optional(),
});
export type VaultHeader = z.infer<typeof vaultHeaderSchema>;

export const kindSchema = z.enum(['seller', 'vendor']);
export const environmentSchema = z.enum(['production', 'sandbox']);
export const regionSchema = z.enum(['NA', 'EU', 'FE']);
export const connectorSchema = z.enum(['cleo-amp', 'shopctrl-1p', 'shopctrl-3p', 'other']);

/** A credential check's outcome as stored in entry metadata: exactly the keys of CHECK_OUTCOMES. */
const checkOutcomeSchema = z.enum(Object.keys(CHECK_OUTCOMES) as [CheckOutcome, ...CheckOutcome[]]);
const credentialCheckSchema = z.object({ at: z.number(), outcome: checkOutcomeSchema, secret: z.enum(['current', 'previous']) });
export type CredentialCheck = z.infer<typeof credentialCheckSchema>;

export const entryMetaSchema = z.object({
  id: z.string().min(1),
  alias: z.string().min(1).max(200),
  kind: kindSchema,
  connector: connectorSchema.default('other'),
  environment: environmentSchema.default('production'),
  region: regionSchema,
  /** Marketplace code from features/amazon/hosts (US, DE …). */
  marketplace: z.string().optional(),
  clientId: z.string().optional(),
  /** When the current secret was issued (rotation time). */
  secretIssuedAt: z.number().optional(),
  /** Expiry Amazon stated (console page or notification); wins over issued + 180 days. */
  secretExpiresAt: z.number().optional(),
  /** While the previous secret still works: when it dies (rotation + 7 days unless Amazon stated it). */
  previousSecretExpiresAt: z.number().optional(),
  authorizedAt: z.number().optional(),
  /** Renewal date Amazon stated; wins over authorized + 365 days. */
  authorizationRenewAt: z.number().optional(),
  /** When the Result URL's spapi_oauth_code was captured (it lives 5 minutes). */
  resultCapturedAt: z.number().optional(),
  shopCtrlUrl: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /**
   * The last credential check (features/authorize/check.ts): when, which secret, what Amazon said. Not bound
   * (BOUND_META_KEYS): it routes nothing and sets no deadline, the next check rewrites it, and binding a new key
   * would change every stored record's digest.
   */
  credentialCheck: credentialCheckSchema.optional(),
  /** Whether the sealed part holds a client secret (the vault sets it on every write): the locked clock tells "date unknown" from "no secret". */
  hasSecret: z.boolean().optional(),
});
export type EntryMeta = z.infer<typeof entryMetaSchema>;

/** An earlier version of an entry that an import merge kept instead of dropping (sealed: it may hold old secrets). */
export const entryVersionSchema = z.object({
  keptAt: z.number(),
  /** 'replaced-by-import' (this vault's version lost to a newer import) or 'older-in-import'. */
  reason: z.string().max(60),
  meta: entryMetaSchema,
  /** That version's secret fields (without its own history). */
  secrets: z.record(z.string(), z.string()),
});
export type EntryVersion = z.infer<typeof entryVersionSchema>;

export const entrySecretsSchema = z.object({
  clientSecret: z.string().optional(),
  previousClientSecret: z.string().optional(),
  refreshToken: z.string().optional(),
  resultUrl: z.string().optional(),
  sellingPartnerId: z.string().optional(),
  applicationId: z.string().optional(),
  redirectUri: z.string().optional(),
  notes: z.string().optional(),
  history: z.array(entryVersionSchema).optional(),
  /** Secrets that left the current or previous slot (a rotation), newest first: kept, never dropped. */
  retiredSecrets: z.array(z.object({ secret: z.string(), retiredAt: z.number() })).optional(),
});
export type EntrySecrets = z.infer<typeof entrySecretsSchema>;

export const storedEntrySchema = z.object({
  id: z.string().min(1),
  formatVersion: z.literal(ENTRY_FORMAT_VERSION),
  meta: entryMetaSchema,
  sealed: sealedSchema,
});
export type StoredEntry = z.infer<typeof storedEntrySchema>;
/** A record written before v2, re-sealed by `completeStoredEntries` at the next unlock. */
export const legacyStoredEntrySchema = storedEntrySchema.extend({ formatVersion: z.literal(LEGACY_ENTRY_FORMAT_VERSION) });

export const eventTypeSchema = z.enum([
  'created',
  'updated',
  'rotated',
  'authorized',
  'copied',
  'filled',
  'sent-to-shopctrl',
  'imported',
  'checked',
]);

/** Append-only log; never holds a secret. */
export const eventSchema = z.object({
  seq: z.number().optional(),
  entryId: z.string(),
  at: z.number(),
  type: eventTypeSchema,
  detail: z.string().max(300).optional(),
});
export type VaultEvent = z.infer<typeof eventSchema>;
