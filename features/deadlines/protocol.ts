import { z } from 'zod';
import { message } from '../../platform/message';
import type { DueLine } from './badge';

export interface BadgeRefresh {
  text: string;
  title: string;
  /** Listing the entries, computing and painting the badge, in the worker (ms). */
  ms: number;
}

export interface CalendarReply {
  fileName: string;
  text: string;
  events: number;
}

/** Deadline messages: the toolbar clock and the calendar file. Extension pages only. */
export const deadlinesProtocol = {
  /** Recomputes the badge and reminders now; answers what the badge shows and how long it took in the worker. */
  'deadlines.refreshBadge': message('extension', z.object({})).replies<BadgeRefresh>(),
  /** What is due, as the badge counts it: for the locked screen (metadata only, nothing secret). */
  'deadlines.due': message('extension', z.object({})).replies<{ due: DueLine[]; more: number }>(),
  /** Every deadline as an `.ics` calendar (no secrets: metadata only). */
  'deadlines.calendar': message('extension', z.object({})).replies<CalendarReply>(),
} as const;
