import { isAmazonConsoleHost } from '../features/amazon/hosts';

export type SenderTrust = 'extension' | 'content' | 'untrusted';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { url?: string };
}

/**
 * Who sent a runtime message. Extension pages are our own origin compared exactly (never a prefix test:
 * `chrome-extension://<id>.evil.example` must not pass); a content script is our id on a tab whose URL is an
 * https Amazon console host from the facts. Everything else is untrusted.
 */
export function classifySender(sender: SenderLike, extensionId: string, extensionOrigin: string): SenderTrust {
  if (sender.id !== extensionId) return 'untrusted';
  const url = parseUrl(sender.url);
  if (!url) return 'untrusted';
  if (originOf(url) === extensionOrigin) {
    const frameTab = parseUrl(sender.tab?.url);
    // The rotation panel is our page framed into an Amazon console tab: it acts for that page, so content-level.
    if (url.pathname === PANEL_PAGE_PATH) return frameTab && isConsoleUrl(frameTab) ? 'content' : 'untrusted';
    // Other extension pages have no tab, or a tab showing our own page (the pop-out); framed elsewhere, nothing.
    if (frameTab && originOf(frameTab) !== extensionOrigin) return 'untrusted';
    return 'extension';
  }
  const tabUrl = parseUrl(sender.tab?.url) ?? url;
  if (isConsoleUrl(url) && isConsoleUrl(tabUrl)) {
    return 'content';
  }
  return 'untrusted';
}

/** The rotation panel page (`entrypoints/panel/`), the one page web-accessible on the Amazon console hosts. */
export const PANEL_PAGE_PATH = '/panel.html';

function isConsoleUrl(url: URL): boolean {
  return url.protocol === 'https:' && isAmazonConsoleHost(url.hostname);
}

/** URL.origin is "null" for non-special schemes such as chrome-extension: in Node, so build it from parts. */
export function originOf(url: URL | string): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return `${parsed.protocol}//${parsed.host}`;
}

function parseUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
