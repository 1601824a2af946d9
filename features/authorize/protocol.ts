import { z } from 'zod';
import { message } from '../../platform/message';
import { recordIdSchema as id } from '../../platform/schemas';
import type { EntryMeta } from '../vault/schema';
import { entryDraftSchema, type CaptureState, type Pending } from './model';
import type { CheckReply } from './check-service';
import type { ExchangeProblem } from './exchange';
import type { CaptureSettings } from './settings';

/** Authorize wizard ↔ redirect watcher. Extension pages only: captures are secrets. */
const text = z.string().max(4096);

export const startSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url'), url: text }),
  z.object({
    type: z.literal('build'),
    applicationId: z.string().max(200),
    marketplace: z.string().max(4),
    appDraft: z.boolean(),
    redirectUri: text.optional(),
  }),
]);

export const authorizeProtocol = {
  /** Pending authorizations, captures and the capture settings (expired flows are marked first). */
  'authorize.state': message('extension', z.object({})).replies<CaptureView>(),
  /** Records a pending authorization from a pasted consent URL or an application id. */
  'authorize.start': message('extension', z.object({ draft: entryDraftSchema, source: startSourceSchema })).replies<Pending>(),
  /** Opens the consent URL in a new tab (or an incognito window when allowed). */
  'authorize.open': message('extension', z.object({ pendingId: id, incognito: z.boolean() })).replies<Pending>(),
  'authorize.cancel': message('extension', z.object({ pendingId: id })).replies<null>(),
  'authorize.dismiss': message('extension', z.object({ captureId: id })).replies<null>(),
  /** The user's explicit choice: an unverified capture belongs to a flow that has no state of its own. */
  'authorize.attach': message('extension', z.object({ captureId: id, pendingId: id })).replies<Pending>(),
  /** Validates the Result URL (captured or pasted) and writes it, sealed, into the entry. */
  'authorize.save': message('extension', z.object({ pendingId: id, resultUrl: text })).replies<{
    entryId: string;
    meta: EntryMeta;
  }>(),
  /** Optional: trades the saved flow's code for a refresh token at the configured LWA endpoint. */
  'authorize.exchange': message(
    'extension',
    z.object({ pendingId: id, clientId: z.string().max(200).optional(), clientSecret: z.string().max(200).optional() }),
  ).replies<ExchangeReply>(),
  'authorize.settings': message(
    'extension',
    z.object({ tokenExchange: z.boolean(), tokenEndpoint: z.string().max(500), preferIncognito: z.boolean(), dailyCheck: z.boolean() }).partial(),
  ).replies<CaptureSettings>(),
  /** Checks an entry's credentials now (a refresh_token grant, optionally one SP-API call) and records the outcome. */
  'authorize.check': message(
    'extension',
    z.object({ entryId: id, secret: z.enum(['current', 'previous']), spApi: z.boolean() }),
  ).replies<CheckReply>(),
} as const;

export interface ExchangeReply {
  exchanged: boolean;
  problem?: ExchangeProblem | 'expired' | 'already-used' | 'no-credentials';
  message: string;
  /** Set with problem 'no-access': the origin pattern to ask for from the click, then try again. */
  permission?: string;
}

export type CaptureView = CaptureState & { settings: CaptureSettings };

