import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { drafts, NEW_ENTRY_DRAFT } from '../../../utils/drafts';

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
