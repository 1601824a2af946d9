import { isAmazonConsoleHost } from '../features/amazon/hosts';
import { originOf } from './origin';

/**
 * Who sent a runtime message, decided once per message by the background:
 * - `extension`: one of our pages (popup, pop-out, offscreen document), not framed into a web page;
 * - `panel`: the rotation panel page (`/panel.html`) framed into an https Amazon console tab;
 * - `page`: our content script on an https Amazon console tab;
 * - `untrusted`: everything else.
 */
export type SenderRole = 'extension' | 'panel' | 'page' | 'untrusted';

/** The parts of `runtime.MessageSender` the background reads. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/**
 * Extension pages are our own origin compared exactly (never a prefix test: `chrome-extension://<id>.evil.example`
 * must not pass); a content script is our id on a tab whose URL is an https Amazon console host from the facts.
 */
export function senderRole(sender: SenderLike, extensionId: string, extensionOrigin: string): SenderRole {
  if (sender.id !== extensionId) return 'untrusted';
  const url = parseUrl(sender.url);
  if (!url) return 'untrusted';
  const frameTab = parseUrl(sender.tab?.url);
  if (originOf(url) === extensionOrigin) {
    // The rotation panel is our page framed into an Amazon console tab: it acts for that page.
    if (url.pathname === PANEL_PAGE_PATH) return frameTab && isConsoleUrl(frameTab) ? 'panel' : 'untrusted';
    // Other extension pages have no tab, or a tab showing our own page (the pop-out); framed elsewhere, nothing.
    if (frameTab && originOf(frameTab) !== extensionOrigin) return 'untrusted';
    return 'extension';
  }
  return isConsoleUrl(url) && isConsoleUrl(frameTab ?? url) ? 'page' : 'untrusted';
}

/** The rotation panel page (`entrypoints/panel/`), the one page web-accessible on the Amazon console hosts. */
export const PANEL_PAGE_PATH = '/panel.html';

function isConsoleUrl(url: URL): boolean {
  return url.protocol === 'https:' && isAmazonConsoleHost(url.hostname);
}


function parseUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
