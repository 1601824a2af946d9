import { VaultError } from '../../platform/errors';
import { retirePreviousSecret, rotatedMetaPatch, rotatedSecretsPatch, rotateSecret } from './rotate';
import type { EntryMeta } from '../vault/schema';
import type { EntryChange, VaultService } from '../vault/vault';
import type { EntryView } from './protocol';

export interface RotateEntryInput {
  newSecret: string;
  /** When the new secret was issued: now, or Amazon's eventTime. */
  issuedAt: number;
  statedExpiresAt?: number;
  statedPreviousExpiresAt?: number;
  /** Shown in the 'rotated' event (where the secret came from); never a value. */
  detail: string;
}

/**
 * The two-slot rotation as a change of the entry as stored now: current → previous (7-day clock unless Amazon
 * stated one), new secret current (180 days unless stated). Refuses a secret the entry already holds.
 */
export function rotationChange({ meta, secrets }: EntryView, input: RotateEntryInput): EntryChange {
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
  return {
    meta: rotatedMetaPatch(next),
    secrets: rotatedSecretsPatch(result.secrets),
    events: [{ type: 'rotated', detail: input.detail }],
  };
}

/** Rotates a stored entry on the vault's write queue: two rotations at once never both move current to previous. */
export function rotateStoredEntry(vault: Pick<VaultService, 'modifyEntry'>, id: string, input: RotateEntryInput): Promise<EntryMeta> {
  return vault.modifyEntry(id, (entry) => rotationChange(entry, input));
}

/** Retires the previous secret of a stored entry (kept in its history); a no-op when it has none. */
export function retirePreviousOfStoredEntry(vault: Pick<VaultService, 'modifyEntry'>, id: string, now: number): Promise<EntryMeta> {
  return vault.modifyEntry(id, ({ secrets }) => {
    const retired = retirePreviousSecret(secrets, now);
    return retired && { ...retired, events: [{ type: 'updated', detail: 'previous client secret retired: every system uses the new one' }] };
  });
}
