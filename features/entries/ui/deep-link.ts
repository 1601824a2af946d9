/**
 * Pop-out deep links: `popup.html?popout=1#entry=<id>` opens one entry (notifications link there),
 * `#timeline` the planning timeline.
 */
export type DeepLink = { entryId: string } | { timeline: true } | undefined;

export function parseDeepLink(hash: string): DeepLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const entryId = params.get('entry');
  if (entryId) return { entryId };
  if (params.has('timeline')) return { timeline: true };
  return undefined;
}

export function entryHash(id: string): string {
  return `#${new URLSearchParams({ entry: id })}`;
}
