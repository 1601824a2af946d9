import { describe, expect, it } from 'vitest';
import { answerFor, type VaultKnowledge } from '../../../features/rotation-watch/answers';
import type { EntryMeta } from '../../../features/vault/schema';
import { clientId, secret } from './helpers';

const entry = (id: string, cid?: string): EntryMeta =>
  ({ id, alias: id, kind: 'seller', region: 'NA', connector: 'other', environment: 'production', createdAt: 0, updatedAt: 0, ...(cid ? { clientId: cid } : {}) }) as EntryMeta;

function vault(
  entries: EntryMeta[],
  secrets: Record<string, { clientSecret?: string; previousClientSecret?: string }>,
  state: VaultKnowledge['state'] = 'unlocked',
): VaultKnowledge {
  return {
    state,
    entries,
    secretsOf: async (id) => {
      if (state !== 'unlocked') throw new Error('secretsOf must not be called while locked');
      return secrets[id];
    },
  };
}

const answer = async (facts: { secret: string; clientId?: string; rotationSeen?: boolean }, knowledge: VaultKnowledge) =>
  (await answerFor({ rotationSeen: false, ...facts }, knowledge)).answer;

describe('answerFor', () => {
  const known = vault([entry('a', clientId(1))], { a: { clientSecret: secret(1), previousClientSecret: secret(0) } });

  it('up to date: the vault current secret, even when the page showed a rotation', async () => {
    expect(await answer({ secret: secret(1), clientId: clientId(1) }, known)).toBe('up-to-date');
    expect(await answer({ secret: secret(1), clientId: clientId(1), rotationSeen: true }, known)).toBe('up-to-date');
  });

  it('previous: the entry previous secret still on screen, with the entry it belongs to', async () => {
    expect(await answerFor({ secret: secret(0), clientId: clientId(1), rotationSeen: false }, known)).toMatchObject({ answer: 'previous', entry: { id: 'a' } });
  });

  it('new: another (or no) secret for this client id in the vault', async () => {
    expect(await answer({ secret: secret(2), clientId: clientId(1) }, known)).toBe('new');
    expect(await answer({ secret: secret(1), clientId: clientId(1) }, vault([entry('a', clientId(1))], { a: {} }))).toBe('new');
  });

  it('offer for an app the vault does not know; new when the page showed it replacing another', async () => {
    expect(await answer({ secret: secret(5), clientId: clientId(5) }, known)).toBe('offer');
    expect(await answer({ secret: secret(5), clientId: clientId(5), rotationSeen: true }, known)).toBe('new');
  });

  it('compares an unpaired secret with every entry', async () => {
    const two = vault([entry('a', clientId(1)), entry('b', clientId(2))], { a: { clientSecret: secret(1) }, b: { clientSecret: secret(2) } });
    expect(await answer({ secret: secret(2) }, two)).toBe('up-to-date');
    expect(await answer({ secret: secret(3) }, two)).toBe('offer');
  });

  it('no vault yet: the offer (or new after a rotation); locked: "locked" unless metadata says no such app; never decrypts', async () => {
    expect(await answer({ secret: secret(1), clientId: clientId(1) }, vault([], {}, 'missing'))).toBe('offer');
    const locked = vault([entry('a', clientId(1))], {}, 'locked');
    expect(await answer({ secret: secret(2), clientId: clientId(1), rotationSeen: true }, locked)).toBe('locked');
    expect(await answer({ secret: secret(1) }, locked)).toBe('locked');
    expect(await answer({ secret: secret(9), clientId: clientId(9) }, locked)).toBe('offer');
  });
});
