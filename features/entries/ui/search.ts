import type { EntryMeta } from '../../vault/schema';

/** Case-insensitive match on the alias or the LWA client id; an empty query matches everything. */
export function matchesQuery(meta: Pick<EntryMeta, 'alias' | 'clientId'>, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return meta.alias.toLowerCase().includes(needle) || (meta.clientId?.toLowerCase().includes(needle) ?? false);
}
