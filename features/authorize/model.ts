import { z } from 'zod';
import { connectorSchema, environmentSchema, kindSchema, regionSchema } from '../vault/schema';

/**
 * What the redirect watcher keeps in `storage.session` (memory only, trusted contexts only — never
 * `storage.local`, never a content script): the authorizations the user started and the redirects captured.
 * Result URLs and states are secrets: never log them, never put them in a notification or the badge.
 */

/** The vault entry the authorization will be saved into (new, or `entryId` for an existing one). */
export const entryDraftSchema = z.object({
  alias: z.string().trim().min(1, 'Give the entry a name.').max(200),
  kind: kindSchema,
  environment: environmentSchema,
  region: regionSchema,
  marketplace: z.string().max(4).optional(),
  connector: connectorSchema,
  entryId: z.string().min(1).max(100).optional(),
});
export type EntryDraft = z.infer<typeof entryDraftSchema>;

export const pendingSchema = z.object({
  id: z.string(),
  /** The consent URL's state; absent when a pasted URL had none (its captures cannot be verified). */
  state: z.string().optional(),
  startedAt: z.number(),
  consentUrl: z.string(),
  source: z.enum(['pasted', 'built']),
  applicationId: z.string(),
  redirectUri: z.string().optional(),
  /** version=beta: the app is still a Draft. */
  appDraft: z.boolean(),
  draft: entryDraftSchema,
  /** The sign-in tab we opened, and whether it was closed before a redirect came back. */
  tabId: z.number().optional(),
  openedAt: z.number().optional(),
  incognito: z.boolean().optional(),
  tabClosedAt: z.number().optional(),
  /** Amazon sent the browser to the app's Login URI (first of two hops). */
  loginHop: z.object({ at: z.number(), host: z.string(), sellingPartnerId: z.string().optional() }).optional(),
  captureId: z.string().optional(),
  /** Set once PENDING_TTL_MS passed without a capture (the user declined, or never finished). */
  expiredAt: z.number().optional(),
  savedAt: z.number().optional(),
  savedEntryId: z.string().optional(),
  exchangedAt: z.number().optional(),
});
export type Pending = z.infer<typeof pendingSchema>;

export const unverifiedReasonSchema = z.enum(['no-pending', 'state-mismatch', 'no-state', 'pending-without-state']);
export type UnverifiedReason = z.infer<typeof unverifiedReasonSchema>;

export const captureSchema = z.object({
  id: z.string(),
  /** The Result URL exactly as the browser saw it. */
  url: z.string(),
  code: z.string(),
  state: z.string().optional(),
  sellingPartnerId: z.string().optional(),
  mwsAuthToken: z.string().optional(),
  /** When the browser started the navigation that carried the code (the 5-minute clock). */
  capturedAt: z.number(),
  /** When the capture was stored (capturedAt → storedAt is the watcher's latency). */
  storedAt: z.number(),
  tabId: z.number().optional(),
  /** navigation: webNavigation; redirect: Amazon's HTTP 302, seen by webRequest; pasted: by hand. */
  via: z.enum(['navigation', 'redirect', 'pasted']),
  verified: z.boolean(),
  reason: unverifiedReasonSchema.optional(),
  pendingId: z.string().optional(),
});
export type Capture = z.infer<typeof captureSchema>;

export const captureStateSchema = z.object({
  pending: z.array(pendingSchema),
  captures: z.array(captureSchema),
  /** When the user was last told about an unverified capture: at most one such notification a minute. */
  unverifiedNotifiedAt: z.number().optional(),
});
export type CaptureState = z.infer<typeof captureStateSchema>;

export const EMPTY_STATE: CaptureState = { pending: [], captures: [] };

/** Finished or expired flows and old captures stay visible this long, then are dropped. */
export const KEEP_MS = 2 * 60 * 60_000;
/** Verified captures kept (each belongs to a flow the user started). */
export const MAX_CAPTURES = 50;
/** Unverified captures kept: a handful, the oldest dropped first. */
export const MAX_UNVERIFIED_CAPTURES = 5;
/** Longer redirect URLs are ignored (a real Result URL is a few hundred characters). */
export const MAX_REDIRECT_URL_LENGTH = 4096;
export const UNVERIFIED_NOTICE_INTERVAL_MS = 60_000;
