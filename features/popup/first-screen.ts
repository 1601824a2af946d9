import type { Listing } from '../entries/first-page';
import type { VaultStatus } from '../vault/protocol';

/**
 * What the popup's first screen needs, put into popup.html by the background when it serves the page (Chrome:
 * features/popup/serve-popup-page.ts): the vault's status and, when unlocked, the most urgent entries. The popup
 * then draws its list in its first render instead of after two messages. Metadata only, nothing secret: the
 * same answers `vault.status` and `entries.list` give any of our pages.
 */
export interface FirstScreen {
  status: VaultStatus;
  listing?: Listing;
}

/** The data block's id in popup.html (a `type="application/json"` script: data, never run). */
const BLOCK_ID = 'first-screen';

/** The page's HTML with `screen` in a data block before the app's root; the HTML unchanged if it has no root. */
export function withFirstScreen(html: string, screen: FirstScreen): string {
  // `<` escaped: no text in the data (an entry's name included) can close the block or open a tag.
  const json = JSON.stringify(screen).replace(/</g, '\\u003c');
  return html.replace('<div id="app">', () => `<script type="application/json" id="${BLOCK_ID}">${json}</script><div id="app">`);
}

/** The first screen the background put into this page, if any, read once; anything malformed counts as none. */
export function takeFirstScreen(doc: Document): FirstScreen | undefined {
  const block = doc.getElementById(BLOCK_ID);
  if (!block) return undefined;
  block.remove();
  try {
    const screen = JSON.parse(block.textContent ?? '') as Partial<FirstScreen> | null;
    return isFirstScreen(screen) ? screen : undefined;
  } catch {
    return undefined;
  }
}

function isFirstScreen(value: Partial<FirstScreen> | null): value is FirstScreen {
  if (!value || typeof value.status?.exists !== 'boolean' || typeof value.status.unlocked !== 'boolean') return false;
  const listing = value.listing;
  return (
    listing === undefined ||
    (Array.isArray(listing.entries) &&
      listing.entries.every((meta) => typeof meta?.id === 'string' && typeof meta.alias === 'string') &&
      Array.isArray(listing.damaged) &&
      (listing.total === undefined || Number.isInteger(listing.total)))
  );
}
