import { send } from '../../../platform/client';
import type { Listing } from '../first-page';

/** A prefetch older than this is not used: entries may have changed in another window meanwhile. */
const FRESH_MS = 2_000;

let early: { at: number; listing: Promise<Listing> } | undefined;
let firstPage: { at: number; listing: Listing } | undefined;

/**
 * Started together with `vault.status` when the popup opens, so the list arrives one round trip sooner.
 * Metadata is readable while the vault is locked, so asking early reveals nothing new.
 */
export function prefetchListing(): void {
  const listing = send('entries.list', {});
  listing.catch(() => undefined); // a locked or failing vault is reported by the real load
  early = { at: Date.now(), listing };
}

/** The first page the background put into the popup's HTML, for the list's first render. */
export function keepFirstPage(listing: Listing): void {
  firstPage = { at: Date.now(), listing };
}

/** The kept first page, once and while fresh: a list screen opened later loads afresh. */
export function takeFirstPage(): Listing | undefined {
  const kept = firstPage;
  firstPage = undefined;
  return kept && Date.now() - kept.at < FRESH_MS ? kept.listing : undefined;
}

/** The prefetched list if it is fresh, else a new request. */
export function loadListing(): Promise<Listing> {
  const prefetched = early;
  early = undefined;
  return prefetched && Date.now() - prefetched.at < FRESH_MS ? prefetched.listing : send('entries.list', {});
}
