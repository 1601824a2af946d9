import { VaultError } from '../errors';
import { rotatedMetaPatch, rotatedSecretsPatch, rotateSecret } from '../rotation/rotate';
import type { EntryMeta } from '../vault/schema';
import type { VaultService } from '../vault/vault';

export interface RotateEntryInput {
  newSecret: string;
  /** When the new secret was issued: now, or Amazon's eventTime. */
  issuedAt: number;
  statedExpiresAt?: number;
  statedPreviousExpiresAt?: number;
  /** Shown in the 'rotated' event (where the secret came from); never a value. */
  detail: string;
}

type RotateVault = Pick<VaultService, 'getEntry' | 'updateEntry' | 'appendEvent'>;

/**
 * The two-slot rotation applied to a stored entry: current → previous (7-day clock unless Amazon stated one),
 * new secret current (180 days unless stated). Refuses a secret the entry already holds.
 */
export async function rotateStoredEntry(vault: RotateVault, id: string, input: RotateEntryInput): Promise<EntryMeta> {
  const { meta, secrets } = await vault.getEntry(id);
  const result = rotateSecret(meta, secrets, {
    newSecret: input.newSecret,
    now: input.issuedAt,
    statedExpiresAt: input.statedExpiresAt,
    statedPreviousExpiresAt: input.statedPreviousExpiresAt,
  });
  if (!result.rotated) {
    throw new VaultError(
      'same-secret',
      result.reason === 'same-as-current'
        ? `This is already the current client secret of “${meta.alias}”, so nothing changed.`
        : `This is the previous client secret of “${meta.alias}”, not a new one (Amazon never issues a secret twice), so nothing changed.`,
    );
  }
  const next = result.meta;
  const updated = await vault.updateEntry(id, rotatedMetaPatch(next), rotatedSecretsPatch(result.secrets));
  await vault.appendEvent({ entryId: id, type: 'rotated', detail: input.detail });
  return updated;
}
