/**
 * The origin of a URL (`scheme://host[:port]`), or undefined for one that does not parse. Built from its parts:
 * `URL.origin` is "null" for non-special schemes such as `chrome-extension:` in Node.
 */
export function originOf(url: URL | string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (typeof url === 'string' && !URL.canParse(url)) return undefined;
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return `${parsed.protocol}//${parsed.host}`;
}
