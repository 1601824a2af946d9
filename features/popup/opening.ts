import { send } from '../../platform/client';
import { keepFirstPage, prefetchListing } from '../entries/ui/listing';
import type { VaultStatus } from '../vault/protocol';
import { takeFirstScreen } from './first-screen';

/** The vault's status as the popup opens: `known` at once when the page came with its first screen. */
export interface Opening {
  known?: VaultStatus;
  /** The `vault.status` answer, asked either way (it confirms or corrects `known`); call once, after the first render. */
  confirm(): Promise<VaultStatus>;
}

/**
 * Run as soon as the popup's code runs, before its first render. When the background served the page with its
 * first screen (features/popup/first-screen.ts), the status and the first page of the list are already here, and
 * the first render shows them; the status is confirmed once that is on screen. Otherwise the status and the
 * entry list are asked at once (metadata, readable while locked, so asking early reveals nothing new), one round
 * trip closer when the first screen needs them.
 */
export function openPopup(doc: Document): Opening {
  const screen = takeFirstScreen(doc);
  if (screen) {
    if (screen.listing) keepFirstPage(screen.listing);
    return { known: screen.status, confirm: () => send('vault.status', {}) };
  }
  prefetchListing();
  const reply = send('vault.status', {});
  return { confirm: () => reply };
}
