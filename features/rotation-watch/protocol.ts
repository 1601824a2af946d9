import { z } from 'zod';
import { message } from '../../platform/message';
import { instantSchema as instant } from '../../platform/schemas';
import type { CheckOutcome } from '../authorize/check-outcomes';
import { kindSchema, regionSchema } from '../vault/schema';
import { CLIENT_ID_EXACT, CLIENT_SECRET_EXACT } from '../amazon/credential-patterns';
import type { ShopCtrlFieldName } from '../shopctrl/fields';

/**
 * Messages of the rotation watch: a content script on an Amazon console host reports a client secret it saw and
 * gets back only a one-time token (never an answer: the page must not learn what the vault knows); it hands the
 * token to its own panel frame, which claims it (`rotationWatch.claim`) and from then on asks for the answer and the
 * actions. Both are content-level senders; `features/rotation-watch/handlers.ts` further checks which of the two
 * sent what, that a panel only touches sightings of its own tab, and only the ones its own frame claimed.
 * Nothing here ever carries a stored vault secret to a content-level sender: `rotationWatch.copy` returns the value
 * the page itself showed.
 */

const secret = z.string().regex(CLIENT_SECRET_EXACT);
const clientId = z.string().regex(CLIENT_ID_EXACT);
/** Sighting ids are `crypto.randomUUID()`: unguessable, so a page cannot name another tab's sighting. */
export const sightingIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const id = sightingIdSchema;

export const newEntryInputSchema = z.object({
  alias: z.string().trim().min(1).max(200),
  kind: kindSchema,
  region: regionSchema,
  /** Optional: the user's ShopCtrl shop settings URL (checked by `parseShopCtrlUrl`). */
  shopCtrlUrl: z.string().trim().max(500).optional(),
});
export type NewEntryInput = z.infer<typeof newEntryInputSchema>;

export const rotationWatchProtocol = {
  /** Content script: a client secret is on the page. The host is taken from the sender, never from here. */
  'rotationWatch.report': message(
    'content',
    z.object({
      secret,
      clientId: clientId.optional(),
      /** A date the page states beside the secret (UTC midnight). */
      statedDate: instant.optional(),
      /** When the user clicked, shortly before, a control where this secret then appeared (a rotation). */
      rotateClickedAt: instant.optional(),
      /** The secret this page showed for the same app before this one (it was replaced: a rotation). */
      previousSecret: secret.optional(),
    }),
  ).replies<{ token: string }>(),
  /** Panel: the one-time token its content script handed it; answers with the sighting to ask about. */
  'rotationWatch.claim': message('content', z.object({ token: sightingIdSchema })).replies<{ id: string }>(),
  /** Panel: what to show about one sighting (no secret values). */
  'rotationWatch.view': message('content', z.object({ id })).replies<SightingView>(),
  /** Panel, after a click on Copy: the sighted value (what the page shows), to copy with auto-clear. */
  'rotationWatch.copy': message('content', z.object({ id })).replies<{ secret: string }>(),
  /** Panel: save to the entry with this client id (two-slot rotation), or create one from `newEntry`. */
  'rotationWatch.save': message(
    'content',
    z.object({ id, newEntry: newEntryInputSchema.optional() }),
  ).replies<SaveOutcome>(),
  /** Panel: set the matching entry's ShopCtrl shop settings URL. */
  'rotationWatch.setShopCtrlUrl': message(
    'content',
    z.object({ id, url: z.string().trim().min(1).max(500) }),
  ).replies<{ host: string }>(),
  /** Panel, after a save: checks the saved secret at Amazon (a refresh-token grant), before other systems take it. */
  'rotationWatch.check': message('content', z.object({ id })).replies<PanelCheckReply>(),
  /** Panel: save if needed, then open or focus the entry's ShopCtrl settings tab and fill LWA Client Secret. */
  'rotationWatch.sendToShopCtrl': message('content', z.object({ id })).replies<ShopCtrlOutcome>(),
} as const;

/**
 * What the vault says about a sighted secret (README "Rotation watch" has the table):
 * - up-to-date: the vault's current secret for this client id;
 * - previous: its previous secret (still working for `previousDaysLeft` days);
 * - new: the vault has this client id with another (or no) secret, or the secret replaced another one for the
 *   same client id on the page, or appeared where the user had just clicked;
 * - offer: no entry has this client id (also: no vault yet); "Not in LWA Vault — Save";
 * - locked: nobody can tell until the vault is unlocked (the panel asks again then).
 */
export type SightingAnswer = 'up-to-date' | 'previous' | 'new' | 'offer' | 'locked';

/** What the panel learns from a check: the outcome in words, never a token or a secret. */
export interface PanelCheckReply {
  outcome?: CheckOutcome;
  message: string;
}

export type SaveState = 'not-saved' | 'pending-unlock' | 'pending-first-run' | 'saved';

export interface SightingView {
  answer: SightingAnswer;
  /** For `previous`: whole days until it stops working (0: today). */
  previousDaysLeft?: number;
  host: string;
  kind: 'seller' | 'vendor';
  clientId?: string;
  statedDate?: number;
  afterRotateClick: boolean;
  /** A secret shown before the rotation was kept for the previous slot. */
  hasPrevious: boolean;
  vault: 'missing' | 'locked' | 'unlocked';
  /** The entry with this client id; absent when none matches. */
  entry?: { alias: string; shopCtrlHost?: string };
  /** Prefill for a new entry. */
  suggestion: { alias: string; kind: 'seller' | 'vendor'; region: 'NA' | 'EU' | 'FE' };
  save: SaveState;
  savedAlias?: string;
  /** The last ShopCtrl attempt, if any. */
  shopCtrl?: ShopCtrlOutcome;
}

export type SaveOutcome =
  | { state: 'saved'; alias: string; rotated: boolean }
  | { state: 'pending-unlock' }
  | { state: 'pending-first-run' }
  | { state: 'needs-entry' };

export type ShopCtrlOutcome =
  | {
      state: 'filled';
      host: string;
      filled: ShopCtrlFieldName[];
      unchanged: ShopCtrlFieldName[];
      /** Further fields that differ on the page; the notice there offers to fill them. */
      offered: ShopCtrlFieldName[];
    }
  | { state: 'no-section'; host: string; directions: string }
  | { state: 'needs-entry' }
  | { state: 'needs-url' }
  | { state: 'failed'; message: string };

