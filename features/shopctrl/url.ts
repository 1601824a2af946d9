import { normalizePasted } from '../amazon/identifiers';

/**
 * The user's ShopCtrl shop settings URL (docs/amazon.md §7): every customer has their own tenant host under
 * `shopctrl.com`, sometimes with a port (`acme.shopctrl.com:52222`). LWA Vault only ever opens, focuses or
 * fills pages on such a host; the install-time host permission is exactly this pattern.
 */
export const SHOPCTRL_MATCH_PATTERN = 'https://*.shopctrl.com/*';

const TENANT_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+shopctrl\.com$/;

export const SHOPCTRL_URL_RULE =
  'The ShopCtrl settings address is an https:// address on your ShopCtrl host, such as https://yourshop.shopctrl.com:52222/…';

/**
 * The one check of a ShopCtrl address, for the editor and the background alike: an https page on a
 * `*.shopctrl.com` tenant host, without credentials. The message says what is wrong, in the user's words.
 */
export function checkShopCtrlUrl(raw: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(normalizePasted(raw));
  } catch {
    return { ok: false, message: `This is not a web address. ${SHOPCTRL_URL_RULE}` };
  }
  if (url.protocol !== 'https:') return { ok: false, message: `Only https addresses are accepted. ${SHOPCTRL_URL_RULE}` };
  if (url.username || url.password) return { ok: false, message: 'Leave the user name and password out of the address.' };
  if (!TENANT_HOST.test(url.hostname)) {
    return { ok: false, message: `${url.hostname} is not a ShopCtrl host (one ending in .shopctrl.com). ${SHOPCTRL_URL_RULE}` };
  }
  url.hash = '';
  return { ok: true, url };
}

/** The URL when `checkShopCtrlUrl` accepts it; otherwise undefined. */
export function parseShopCtrlUrl(value: string): URL | undefined {
  const checked = checkShopCtrlUrl(value);
  return checked.ok ? checked.url : undefined;
}

/** Whether a tab showing `tabUrl` is that settings page (same origin and path; query and hash ignored). */
export function isSameSettingsPage(tabUrl: string | undefined, settings: URL): boolean {
  if (!tabUrl) return false;
  try {
    const url = new URL(tabUrl);
    return url.origin === settings.origin && trimSlash(url.pathname) === trimSlash(settings.pathname);
  } catch {
    return false;
  }
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '').toLowerCase();
}

/** Where in ShopCtrl the fields live, for when they are not on the page (docs/amazon.md §7). */
export function shopCtrlDirections(kind: 'seller' | 'vendor'): string {
  const section = kind === 'vendor' ? 'Amazon 1P Synchronization' : 'Amazon Synchronization (3P)';
  return (
    `Log in as Shop Owner Admin, then go to Configuration > Shops > choose your shop > Edit > ` +
    `Shop synchronization > ${section}. The LWA Client Secret field is in its Self Authorization section.`
  );
}
