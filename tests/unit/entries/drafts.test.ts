import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { drafts, MAX_DRAFTS, NEW_ENTRY_DRAFT } from '../../../features/entries/drafts';
import { budgeted, SESSION_BUDGETS } from '../../../platform/storage-items';

describe('editor drafts', () => {
  it('reopens the draft touched last', async () => {
    await drafts.save(NEW_ENTRY_DRAFT, { alias: 'New one' }, 1_000);
    await drafts.save('entry-1', { alias: 'Edited' }, 2_000);
    expect(await drafts.latest()).toEqual({ target: 'entry-1', form: { alias: 'Edited' }, savedAt: 2_000 });
  });

  it('keeps the last keystroke when saves come quickly', async () => {
    await Promise.all(['S', 'Sh', 'Sho', 'Shop'].map((alias, i) => drafts.save(NEW_ENTRY_DRAFT, { alias }, i)));
    expect((await drafts.latest())?.form).toEqual({ alias: 'Shop' });
  });

  it('forgets a draft on save or cancel, and all of them on lock, leaving other session data alone', async () => {
    await fakeBrowser.storage.session.set({ vaultKey: 'kept' });
    await drafts.save(NEW_ENTRY_DRAFT, { alias: 'a' }, 1);
    await drafts.save('entry-1', { alias: 'b' }, 2);
    await drafts.discard('entry-1');
    expect((await drafts.latest())?.target).toBe(NEW_ENTRY_DRAFT);
    await drafts.discardAll();
    expect(await drafts.latest()).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ vaultKey: 'kept' });
  });

  it('lives in session storage, which the browser keeps in memory only', async () => {
    await drafts.save(NEW_ENTRY_DRAFT, { clientSecret: 'typed' }, 1);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['editorDraft:new']);
  });
});

describe('draft budget', () => {
  it('keeps no draft over 100 KB, and at most 10 drafts, the oldest dropped first', async () => {
    expect(await drafts.save('big', { notes: 'x'.repeat(SESSION_BUDGETS.draft) }, 1)).toBe(false);
    expect(await drafts.latest()).toBeUndefined();
    for (let i = 0; i < MAX_DRAFTS + 2; i++) expect(await drafts.save(`entry-${i}`, { alias: `A${i}` }, 100 + i)).toBe(true);
    const kept = Object.keys(await fakeBrowser.storage.session.get(null)).filter((k) => k.startsWith('editorDraft:'));
    expect(kept).toHaveLength(MAX_DRAFTS);
    expect(kept).not.toContain('editorDraft:entry-0');
    expect(kept).not.toContain('editorDraft:entry-1');
    expect((await drafts.latest())?.target).toBe(`entry-${MAX_DRAFTS + 1}`);
  });
});

describe('storage.session budgets', () => {
  it('refuses a value over its budget with a sentence, and writes nothing', async () => {
    let written: unknown;
    const set = budgeted(async (v: string) => void (written = v), 1_000, 'test values');
    await expect(set('x'.repeat(2_000))).rejects.toMatchObject({ code: 'bad-request', message: 'LWA Vault keeps at most 1 KB of test values in memory; this would exceed it, so it was not stored.' });
    expect(written).toBeUndefined();
    await set('small');
    expect(written).toBe('small');
  });

  it('leave the essential writes room: all budgets together are a fraction of Chrome’s 10 MB', () => {
    const optional = SESSION_BUDGETS.capture + SESSION_BUDGETS.captureTabs + SESSION_BUDGETS.sightings + SESSION_BUDGETS.draft * MAX_DRAFTS;
    expect(optional).toBeLessThan(10 * 1024 * 1024 * 0.25);
  });
});
