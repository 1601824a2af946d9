import type { Replies } from '../../platform/protocol';
import { byUrgency } from '../deadlines/countdown';

/**
 * The entry list as the list screen holds it. `total` is set when `entries` is only the first page (the most
 * urgent `LIST_PAGE`): then the whole list is still to be loaded.
 */
export type Listing = Replies['entries.list'] & { total?: number };

/** Rows rendered at first: a popup shows about six, and the list is sorted by urgency; search reaches the rest. */
export const LIST_PAGE = 50;

/** The most urgent `LIST_PAGE` entries (the rows the list shows first), and how many there are in all. */
export function firstPageOf(listing: Listing, now: number): Listing {
  if (listing.entries.length <= LIST_PAGE) return listing;
  return { entries: byUrgency(listing.entries, now).slice(0, LIST_PAGE), damaged: listing.damaged, total: listing.entries.length };
}
