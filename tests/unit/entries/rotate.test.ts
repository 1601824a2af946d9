import { describe, expect, it } from 'vitest';
import { deadlinesOf } from '../../../features/deadlines/countdown';
import { retirePreviousSecret, rotateSecret } from '../../../features/entries/rotate';
import type { EntrySecrets } from '../../../features/vault/schema';
import { entryMeta } from '../deadlines/fixtures';
import { at, DAY } from '../support/time';

const OLD = 'amzn1.oa2-cs.v1.' + 'a'.repeat(64);
const NEW = 'amzn1.oa2-cs.v1.' + 'b'.repeat(64);

const meta = Object.freeze(
  entryMeta({
    id: 'shop',
    alias: 'ShopCtrl 1P',
    secretIssuedAt: at('2023-07-14T09:00:00Z'),
    secretExpiresAt: at('2024-01-10T09:00:00Z'),
    authorizedAt: at('2023-07-01T09:00:00Z'),
  }),
);
const secrets: EntrySecrets = Object.freeze({ clientSecret: OLD, refreshToken: 'Atzr|x' });

describe('rotateSecret', () => {
  it('moves the current secret to the previous slot for 7 days and starts a new 180-day clock', () => {
    const now = at('2024-01-10T22:09:17.456Z');
    const result = rotateSecret(meta, secrets, { newSecret: NEW, now });
    expect(result.rotated).toBe(true);
    expect(result.secrets).toEqual({ clientSecret: NEW, previousClientSecret: OLD, refreshToken: 'Atzr|x' });
    expect(result.meta).toMatchObject({ secretIssuedAt: now, updatedAt: now, previousSecretExpiresAt: now + 7 * DAY });
    expect(result.meta.secretExpiresAt).toBeUndefined();
    expect('secretExpiresAt' in result.meta).toBe(false);
    expect(deadlinesOf(result.meta, now)).toEqual([
      { kind: 'secret', at: at('2024-07-08T22:09:17.456Z'), stated: false },
      { kind: 'previous-secret', at: at('2024-01-17T22:09:17.456Z'), stated: true },
      { kind: 'authorization', at: at('2024-06-30T09:00:00Z'), stated: false },
    ]);
  });

  it('takes the dates Amazon stated in its NEW_SECRET notification', () => {
    const result = rotateSecret(meta, secrets, {
      newSecret: NEW,
      now: at('2024-01-10T22:09:17.456Z'),
      statedExpiresAt: at('2024-07-08T22:09:17.198Z'),
      statedPreviousExpiresAt: at('2024-01-17T22:09:17.180Z'),
    });
    expect(result.meta).toMatchObject({
      secretExpiresAt: at('2024-07-08T22:09:17.198Z'),
      previousSecretExpiresAt: at('2024-01-17T22:09:17.180Z'),
    });
  });

  it.each([
    ['the current secret', OLD, 'same-as-current'],
    ['the previous secret', NEW, 'same-as-previous'],
  ] as const)('leaves everything unchanged when the "new" secret is %s', (_name, newSecret, reason) => {
    const withPrevious = { ...secrets, clientSecret: OLD, previousClientSecret: NEW };
    const result = rotateSecret(meta, withPrevious, { newSecret, now: at('2024-01-10T22:09:17Z') });
    expect(result).toEqual({ rotated: false, reason, meta, secrets: withPrevious });
    expect(result.meta).toBe(meta);
    expect(result.secrets).toBe(withPrevious);
  });

  it('stores a first secret without inventing a previous one', () => {
    const now = at('2024-01-10T22:09:17Z');
    const result = rotateSecret(meta, {}, { newSecret: NEW, now });
    expect(result.secrets).toEqual({ clientSecret: NEW });
    expect(result.meta.previousSecretExpiresAt).toBeUndefined();
  });

  it('keeps one previous secret when rotating twice within 7 days', () => {
    const first = rotateSecret(meta, secrets, { newSecret: NEW, now: at('2024-01-10T00:00:00Z') });
    const third = 'amzn1.oa2-cs.v1.' + 'c'.repeat(64);
    const second = rotateSecret(first.meta, first.secrets, { newSecret: third, now: at('2024-01-12T00:00:00Z') });
    expect(second.secrets).toMatchObject({ clientSecret: third, previousClientSecret: NEW });
    expect(second.meta.previousSecretExpiresAt).toBe(at('2024-01-19T00:00:00Z'));
  });

  it('refuses an empty secret', () => {
    expect(() => rotateSecret(meta, secrets, { newSecret: '', now: 0 })).toThrow(RangeError);
  });
});

describe('rotateSecret keeps every secret that leaves a slot', () => {
  const OLDER = 'amzn1.oa2-cs.v1.' + 'c'.repeat(64);
  const NEWEST = 'amzn1.oa2-cs.v1.' + 'd'.repeat(64);

  it('moves the secret leaving the previous slot into retiredSecrets, newest first, each once', () => {
    const now = at('2026-03-01');
    const first = rotateSecret(meta, { ...secrets, previousClientSecret: OLDER }, { newSecret: NEW, now });
    expect(first.rotated && first.secrets).toMatchObject({ clientSecret: NEW, previousClientSecret: OLD, retiredSecrets: [{ secret: OLDER, retiredAt: now }] });
    const second = rotateSecret(first.meta, first.secrets, { newSecret: NEWEST, now: now + DAY });
    expect(second.secrets.retiredSecrets).toEqual([
      { secret: OLD, retiredAt: now + DAY },
      { secret: OLDER, retiredAt: now },
    ]);
  });

  it('retires nothing on a first rotation (the previous slot was empty)', () => {
    const result = rotateSecret(meta, secrets, { newSecret: NEW, now: at('2026-03-01') });
    expect(result.secrets.retiredSecrets).toBeUndefined();
  });
});

describe('retirePreviousSecret', () => {
  it('empties the previous slot, keeps its secret in the retired ones and stops its countdown', () => {
    const now = at('2027-05-23T12:00:00Z');
    const retired = retirePreviousSecret({ clientSecret: 'new', previousClientSecret: 'old', retiredSecrets: [{ secret: 'older', retiredAt: 1 }] }, now);
    expect(retired).toEqual({
      meta: { previousSecretExpiresAt: null },
      secrets: { previousClientSecret: null, retiredSecrets: [{ secret: 'old', retiredAt: now }, { secret: 'older', retiredAt: 1 }] },
    });
    expect(retirePreviousSecret({ clientSecret: 'only' }, now)).toBeUndefined();
  });
});
