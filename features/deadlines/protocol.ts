import { z } from 'zod';
import { message } from '../../platform/message';

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
  /** Every deadline as an `.ics` calendar (no secrets: metadata only). */
  'deadlines.calendar': message('extension', z.object({})).replies<CalendarReply>(),
} as const;
