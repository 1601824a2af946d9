import { send } from '../../../platform/client';
import type { Replies } from '../../../platform/protocol';

export type Listing = Replies['entries.list'];

/** A prefetch older than this is not used: entries may have changed in another window meanwhile. */
const FRESH_MS = 2_000;

let early: { at: number; listing: Promise<Listing> } | undefined;

/**
 * Started together with `vault.status` when the popup opens, so the list arrives one round trip sooner.
 * Metadata is readable while the vault is locked, so asking early reveals nothing new.
 */
export function prefetchListing(): void {
  const listing = send('entries.list', {});
  listing.catch(() => undefined); // a locked or failing vault is reported by the real load
  early = { at: Date.now(), listing };
}

/** The prefetched list if it is fresh, else a new request. */
export function loadListing(): Promise<Listing> {
  const prefetched = early;
  early = undefined;
  return prefetched && Date.now() - prefetched.at < FRESH_MS ? prefetched.listing : send('entries.list', {});
}
