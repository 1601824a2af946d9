import { z } from 'zod';
import type { EntryMeta } from '../vault/schema';
import { entryDraftSchema, type CaptureState, type Pending } from './model';
import type { ExchangeReply } from './service';
import type { CaptureSettings } from './settings';

/** Authorize wizard ↔ redirect watcher. Extension pages only: captures are secrets. */
const id = z.string().min(1).max(100);
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

export const captureProtocol = {
  /** Pending authorizations, captures and the capture settings (expired flows are marked first). */
  'capture.state': { access: 'extension', request: z.object({}) },
  /** Records a pending authorization from a pasted consent URL or an application id. */
  'capture.start': { access: 'extension', request: z.object({ draft: entryDraftSchema, source: startSourceSchema }) },
  /** Opens the consent URL in a new tab (or an incognito window when allowed). */
  'capture.open': { access: 'extension', request: z.object({ pendingId: id, incognito: z.boolean() }) },
  'capture.cancel': { access: 'extension', request: z.object({ pendingId: id }) },
  'capture.dismiss': { access: 'extension', request: z.object({ captureId: id }) },
  /** The user's explicit choice: an unverified capture belongs to a flow that has no state of its own. */
  'capture.attach': { access: 'extension', request: z.object({ captureId: id, pendingId: id }) },
  /** Validates the Result URL (captured or pasted) and writes it, sealed, into the entry. */
  'capture.save': { access: 'extension', request: z.object({ pendingId: id, resultUrl: text }) },
  /** Optional: trades the saved flow's code for a refresh token at the configured LWA endpoint. */
  'capture.exchange': {
    access: 'extension',
    request: z.object({ pendingId: id, clientId: z.string().max(200).optional(), clientSecret: z.string().max(200).optional() }),
  },
  'capture.settings': {
    access: 'extension',
    request: z.object({ tokenExchange: z.boolean(), tokenEndpoint: z.string().max(500), preferIncognito: z.boolean() }).partial(),
  },
} as const;

export type CaptureView = CaptureState & { settings: CaptureSettings };

export interface CaptureReplies {
  'capture.state': CaptureView;
  'capture.start': Pending;
  'capture.open': Pending;
  'capture.cancel': null;
  'capture.dismiss': null;
  'capture.attach': Pending;
  'capture.save': { entryId: string; meta: EntryMeta };
  'capture.exchange': ExchangeReply;
  'capture.settings': CaptureSettings;
}
