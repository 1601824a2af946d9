import { describe, expect, it } from 'vitest';
import { asSender, FROM_EXTENSION } from '../support/callers';
import { createBackupHandlers } from '../../../features/backup/handlers';
import { createProgressReporter } from '../../../features/backup/progress';
import type { BackupProgress } from '../../../features/backup/protocol';
import { rotateStoredEntry } from '../../../features/entries/rotate-entry';
import { notifyOnChange } from '../../../features/vault/notify-on-change';
import { route } from '../../../platform/router';
import { dumpDb, PASSPHRASE, rejection, sampleMeta, setupVault, writeRecord } from '../vault/helpers';
import { EXPORT_PASSPHRASE, SECRET_A, SECRET_B, SECRET_C, TEST_ITERATIONS } from './fixtures';

async function setup() {
  const v = setupVault();
  await v.vault.create(PASSPHRASE);
  const progress: Array<BackupProgress | null> = [];
  let changed = 0;
  const handlers = createBackupHandlers({
    // As in the background: every write through the vault's API repaints the badge.
    vault: notifyOnChange(v.vault, () => void (changed += 1)),
    now: () => v.clock.now,
    touch: async () => undefined,
    progress: (operation) => createProgressReporter(operation, async (p) => void progress.push(p), () => 0, 0),
    iterations: TEST_ITERATIONS,
    minIterations: TEST_ITERATIONS,
  });
  /** Through the router, as the popup's messages arrive. */
  const call = async (type: string, data: unknown) => route({ type, data }, FROM_EXTENSION, handlers);
  const exportText = async () => (await asSender(handlers)['backup.export']({ passphrase: EXPORT_PASSPHRASE })).text;
  const importText = async (text: string, passphrase = EXPORT_PASSPHRASE) => asSender(handlers)['backup.import']({ text, passphrase });
  return { ...v, handlers, call, exportText, importText, progress, changes: () => changed };
}

async function seed(vault: Awaited<ReturnType<typeof setup>>['vault']) {
  const a = await vault.createEntry({ ...sampleMeta, alias: 'Alpha' }, { clientSecret: SECRET_A, refreshToken: 'Atzr|alpha' });
  const b = await vault.createEntry({ ...sampleMeta, alias: 'Bravo' }, { clientSecret: SECRET_B, notes: 'ShopCtrl, tenant 7' });
  const c = await vault.createEntry({ ...sampleMeta, alias: 'Charlie', secretIssuedAt: 5 }, {});
  await vault.appendEvent({ entryId: a.id, type: 'copied', detail: 'client secret' });
  return [a, b, c];
}

describe('backup export and import', () => {
  it('round-trips: export, delete everything, import restores entries, secrets and timelines', async () => {
    const { vault, clock, exportText, importText, changes } = await setup();
    const seeded = await seed(vault);
    const before = await Promise.all(seeded.map(async (m) => ({ view: await vault.getEntry(m.id), events: await vault.events(m.id) })));
    const text = await exportText();
    for (const m of seeded) await vault.deleteEntry(m.id);
    expect((await vault.listEntries()).entries).toEqual([]);

    clock.now += 60_000;
    const reply = await importText(text);
    expect(reply.message).toBe('3 added.');
    expect(changes()).toBe(1);
    for (const [i, m] of seeded.entries()) {
      expect(await vault.getEntry(m.id)).toEqual(before[i]!.view);
      const events = (await vault.events(m.id)).map(({ type, detail, at }) => ({ type, detail, at }));
      expect(events.slice(1)).toEqual(before[i]!.events.map(({ type, detail, at }) => ({ type, detail, at })));
      expect(events[0]).toMatchObject({ type: 'imported', at: clock.now });
    }
    // Importing the same file again changes nothing.
    expect((await importText(text)).message).toBe('3 already up to date.');
  });

  it('merges without loss: newer wins, the other version stays in the entry’s history', async () => {
    const { vault, clock, exportText, importText } = await setup();
    const [a, b, c] = await seed(vault);
    const text = await exportText();
    clock.now += 1_000;
    await vault.updateEntry(a!.id, {}, { clientSecret: SECRET_C }); // ours newer than the backup
    await vault.deleteEntry(c!.id);
    const reply = await importText(text);
    expect(reply.counts).toMatchObject({ added: 1, kept: 1, unchanged: 1 });
    expect(reply.message).toBe('1 added, 1 kept older version in history, 1 already up to date.');
    const alpha = await vault.getEntry(a!.id);
    expect(alpha.secrets.clientSecret).toBe(SECRET_C);
    expect(alpha.secrets.history).toEqual([expect.objectContaining({ reason: 'older-in-import', secrets: { clientSecret: SECRET_A, refreshToken: 'Atzr|alpha' } })]);
    expect((await vault.getEntry(b!.id)).secrets.history).toBeUndefined();
  });

  it('lets a newer backup replace an older vault version, keeping ours in history', async () => {
    const { vault, clock, exportText, importText } = await setup();
    const [a, b, c] = await seed(vault);
    const older = await exportText();
    clock.now += 1_000;
    await vault.updateEntry(a!.id, {}, { clientSecret: SECRET_C });
    const newer = await exportText();
    for (const m of [a, b, c]) await vault.deleteEntry(m!.id);
    await importText(older);

    const reply = await importText(newer);
    expect(reply.message).toBe('1 updated, 2 already up to date.');
    const alpha = await vault.getEntry(a!.id);
    expect(alpha.secrets.clientSecret).toBe(SECRET_C);
    expect(alpha.secrets.history).toEqual([expect.objectContaining({ reason: 'replaced-by-import', secrets: { clientSecret: SECRET_A, refreshToken: 'Atzr|alpha' } })]);
    expect((await vault.events(a!.id))[0]).toMatchObject({ type: 'imported', detail: expect.stringMatching(/newer version/) });
  });

  it('leaves the vault byte-for-byte untouched on a wrong passphrase or a damaged file', async () => {
    const { vault, name, exportText, importText, changes } = await setup();
    await seed(vault);
    const text = await exportText();
    await vault.deleteEntry((await vault.listEntries()).entries[0]!.id);
    const before = await dumpDb(name);

    expect(await rejection(importText(text, 'this is not the passphrase'))).toMatchObject({ code: 'wrong-passphrase' });
    const damaged = JSON.parse(text);
    damaged.entries[2].sealed.ct = damaged.entries[2].sealed.ct.replace(/^./, (ch: string) => (ch === 'A' ? 'B' : 'A'));
    const error = await rejection(importText(JSON.stringify(damaged)));
    expect(error).toMatchObject({ code: 'backup-damaged', message: expect.stringMatching(/entry 3 of 3/) });
    expect(await rejection(importText(text.slice(0, text.length / 2)))).toMatchObject({ code: 'backup-damaged' });

    expect(await dumpDb(name)).toEqual(before);
    expect(changes()).toBe(0);
  });

  it('answers through the router with the code and sentence the Backup screen shows', async () => {
    const { vault, call, exportText } = await setup();
    await seed(vault);
    const text = await exportText();
    expect(await call('backup.import', { text, passphrase: 'wrong wrong wrong wrong' })).toEqual({
      ok: false,
      error: { code: 'wrong-passphrase', message: expect.stringMatching(/nothing was imported/) },
    });
    expect(await call('backup.export', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
  });

  it('needs the vault unlocked to export or import', async () => {
    const { vault, exportText, importText } = await setup();
    await seed(vault);
    const text = await exportText();
    await vault.lock();
    expect(await rejection(exportText())).toMatchObject({ code: 'locked' });
    expect(await rejection(importText(text))).toMatchObject({ code: 'locked' });
  });

  it('a rotation asked for during an import waits its turn: nothing lost, previous slot right', async () => {
    const v = await setup();
    const [a] = await seed(v.vault);
    const text = await v.exportText();
    v.clock.now += 1_000;
    const importing = v.importText(text);
    const rotating = rotateStoredEntry(v.vault, a!.id, { newSecret: SECRET_C, issuedAt: v.clock.now, detail: 'new client secret saved' });
    const [reply] = await Promise.all([importing, rotating]);
    const alpha = await v.vault.getEntry(a!.id);
    expect(alpha.secrets).toMatchObject({ clientSecret: SECRET_C, previousClientSecret: SECRET_A, refreshToken: 'Atzr|alpha' });
    expect((await v.vault.events(a!.id)).filter((e) => e.type === 'rotated')).toHaveLength(1);
    // The import planned on the rotated entry: the backup's older copy went to history, never back to current.
    expect(reply.counts.kept).toBe(1);
    expect(alpha.secrets.history?.map((h) => h.secrets.clientSecret)).toEqual([SECRET_A]);
  });

  it('names damaged entries an export could not include', async () => {
    const { vault, name, handlers } = await setup();
    const [a] = await seed(vault);
    await writeRecord(name, 'entries', { id: 'broken', formatVersion: 1, meta: { nope: true }, sealed: { iv: '', ct: '' } });
    const record = (await dumpDb(name)).entries!.find((r: any) => r.key === a!.id) as any;
    await writeRecord(name, 'entries', { ...record.value, sealed: { ...record.value.sealed, ct: record.value.sealed.ct.replace(/^./, (ch: string) => (ch === 'A' ? 'B' : 'A')) } });
    const reply = await asSender(handlers)['backup.export']({ passphrase: EXPORT_PASSPHRASE });
    expect(reply.exported).toBe(2);
    expect(reply.skipped.sort()).toEqual(['Alpha', 'broken']);
    expect(reply.message).toMatch(/2 damaged entries could not be exported: /);
  });

  it('shows progress while importing and clears it at the end', async () => {
    const { vault, exportText, importText, progress } = await setup();
    await seed(vault);
    const text = await exportText();
    progress.length = 0;
    await importText(text);
    const phases = progress.filter((p): p is BackupProgress => p !== null).map((p) => p.phase);
    expect(phases).toEqual(expect.arrayContaining(['Checking the passphrase', 'Decrypting the backup', 'Comparing with your vault']));
    expect(progress.at(-1)).toBeNull();
  });
});
