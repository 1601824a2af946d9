import { describe, expect, it } from 'vitest';
import { classifyReport, type VaultKnowledge } from '../../../utils/rotation-capture/classify';
import type { EntryMeta } from '../../../utils/vault/schema';
import { clientId, secret } from './helpers';

const NOW = 1_800_000_000_000;
const entry = (id: string, cid?: string): EntryMeta =>
  ({ id, alias: id, kind: 'seller', region: 'NA', connector: 'other', environment: 'production', createdAt: 0, updatedAt: 0, ...(cid ? { clientId: cid } : {}) }) as EntryMeta;

function vault(entries: EntryMeta[], secrets: Record<string, { clientSecret?: string; previousClientSecret?: string }>, locked = false): VaultKnowledge {
  return {
    locked,
    entries,
    secretsOf: async (id) => {
      if (locked) throw new Error('secretsOf must not be called while locked');
      return secrets[id];
    },
  };
}

describe('classifyReport', () => {
  const known = vault([entry('a', clientId(1))], { a: { clientSecret: secret(1), previousClientSecret: secret(0) } });

  it('calls the vault current secret up to date, even right after a Rotate click', async () => {
    expect(await classifyReport({ secret: secret(1), clientId: clientId(1) }, known, NOW)).toBe('up-to-date');
    expect(await classifyReport({ secret: secret(1), clientId: clientId(1), rotateClickedAt: NOW - 1000 }, known, NOW)).toBe('up-to-date');
  });

  it('calls a secret new when it differs from the vault for that client id (rotated elsewhere)', async () => {
    expect(await classifyReport({ secret: secret(2), clientId: clientId(1) }, known, NOW)).toBe('new');
  });

  it('calls a secret new after a Rotate click, even for an app the vault does not know', async () => {
    expect(await classifyReport({ secret: secret(5), clientId: clientId(5), rotateClickedAt: NOW - 2000 }, known, NOW)).toBe('new');
  });

  it('ignores an unknown app shown without a rotation, and a click too long ago', async () => {
    expect(await classifyReport({ secret: secret(5), clientId: clientId(5) }, known, NOW)).toBe('ignored');
    expect(await classifyReport({ secret: secret(5), clientId: clientId(5), rotateClickedAt: NOW - 10 * 60_000 }, known, NOW)).toBe('ignored');
  });

  it("ignores the entry's previous secret still on screen", async () => {
    expect(await classifyReport({ secret: secret(0), clientId: clientId(1) }, known, NOW)).toBe('ignored');
  });

  it('offers a secret for an entry that has none yet', async () => {
    const empty = vault([entry('a', clientId(1))], { a: {} });
    expect(await classifyReport({ secret: secret(1), clientId: clientId(1) }, empty, NOW)).toBe('new');
  });

  it('compares an unpaired secret with every entry', async () => {
    const two = vault([entry('a', clientId(1)), entry('b', clientId(2))], { a: { clientSecret: secret(1) }, b: { clientSecret: secret(2) } });
    expect(await classifyReport({ secret: secret(2) }, two, NOW)).toBe('up-to-date');
    expect(await classifyReport({ secret: secret(3) }, two, NOW)).toBe('ignored');
  });

  it('while locked: new after a Rotate click, "locked" for a known app, otherwise ignored; never decrypts', async () => {
    const locked = vault([entry('a', clientId(1))], {}, true);
    expect(await classifyReport({ secret: secret(2), clientId: clientId(1), rotateClickedAt: NOW - 1 }, locked, NOW)).toBe('new');
    expect(await classifyReport({ secret: secret(1), clientId: clientId(1) }, locked, NOW)).toBe('locked');
    expect(await classifyReport({ secret: secret(9), clientId: clientId(9) }, locked, NOW)).toBe('ignored');
  });
});
