import { isRecord } from '../../platform/is-record';
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

const APP_ROOT = '<div id="app">';

/** The page's HTML cut where the first screen goes, before the app's root; all of it first if it has no root. */
export function splitAtAppRoot(html: string): [head: string, rest: string] {
  const at = html.indexOf(APP_ROOT);
  return at < 0 ? [html, ''] : [html.slice(0, at), html.slice(at)];
}

/** `screen` as the page's data block. */
export function firstScreenBlock(screen: FirstScreen): string {
  // `<` escaped: no text in the data (an entry's name included) can close the block or open a tag.
  const json = JSON.stringify(screen).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${BLOCK_ID}">${json}</script>`;
}

/**
 * Whether a parsed block is a first screen. Its entries come from our own worker, as every `entries.list` reply
 * does, and are trusted as those replies are: checked in shape only (the envelope, and rows with an id and a
 * name), not against the vault's schema, so that the popup loads no zod before its first frame. Anything else,
 * a cut-off page for one, counts as none and the popup asks by message.
 */
function isFirstScreen(value: unknown): value is FirstScreen {
  if (!isRecord(value) || !isRecord(value.status)) return false;
  const { exists, unlocked, lastDeriveMs } = value.status;
  if (typeof exists !== 'boolean' || typeof unlocked !== 'boolean') return false;
  if (lastDeriveMs !== undefined && typeof lastDeriveMs !== 'number') return false;
  if (value.listing === undefined) return true;
  if (!isRecord(value.listing)) return false;
  const { entries, damaged, total } = value.listing;
  return (
    Array.isArray(entries) &&
    entries.every((e) => isRecord(e) && typeof e.id === 'string' && typeof e.alias === 'string') &&
    Array.isArray(damaged) &&
    damaged.every((id) => typeof id === 'string') &&
    (total === undefined || (Number.isInteger(total) && (total as number) >= 0))
  );
}

/** The first screen the background put into this page, if any, read once; anything malformed counts as none. */
export function takeFirstScreen(doc: Document): FirstScreen | undefined {
  const block = doc.getElementById(BLOCK_ID);
  if (!block) return undefined;
  block.remove();
  try {
    const parsed: unknown = JSON.parse(block.textContent ?? '');
    return isFirstScreen(parsed) ? parsed : undefined;
  } catch {
    return undefined; // not JSON
  }
}
