import { describe, expect, it } from 'vitest';
import { describeImport, emptyCounts, mergeEntry, OLDER_IN_IMPORT, REPLACED_BY_IMPORT, type LocalEntry } from '../../../features/backup/merge';
import type { BackupEntry } from '../../../features/backup/format';
import { backupEntry, SECRET_A, SECRET_B, SECRET_C } from './fixtures';

const NOW = 9_000;

function local(entry: BackupEntry): LocalEntry {
  return { state: 'present', meta: entry.meta, secrets: entry.secrets, events: entry.events };
}

describe('import merge rules', () => {
  it('adds an entry the vault does not have, with its events and an "imported" event', () => {
    const imported = backupEntry('new', 2_000);
    const result = mergeEntry({ state: 'absent' }, imported, NOW);
    expect(result.outcome).toBe('added');
    expect(result.write).toMatchObject({ id: 'new', meta: imported.meta, secrets: imported.secrets });
    expect(result.write!.events.map((e) => e.type)).toEqual(['created', 'imported']);
  });

  it('lets the newer import win and keeps the replaced version in the sealed history', () => {
    const ours = backupEntry('x', 2_000, { clientSecret: SECRET_A });
    const theirs = backupEntry('x', 3_000, { clientSecret: SECRET_B });
    const result = mergeEntry(local(ours), theirs, NOW);
    expect(result.outcome).toBe('updated');
    expect(result.write!.meta).toEqual(theirs.meta);
    expect(result.write!.secrets.clientSecret).toBe(SECRET_B);
    expect(result.write!.secrets.history).toEqual([{ keptAt: NOW, reason: REPLACED_BY_IMPORT, meta: ours.meta, secrets: { clientSecret: SECRET_A } }]);
  });

  it('keeps the vault’s newer version and files the older import in its history', () => {
    const ours = backupEntry('x', 5_000, { clientSecret: SECRET_B });
    const theirs = backupEntry('x', 3_000, { clientSecret: SECRET_A });
    const result = mergeEntry(local(ours), theirs, NOW);
    expect(result.outcome).toBe('kept');
    expect(result.write!.meta).toEqual(ours.meta);
    expect(result.write!.secrets.clientSecret).toBe(SECRET_B);
    expect(result.write!.secrets.history).toEqual([{ keptAt: NOW, reason: OLDER_IN_IMPORT, meta: theirs.meta, secrets: { clientSecret: SECRET_A } }]);
  });

  it('counts an older import already kept in history as up to date the second time', () => {
    const ours = backupEntry('x', 5_000, { clientSecret: SECRET_B });
    const theirs = backupEntry('x', 3_000, { clientSecret: SECRET_A });
    const first = mergeEntry(local(ours), theirs, NOW).write!;
    const after: BackupEntry = { meta: first.meta, secrets: first.secrets, events: [...ours.events, ...first.events] };
    expect(mergeEntry(local(after), theirs, NOW + 1)).toEqual({ outcome: 'unchanged' });
  });

  it('never replaces on a tie: equal times with different content keep ours', () => {
    const result = mergeEntry(local(backupEntry('x', 3_000, { clientSecret: SECRET_A })), backupEntry('x', 3_000, { clientSecret: SECRET_B }), NOW);
    expect(result.outcome).toBe('kept');
    expect(result.write!.secrets.clientSecret).toBe(SECRET_A);
  });

  it('writes nothing for an identical entry, so importing the same file twice changes nothing', () => {
    const entry = backupEntry('x', 3_000);
    expect(mergeEntry(local(entry), structuredClone(entry), NOW)).toEqual({ outcome: 'unchanged' });
    const ours = backupEntry('x', 2_000, { clientSecret: SECRET_A });
    const once = mergeEntry(local(ours), backupEntry('x', 3_000, { clientSecret: SECRET_B }), NOW);
    // What the vault then holds: the winner, its history, and its events with the appended ones.
    const merged: BackupEntry = { meta: once.write!.meta, secrets: once.write!.secrets, events: [...ours.events, ...once.write!.events] };
    expect(mergeEntry(local(merged), backupEntry('x', 3_000, { clientSecret: SECRET_B }), NOW + 1)).toEqual({ outcome: 'unchanged' });
  });

  it('unites both histories without duplicates, newest version first', () => {
    const v1 = backupEntry('x', 1_000, { clientSecret: SECRET_A });
    const ours = backupEntry('x', 2_000, { clientSecret: SECRET_B });
    ours.secrets.history = [{ keptAt: 1, reason: OLDER_IN_IMPORT, meta: v1.meta, secrets: { clientSecret: SECRET_A } }];
    const theirs = backupEntry('x', 3_000, { clientSecret: SECRET_C });
    theirs.secrets.history = [{ keptAt: 2, reason: REPLACED_BY_IMPORT, meta: v1.meta, secrets: { clientSecret: SECRET_A } }];
    const history = mergeEntry(local(ours), theirs, NOW).write!.secrets.history!;
    expect(history.map((v) => [v.meta.updatedAt, v.secrets.clientSecret])).toEqual([
      [2_000, SECRET_B],
      [1_000, SECRET_A],
    ]);
  });

  it('merges in history and events an identical entry lacks', () => {
    const entry = backupEntry('x', 3_000);
    const richer = structuredClone(entry);
    richer.events.push({ at: 2_500, type: 'copied', detail: 'client secret' });
    const result = mergeEntry(local(entry), richer, NOW);
    expect(result.outcome).toBe('unchanged');
    expect(result.write!.events.map((e) => e.type)).toEqual(['copied', 'imported']);
  });

  it('replaces a damaged record by its backup copy and says so', () => {
    const result = mergeEntry({ state: 'damaged' }, backupEntry('x', 3_000), NOW);
    expect(result.outcome).toBe('repaired');
    expect(result.write!.meta).toEqual(backupEntry('x', 3_000).meta);
  });

  it('summarises as "3 added, 2 updated, 1 kept older version in history"', () => {
    expect(describeImport({ ...emptyCounts(), added: 3, updated: 2, kept: 1 })).toBe('3 added, 2 updated, 1 kept older version in history.');
    expect(describeImport({ ...emptyCounts(), unchanged: 4, repaired: 1 })).toBe('1 damaged entry restored, 4 already up to date.');
    expect(describeImport(emptyCounts())).toMatch(/no entries/);
  });
});
