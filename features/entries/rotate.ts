import type { EntryMeta, EntrySecrets } from '../vault/schema';
import { addDays, PREVIOUS_SECRET_GRACE_DAYS } from '../deadlines/rules';

export interface RotateSecretInput {
  newSecret: string;
  /** When the new secret was issued (epoch ms). */
  now: number;
  /** New secret's expiry as Amazon stated it (console page, `newClientSecretExpiryTime`). */
  statedExpiresAt?: number;
  /** Old secret's expiry as Amazon stated it (`oldClientSecretExpiryTime`). */
  statedPreviousExpiresAt?: number;
}

export type RotateSecretResult =
  | { rotated: true; meta: EntryMeta; secrets: EntrySecrets }
  | {
      rotated: false;
      /** The vault already holds this secret as the current one, or as the previous one (Amazon never reissues). */
      reason: 'same-as-current' | 'same-as-previous';
      meta: EntryMeta;
      secrets: EntrySecrets;
    };

/**
 * The two-slot rule: the current secret becomes the previous one (working until Amazon's stated date, else for
 * 7 more days) and the new secret becomes current with a fresh 180-day clock. A stated expiry replaces any
 * earlier one; without it the expiry is left unset so it is computed from `secretIssuedAt`.
 * With no current secret, nothing moves and the previous slot is left as it was. A second rotation within 7 days
 * overwrites the previous slot (Amazon may revoke the older one at once), but no secret is ever dropped: the one
 * leaving the previous slot goes to `retiredSecrets` (sealed with the rest, shown in the entry detail).
 */
export function rotateSecret(meta: EntryMeta, secrets: EntrySecrets, input: RotateSecretInput): RotateSecretResult {
  const { newSecret, now, statedExpiresAt, statedPreviousExpiresAt } = input;
  if (newSecret.length === 0) throw new RangeError('rotateSecret: the new secret is empty');
  if (secrets.clientSecret === newSecret) return { rotated: false, reason: 'same-as-current', meta, secrets };
  if (secrets.previousClientSecret === newSecret) {
    return { rotated: false, reason: 'same-as-previous', meta, secrets };
  }

  const nextMeta: EntryMeta = { ...meta, secretIssuedAt: now, updatedAt: now };
  // The old secret's stated expiry must not survive onto the new secret.
  delete nextMeta.secretExpiresAt;
  if (statedExpiresAt !== undefined) nextMeta.secretExpiresAt = statedExpiresAt;

  const nextSecrets: EntrySecrets = { ...secrets, clientSecret: newSecret };
  if (secrets.clientSecret !== undefined) {
    nextSecrets.previousClientSecret = secrets.clientSecret;
    nextMeta.previousSecretExpiresAt = statedPreviousExpiresAt ?? addDays(now, PREVIOUS_SECRET_GRACE_DAYS);
    const leaving = secrets.previousClientSecret;
    if (leaving !== undefined && leaving !== secrets.clientSecret) {
      nextSecrets.retiredSecrets = retire(secrets.retiredSecrets, leaving, now);
    }
  }
  return { rotated: true, meta: nextMeta, secrets: nextSecrets };
}

/** `history` with `secret` added at the front (once: a secret already in it keeps its first retirement). */
export function retire(history: EntrySecrets['retiredSecrets'], secret: string, at: number): NonNullable<EntrySecrets['retiredSecrets']> {
  const kept = history ?? [];
  return kept.some((r) => r.secret === secret) ? kept : [{ secret, retiredAt: at }, ...kept];
}

/** The secret fields a rotation changed, as an `updateEntry` patch (null removes). */
export function rotatedSecretsPatch(secrets: EntrySecrets): Pick<EntrySecrets, 'clientSecret' | 'retiredSecrets'> & { previousClientSecret: string | null } {
  return {
    clientSecret: secrets.clientSecret,
    previousClientSecret: secrets.previousClientSecret ?? null,
    ...(secrets.retiredSecrets ? { retiredSecrets: secrets.retiredSecrets } : {}),
  };
}

/** The patch that applies a rotation's metadata (null removes: expiries are computed from `secretIssuedAt` then). */
export function rotatedMetaPatch(meta: EntryMeta): { secretIssuedAt: number | undefined; secretExpiresAt: number | null; previousSecretExpiresAt: number | null } {
  return {
    secretIssuedAt: meta.secretIssuedAt,
    secretExpiresAt: meta.secretExpiresAt ?? null,
    previousSecretExpiresAt: meta.previousSecretExpiresAt ?? null,
  };
}

/**
 * The user confirmed every system uses the new secret: the previous slot is emptied (its secret kept in
 * `retiredSecrets`) and its 7-day countdown stops. Undefined when there is no previous secret to retire.
 */
export function retirePreviousSecret(
  secrets: EntrySecrets,
  now: number,
): { meta: { previousSecretExpiresAt: null }; secrets: { previousClientSecret: null; retiredSecrets: NonNullable<EntrySecrets['retiredSecrets']> } } | undefined {
  const previous = secrets.previousClientSecret;
  if (previous === undefined) return undefined;
  return {
    meta: { previousSecretExpiresAt: null },
    secrets: { previousClientSecret: null, retiredSecrets: retire(secrets.retiredSecrets, previous, now) },
  };
}
