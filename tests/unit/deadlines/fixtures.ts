import type { EntryMeta } from '../../../features/vault/schema';

/** A stored entry's metadata with only what a test cares about spelled out. */
export function entryMeta(overrides: Partial<EntryMeta> & Pick<EntryMeta, 'id' | 'alias'>): EntryMeta {
  return {
    kind: 'seller',
    connector: 'other',
    environment: 'production',
    region: 'EU',
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}
