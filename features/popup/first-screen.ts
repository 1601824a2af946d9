import { z } from 'zod';
import type { Listing } from '../entries/first-page';
import type { VaultStatus } from '../vault/protocol';
import { entryMetaSchema } from '../vault/schema';

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
 * What a data block must hold to be used, checked with the vault's own entry schema as every message is checked
 * in its receiver: the worker wrote it, but a malformed block must never reach the list.
 */
const firstScreenSchema = z.object({
  status: z.object({ exists: z.boolean(), unlocked: z.boolean(), lastDeriveMs: z.number().optional() }),
  listing: z.object({ entries: z.array(entryMetaSchema), damaged: z.array(z.string()), total: z.number().int().nonnegative().optional() }).optional(),
});

/** The first screen the background put into this page, if any, read once; anything malformed counts as none. */
export function takeFirstScreen(doc: Document): FirstScreen | undefined {
  const block = doc.getElementById(BLOCK_ID);
  if (!block) return undefined;
  block.remove();
  try {
    const parsed = firstScreenSchema.safeParse(JSON.parse(block.textContent ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // not JSON
  }
}
