import { z } from 'zod';
import { CLIENT_ID_EXACT, CLIENT_SECRET_EXACT } from './scan/patterns';
import type { ShopCtrlFieldName } from '../shopctrl/fields';

/**
 * Messages of the rotation watch: a content script on an Amazon console host reports a client secret it saw and
 * gets back only a one-time token (never an answer: the page must not learn what the vault knows); it hands the
 * token to its own panel frame, which claims it (`sighting.claim`) and from then on asks for the answer and the
 * actions. Both are content-level senders; `features/rotation-watch/handlers.ts` further checks which of the two
 * sent what, that a panel only touches sightings of its own tab, and only the ones its own frame claimed.
 * Nothing here ever carries a stored vault secret to a content-level sender: `sighting.copy` returns the value
 * the page itself showed.
 */

const secret = z.string().regex(CLIENT_SECRET_EXACT);
const clientId = z.string().regex(CLIENT_ID_EXACT);
/** Sighting ids are `crypto.randomUUID()`: unguessable, so a page cannot name another tab's sighting. */
export const sightingIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const instant = z.number().int().min(Date.UTC(2000, 0, 1)).max(Date.UTC(2200, 0, 1));
const id = sightingIdSchema;

export const newEntryInputSchema = z.object({
  alias: z.string().trim().min(1).max(200),
  kind: z.enum(['seller', 'vendor']),
  region: z.enum(['NA', 'EU', 'FE']),
  /** Optional: the user's ShopCtrl shop settings URL (checked by `parseShopCtrlUrl`). */
  shopCtrlUrl: z.string().trim().max(500).optional(),
});
export type NewEntryInput = z.infer<typeof newEntryInputSchema>;

export const sightingProtocol = {
  /** Content script: a client secret is on the page. The host is taken from the sender, never from here. */
  'sighting.report': {
    access: 'content',
    request: z.object({
      secret,
      clientId: clientId.optional(),
      /** A date the page states beside the secret (UTC midnight). */
      statedDate: instant.optional(),
      /** When the user clicked, shortly before, a control where this secret then appeared (a rotation). */
      rotateClickedAt: instant.optional(),
      /** The secret this page showed for the same app before this one (it was replaced: a rotation). */
      previousSecret: secret.optional(),
    }),
  },
  /** Panel: the one-time token its content script handed it; answers with the sighting to ask about. */
  'sighting.claim': { access: 'content', request: z.object({ token: sightingIdSchema }) },
  /** Panel: what to show about one sighting (no secret values). */
  'sighting.view': { access: 'content', request: z.object({ id }) },
  /** Panel, after a click on Copy: the sighted value (what the page shows), to copy with auto-clear. */
  'sighting.copy': { access: 'content', request: z.object({ id }) },
  /** Panel: save to the entry with this client id (two-slot rotation), or create one from `newEntry`. */
  'sighting.save': { access: 'content', request: z.object({ id, newEntry: newEntryInputSchema.optional() }) },
  /** Panel: set the matching entry's ShopCtrl shop settings URL. */
  'sighting.setShopCtrlUrl': { access: 'content', request: z.object({ id, url: z.string().trim().min(1).max(500) }) },
  /** Panel: save if needed, then open or focus the entry's ShopCtrl settings tab and fill LWA Client Secret. */
  'sighting.sendToShopCtrl': { access: 'content', request: z.object({ id }) },
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

export interface SightingReplies {
  'sighting.report': { token: string };
  'sighting.claim': { id: string };
  'sighting.view': SightingView;
  'sighting.copy': { secret: string };
  'sighting.save': SaveOutcome;
  'sighting.setShopCtrlUrl': { host: string };
  'sighting.sendToShopCtrl': ShopCtrlOutcome;
}
