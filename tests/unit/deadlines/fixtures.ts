import type { EntryMeta } from '../../../features/vault/schema';

/**
 * A stored entry's metadata with only what a test cares about spelled out. `hasSecret` as the vault writes it for
 * a dated secret or no secret at all; a test of Date unknown (or of a record without the flag) says so.
 */
export function entryMeta(overrides: Partial<EntryMeta> & Pick<EntryMeta, 'id' | 'alias'>): EntryMeta {
  return {
    kind: 'seller',
    connector: 'other',
    environment: 'production',
    region: 'EU',
    createdAt: 0,
    updatedAt: 0,
    hasSecret: overrides.secretExpiresAt !== undefined || overrides.secretIssuedAt !== undefined,
    ...overrides,
  };
}
