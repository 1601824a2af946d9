import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../features/vault/base64';
import { openVaultDb } from '../../../features/vault/db';
import type { StoredEntry } from '../../../features/vault/schema';
import { OTHER_PASSPHRASE, PASSPHRASE, dumpDb, readRecord, rejection, sampleMeta, setupVault, writeRecord } from './helpers';

async function unlockedVault() {
  const setup = setupVault();
  await setup.vault.create(PASSPHRASE);
  return setup;
}

async function stored(name: string, id: string): Promise<StoredEntry> {
  return (await readRecord(name, 'entries', id)) as StoredEntry;
}

describe('entries', () => {
  it('records in the metadata whether a client secret is sealed, whatever the caller sends', async () => {
    const { vault } = await unlockedVault();
    const none = await vault.createEntry({ ...sampleMeta, hasSecret: true } as never, {});
    expect(none.hasSecret).toBe(false);
    const withSecret = await vault.updateEntry(none.id, { hasSecret: false } as never, { clientSecret: 'cs-1' });
    expect(withSecret.hasSecret).toBe(true);
    expect((await vault.listEntries()).entries[0]!.hasSecret).toBe(true);
    expect((await vault.updateEntry(none.id, {}, { clientSecret: null })).hasSecret).toBe(false);
  });

  it('gives records stored before the flag their hasSecret at the next unlock, the sealed part untouched', async () => {
    const { vault, name } = await unlockedVault();
    const secret = await vault.createEntry(sampleMeta, { clientSecret: 'cs-1' });
    const empty = await vault.createEntry({ ...sampleMeta, alias: 'No secret yet' }, {});
    const withoutFlag = async (id: string) => {
      const { hasSecret: _, ...meta } = (await stored(name, id)).meta;
      await writeRecord(name, 'entries', { ...(await stored(name, id)), meta });
    };
    await withoutFlag(secret.id);
    await withoutFlag(empty.id);
    const before = await stored(name, secret.id);
    await vault.lock();
    // Locked, nothing says whether a secret is sealed: the flag stays absent (the clock reads that as Date unknown).
    expect((await vault.listEntries()).entries.map((m) => m.hasSecret)).toEqual([undefined, undefined]);

    await vault.unlock(PASSPHRASE);
    expect((await stored(name, secret.id)).meta.hasSecret).toBe(true);
    expect((await stored(name, empty.id)).meta.hasSecret).toBe(false);
    expect((await stored(name, secret.id)).sealed).toEqual(before.sealed);
    expect((await vault.getEntry(secret.id)).secrets).toEqual({ clientSecret: 'cs-1' });
    const done = await dumpDb(name);
    await vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(await dumpDb(name)).toEqual(done); // once: the next unlock writes nothing
  });

  it('creates an entry, lists its metadata only, and decrypts it on request', async () => {
    const { vault, clock } = await unlockedVault();
    const meta = await vault.createEntry(sampleMeta, { clientSecret: 'cs-1', refreshToken: 'Atzr|1', notes: '' });
    expect(meta).toMatchObject({ ...sampleMeta, connector: 'other', environment: 'production', createdAt: clock.now, updatedAt: clock.now });
    expect(meta.id).toMatch(/^[0-9a-f-]{36}$/);

    const list = await vault.listEntries();
    expect(list).toEqual({ entries: [meta], damaged: [] });
    expect(JSON.stringify(list)).not.toContain('cs-1');
    expect(await vault.getEntry(meta.id)).toEqual({ meta, secrets: { clientSecret: 'cs-1', refreshToken: 'Atzr|1' } });
    expect(await vault.events(meta.id)).toEqual([{ seq: 1, entryId: meta.id, at: clock.now, type: 'created' }]);
  });

  it('a recent list still shows what every write left; a plain list also what changed outside LWA Vault', async () => {
    const { vault, name } = await unlockedVault();
    const a = await vault.createEntry({ ...sampleMeta, alias: 'a' }, { clientSecret: 'cs-a' });
    const first = await vault.listEntries({ recent: true });
    first.entries[0]!.alias = 'changed by a caller';
    expect((await vault.listEntries({ recent: true })).entries.map((m) => m.alias)).toEqual(['a']);

    const b = await vault.createEntry({ ...sampleMeta, alias: 'b' }, {});
    await vault.updateEntry(a.id, { alias: 'c' }, {});
    expect((await vault.listEntries({ recent: true })).entries.map((m) => m.alias)).toEqual(['b', 'c']);
    await vault.modifyEntry(b.id, () => ({ meta: { alias: 'd' }, events: [] }));
    await vault.deleteEntry(a.id);
    expect((await vault.listEntries({ recent: true })).entries.map((m) => m.alias)).toEqual(['d']);

    const record = await stored(name, b.id);
    await writeRecord(name, 'entries', { ...record, meta: { ...record.meta, kind: 'marketplace' } });
    expect(await vault.listEntries()).toEqual({ entries: [], damaged: [b.id] });
  });

  it('sorts the list by alias', async () => {
    const { vault } = await unlockedVault();
    for (const alias of ['delta', 'Alpha', 'charlie', 'bravo']) await vault.createEntry({ ...sampleMeta, alias }, {});
    expect((await vault.listEntries()).entries.map((m) => m.alias)).toEqual(['Alpha', 'bravo', 'charlie', 'delta']);
  });

  it('sets id and timestamps itself and refuses invalid metadata', async () => {
    const { vault } = await unlockedVault();
    const meta = await vault.createEntry({ ...sampleMeta, id: 'mine', createdAt: 1 } as never, {});
    expect(meta.id).not.toBe('mine');
    expect(meta.createdAt).not.toBe(1);
    expect((await rejection(vault.createEntry({ ...sampleMeta, alias: '' }, {}))).code).toBe('bad-request');
    expect((await rejection(vault.createEntry(sampleMeta, { clientSecret: 7 } as never))).message).not.toContain('7');
  });

  it('needs the vault unlocked to create, read, update or delete', async () => {
    const { vault } = await unlockedVault();
    const meta = await vault.createEntry(sampleMeta, {});
    await vault.lock();
    for (const call of [
      () => vault.createEntry(sampleMeta, {}),
      () => vault.getEntry(meta.id),
      () => vault.updateEntry(meta.id, { alias: 'x' }, {}),
      () => vault.deleteEntry(meta.id),
    ]) {
      expect((await rejection(call())).code).toBe('locked');
    }
  });

  it('says not-found for an unknown id', async () => {
    const { vault } = await unlockedVault();
    for (const call of [
      () => vault.getEntry('nope'),
      () => vault.updateEntry('nope', {}, {}),
      () => vault.deleteEntry('nope'),
      () => vault.appendEvent({ entryId: 'nope', type: 'copied' }),
    ]) {
      expect((await rejection(call())).code).toBe('not-found');
    }
  });
});

describe('updateEntry', () => {
  it('merges the patches, reseals with a fresh IV, and logs field names only', async () => {
    const { vault, name, clock } = await unlockedVault();
    const meta = await vault.createEntry(sampleMeta, { clientSecret: 'cs-old', refreshToken: 'Atzr|1', notes: 'keep me' });
    const sealedBefore = (await stored(name, meta.id)).sealed;

    clock.now += 1_000;
    const updated = await vault.updateEntry(
      meta.id,
      { alias: 'Renamed', secretIssuedAt: clock.now },
      { clientSecret: 'cs-new', previousClientSecret: 'cs-old' },
    );
    expect(updated).toEqual({ ...meta, alias: 'Renamed', secretIssuedAt: clock.now, updatedAt: clock.now });
    expect((await stored(name, meta.id)).sealed.iv).not.toBe(sealedBefore.iv);
    expect(await vault.getEntry(meta.id)).toEqual({
      meta: updated,
      secrets: { clientSecret: 'cs-new', previousClientSecret: 'cs-old', refreshToken: 'Atzr|1', notes: 'keep me' },
    });

    const [latest] = await vault.events(meta.id);
    expect(latest).toMatchObject({ type: 'updated', at: clock.now, detail: 'fields: alias, secretIssuedAt; secrets: clientSecret, previousClientSecret' });
    expect(JSON.stringify(await vault.events(meta.id))).not.toMatch(/cs-new|cs-old|Renamed/);
  });

  it("removes a field given as '', undefined or null; leaves out-of-patch fields alone", async () => {
    const { vault } = await unlockedVault();
    const meta = await vault.createEntry(
      { ...sampleMeta, connector: 'shopctrl-3p', shopCtrlUrl: 'https://shop.example/admin' },
      { clientSecret: 'cs', refreshToken: 'rt', notes: 'n', redirectUri: 'https://r.example' },
    );
    const updated = await vault.updateEntry(
      meta.id,
      { marketplace: '', clientId: undefined, shopCtrlUrl: null },
      { notes: '', refreshToken: undefined, redirectUri: null },
    );
    expect(updated.marketplace).toBeUndefined();
    expect(updated.clientId).toBeUndefined();
    expect(updated.shopCtrlUrl).toBeUndefined();
    expect(updated.connector).toBe('shopctrl-3p');
    expect((await vault.getEntry(meta.id)).secrets).toEqual({ clientSecret: 'cs' });
  });

  it('refuses to remove a required field or to rewrite id and createdAt', async () => {
    const { vault } = await unlockedVault();
    const meta = await vault.createEntry(sampleMeta, {});
    expect((await rejection(vault.updateEntry(meta.id, { alias: '' }, {}))).code).toBe('bad-request');
    const updated = await vault.updateEntry(meta.id, { id: 'other', createdAt: 5, alias: 'X' } as never, {});
    expect(updated).toMatchObject({ id: meta.id, createdAt: meta.createdAt, alias: 'X' });
  });

  it('writes nothing when nothing changes', async () => {
    const { vault, name } = await unlockedVault();
    const meta = await vault.createEntry(sampleMeta, { clientSecret: 'cs' });
    const before = await dumpDb(name);
    expect(await vault.updateEntry(meta.id, { alias: sampleMeta.alias }, { clientSecret: 'cs' })).toEqual(meta);
    expect(await dumpDb(name)).toEqual(before);
  });

  it('keeps concurrent updates from losing each other', async () => {
    const { vault } = await unlockedVault();
    const meta = await vault.createEntry(sampleMeta, {});
    await Promise.all([
      vault.updateEntry(meta.id, {}, { clientSecret: 'cs' }),
      vault.updateEntry(meta.id, {}, { refreshToken: 'rt' }),
      vault.updateEntry(meta.id, {}, { notes: 'n' }),
    ]);
    expect((await vault.getEntry(meta.id)).secrets).toEqual({ clientSecret: 'cs', refreshToken: 'rt', notes: 'n' });
  });
});

describe('modifyEntry (read-modify-write on the one queue)', () => {
  it('shows the change the entry as stored now and writes the patch with its events in one go', async () => {
    const { vault, clock } = await unlockedVault();
    const meta = await vault.createEntry(sampleMeta, { clientSecret: 'cs-1' });
    clock.now += 1_000;
    const seen: string[] = [];
    const change = ({ secrets }: { secrets: { clientSecret?: string } }) => {
      seen.push(secrets.clientSecret ?? '');
      return { secrets: { clientSecret: `${secrets.clientSecret}+`, previousClientSecret: secrets.clientSecret }, events: [{ type: 'rotated' as const, detail: 'test' }] };
    };
    await Promise.all([vault.modifyEntry(meta.id, change), vault.modifyEntry(meta.id, change)]);
    expect(seen).toEqual(['cs-1', 'cs-1+']);
    const after = await vault.getEntry(meta.id);
    expect(after.secrets).toEqual({ clientSecret: 'cs-1++', previousClientSecret: 'cs-1+' });
    expect(after.meta.updatedAt).toBe(clock.now);
    expect((await vault.events(meta.id)).map((e) => e.type)).toEqual(['rotated', 'rotated', 'created']);
  });

  it('writes nothing when the change throws or an event is invalid, and names the field', async () => {
    const { vault, name } = await unlockedVault();
    const meta = await vault.createEntry(sampleMeta, { clientSecret: 'cs-1' });
    const before = await dumpDb(name);
    const thrown = await rejection(vault.modifyEntry(meta.id, () => {
      throw new Error('refused');
    }));
    expect(thrown.message).toBe('refused');
    const badEvent = await rejection(
      vault.modifyEntry(meta.id, () => ({ meta: { secretExpiresAt: 5 }, secrets: { clientSecret: 'cs-2' }, events: [{ type: 'updated', detail: 'x'.repeat(301) }] })),
    );
    expect(badEvent).toMatchObject({ code: 'bad-request', message: expect.stringMatching(/^Invalid event: detail \(.+\)\. Nothing was changed\.$/) });
    expect(await dumpDb(name)).toEqual(before);
  });
});

describe('damaged entries', () => {
  async function twoEntries() {
    const setup = await unlockedVault();
    const a = await setup.vault.createEntry({ ...sampleMeta, alias: 'A' }, { clientSecret: 'cs-a' });
    const b = await setup.vault.createEntry({ ...sampleMeta, alias: 'B' }, { clientSecret: 'cs-b' });
    return { ...setup, a, b };
  }

  it('reports a flipped ciphertext byte as entry-damaged; the other entry stays readable', async () => {
    const { vault, name, a, b } = await twoEntries();
    const record = await stored(name, a.id);
    const ct = Uint8Array.from(atob(record.sealed.ct), (c) => c.charCodeAt(0));
    ct[0]! ^= 0x80;
    await writeRecord(name, 'entries', { ...record, sealed: { ...record.sealed, ct: toBase64(ct) } });

    const error = await rejection(vault.getEntry(a.id));
    expect(error.code).toBe('entry-damaged');
    expect((await rejection(vault.updateEntry(a.id, {}, { notes: 'x' }))).code).toBe('entry-damaged');
    expect((await vault.getEntry(b.id)).secrets).toEqual({ clientSecret: 'cs-b' });
    expect((await vault.listEntries()).entries).toHaveLength(2);
  });

  it.each([
    ['the client id', { clientId: 'amzn1.application-oa2-client.ffffffffffffffffffffffffffffffff' }],
    ['the ShopCtrl URL (another tenant)', { shopCtrlUrl: 'https://attacker.shopctrl.example/settings' }],
    ['the kind', { kind: 'vendor' }],
    ['the region', { region: 'NA' }],
    ['a date', { secretExpiresAt: 1_900_000_000_000 }],
  ])('shows an entry whose %s was edited in the profile as damaged; the other keeps working', async (_what, edit) => {
    const { vault, name, a, b } = await twoEntries();
    const record = await stored(name, a.id);
    await writeRecord(name, 'entries', { ...record, meta: { ...record.meta, ...edit } });
    const before = await dumpDb(name);

    expect(await rejection(vault.getEntry(a.id))).toMatchObject({ code: 'entry-damaged', message: 'This entry is damaged and cannot be decrypted. Your other entries are not affected.' });
    expect((await rejection(vault.modifyEntry(a.id, () => ({ events: [{ type: 'copied' }] })))).code).toBe('entry-damaged');
    expect(await dumpDb(name)).toEqual(before);
    expect((await vault.getEntry(b.id)).secrets).toEqual({ clientSecret: 'cs-b' });
    await vault.updateEntry(b.id, {}, { notes: 'still writable' });
    expect((await vault.getEntry(b.id)).secrets.notes).toBe('still writable');
  });

  it('a renamed alias is no tamper: it routes no secret', async () => {
    const { vault, name, a } = await twoEntries();
    const record = await stored(name, a.id);
    await writeRecord(name, 'entries', { ...record, meta: { ...record.meta, alias: 'Renamed by hand' } });
    expect((await vault.getEntry(a.id)).secrets).toEqual({ clientSecret: 'cs-a' });
  });

  it('refuses ciphertexts swapped between two entries', async () => {
    const { vault, name, a, b } = await twoEntries();
    const [ra, rb] = [await stored(name, a.id), await stored(name, b.id)];
    await writeRecord(name, 'entries', { ...ra, sealed: rb.sealed });
    await writeRecord(name, 'entries', { ...rb, sealed: ra.sealed });
    expect((await rejection(vault.getEntry(a.id))).code).toBe('entry-damaged');
    expect((await rejection(vault.getEntry(b.id))).code).toBe('entry-damaged');
  });

  it('lists around a record whose metadata fails the schema and reports its id', async () => {
    const { vault, name, a, b } = await twoEntries();
    const record = await stored(name, a.id);
    const { alias: _, ...metaWithoutAlias } = record.meta;
    await writeRecord(name, 'entries', { ...record, meta: metaWithoutAlias });
    await writeRecord(name, 'entries', { id: 'junk' });
    await writeRecord(name, 'entries', { ...(await stored(name, b.id)), id: 'mismatch' });

    const list = await vault.listEntries();
    expect(list.entries.map((m) => m.id)).toEqual([b.id]);
    expect(list.damaged.sort()).toEqual([a.id, 'junk', 'mismatch'].sort());
    expect((await rejection(vault.getEntry(a.id))).code).toBe('entry-damaged');
    expect((await rejection(vault.getEntry('mismatch'))).code).toBe('entry-damaged');
    await vault.deleteEntry('junk'); // the way out for a damaged record
    expect((await vault.listEntries()).damaged).not.toContain('junk');
  });
});

describe('deleteEntry and events', () => {
  it('deletes the entry with its events and leaves other entries and events alone', async () => {
    const { vault, name } = await unlockedVault();
    const a = await vault.createEntry({ ...sampleMeta, alias: 'A' }, { clientSecret: 'cs-a' });
    const b = await vault.createEntry({ ...sampleMeta, alias: 'B' }, {});
    await vault.appendEvent({ entryId: a.id, type: 'copied' });
    await vault.appendEvent({ entryId: b.id, type: 'copied' });

    await vault.deleteEntry(a.id);
    expect((await rejection(vault.getEntry(a.id))).code).toBe('not-found');
    expect(await vault.events(a.id)).toEqual([]);
    expect((await vault.events(b.id)).map((e) => e.type)).toEqual(['copied', 'created']);
    const dump = await dumpDb(name);
    expect(JSON.stringify(dump)).not.toContain(a.id);
  });

  it('appends events and returns them newest first, while locked too', async () => {
    const { vault, clock } = await unlockedVault();
    const meta = await vault.createEntry(sampleMeta, {});
    clock.now += 10;
    const copied = await vault.appendEvent({ entryId: meta.id, type: 'copied', detail: 'client secret' });
    expect(copied).toEqual({ seq: 2, entryId: meta.id, at: clock.now, type: 'copied', detail: 'client secret' });
    await vault.lock();
    await vault.appendEvent({ entryId: meta.id, type: 'rotated' });
    expect((await vault.events(meta.id)).map((e) => [e.seq, e.type])).toEqual([
      [3, 'rotated'],
      [2, 'copied'],
      [1, 'created'],
    ]);
  });

  it('refuses an invalid event', async () => {
    const { vault } = await unlockedVault();
    const meta = await vault.createEntry(sampleMeta, {});
    expect((await rejection(vault.appendEvent({ entryId: meta.id, type: 'copied', detail: 'x'.repeat(301) }))).code).toBe('bad-request');
    expect((await rejection(vault.appendEvent({ entryId: meta.id, type: 'hacked' as never }))).code).toBe('bad-request');
  });
});

describe('what lands on disk', () => {
  it('never stores a known secret, the passphrase or the vault key in the clear', async () => {
    const { vault, name, keyStore } = await unlockedVault();
    const secret = 'amzn1.oa2-cs.v1.KNOWN-PLAINTEXT-7f3a9c';
    const token = 'Atzr|IwEBIKNOWN-REFRESH-TOKEN';
    const meta = await vault.createEntry(sampleMeta, { clientSecret: secret, refreshToken: token, notes: 'notes-in-the-clear?' });
    await vault.updateEntry(meta.id, {}, { previousClientSecret: secret, clientSecret: `${secret}-2` });
    await vault.appendEvent({ entryId: meta.id, type: 'copied', detail: 'client secret' });
    await vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);

    const everything = JSON.stringify(await dumpDb(name));
    for (const needle of [secret, token, 'KNOWN-PLAINTEXT', 'notes-in-the-clear', PASSPHRASE, OTHER_PASSPHRASE, toBase64(keyStore.peek()!)]) {
      expect(everything).not.toContain(needle);
    }
    expect(everything).toContain(sampleMeta.clientId); // metadata is meant to be in the clear
  });
});

describe('listing budget', () => {
  it('lists 1,000 entries with one getAll', async () => {
    const { vault, name } = await unlockedVault();
    const template = await stored(name, (await vault.createEntry(sampleMeta, { clientSecret: 'cs' })).id);
    const db = await openVaultDb(name);
    const tx = db.transaction('entries', 'readwrite');
    for (let i = 0; i < 999; i++) {
      const id = `bulk-${String(i).padStart(4, '0')}`;
      void tx.store.put({ ...template, id, meta: { ...template.meta, id, alias: `Entry ${i}` } });
    }
    await tx.done;
    db.close();

    const started = performance.now();
    const list = await vault.listEntries();
    const elapsed = performance.now() - started;
    expect(list.entries).toHaveLength(1_000);
    expect(list.damaged).toEqual([]);
    expect(elapsed).toBeLessThan(1_000); // fake-indexeddb is far slower than Chromium; the 50 ms budget is for the browser
  });
});
