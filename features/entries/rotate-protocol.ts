import { z } from 'zod';
import type { EntryMeta } from '../vault/schema';

/** Rotation messages: the two-slot rotation, the copy log and the toolbar clock. Extension pages only. */

const id = z.string().min(1).max(100);
/** An instant between 2000 and 2200: anything else is a typo or a unit mistake (seconds instead of ms). */
export const instantSchema = z.number().int().min(Date.UTC(2000, 0, 1)).max(Date.UTC(2200, 0, 1));

/** Words only: a long unbroken token (a secret, a URL) never belongs in the event log. */
const eventDetail = z
  .string()
  .max(120)
  .refine((s) => !/\S{33,}/.test(s), { message: 'describe what was copied (e.g. "client secret"), not its value' });

export const rotationProtocol = {
  'entries.rotate': {
    access: 'extension',
    request: z.object({ id, newSecret: z.string().trim().min(1).max(2048), statedExpiresAt: instantSchema.optional() }),
  },
  'entries.logEvent': { access: 'extension', request: z.object({ id, type: z.literal('copied'), detail: eventDetail }) },
  /** Recomputes the badge and reminders now; answers what the badge shows and how long it took in the worker. */
  'badge.refresh': { access: 'extension', request: z.object({}) },
} as const;

export interface BadgeRefresh {
  text: string;
  title: string;
  /** Listing the entries, computing and painting the badge, in the worker (ms). */
  ms: number;
}

export interface RotationReplies {
  'entries.rotate': { meta: EntryMeta };
  'entries.logEvent': null;
  'badge.refresh': BadgeRefresh;
}
