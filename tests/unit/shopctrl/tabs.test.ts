import { describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { browserShopCtrlTabs, SHOPCTRL_FILL_FILE } from '../../../features/shopctrl/tabs';

const REQUEST = { clientSecret: 's', extras: {}, waitMs: 0, directions: 'd', origin: 'https://acme.shopctrl.com' };

/** The scripting and webNavigation calls fill() makes, against a tab whose top document is `frame`. */
function fakeApi(frame: { url: string; documentId?: string } | null) {
  const injected: unknown[] = [];
  const api = {
    webNavigation: { getFrame: async () => frame },
    scripting: {
      executeScript: async (injection: { target: unknown; files?: string[] }) => {
        injected.push(injection.files ? { target: injection.target, files: injection.files } : { target: injection.target, func: true });
        return [{ result: { present: true, filled: ['clientSecret'], unchanged: [], offered: [] } }];
      },
    },
  } as unknown as typeof browser;
  return { tabs: browserShopCtrlTabs(api), injected };
}

describe('the ShopCtrl fill injection', () => {
  it('targets the very document whose URL it checked, by its document id', async () => {
    const { tabs, injected } = fakeApi({ url: 'https://acme.shopctrl.com/Configuration/Shops/Edit/7', documentId: 'DOC-1' });
    await tabs.fill(5, REQUEST);
    expect(injected).toEqual([
      { target: { tabId: 5, documentIds: ['DOC-1'] }, files: [SHOPCTRL_FILL_FILE] },
      { target: { tabId: 5, documentIds: ['DOC-1'] }, func: true },
    ]);
  });

  it('injects nothing when the top document is on another origin by now', async () => {
    for (const url of ['https://mallory.shopctrl.com/Configuration/Shops/Edit/7', 'https://acme.shopctrl.com.evil.example/']) {
      const { tabs, injected } = fakeApi({ url, documentId: 'DOC-2' });
      await expect(tabs.fill(5, REQUEST)).rejects.toThrow('The ShopCtrl tab moved to another page.');
      expect(injected).toEqual([]);
    }
    const gone = fakeApi(null);
    await expect(gone.tabs.fill(5, REQUEST)).rejects.toThrow('moved');
    expect(gone.injected).toEqual([]);
  });

  it('falls back to the top frame where the browser has no document ids (Firefox): the module checks the origin', async () => {
    const { tabs, injected } = fakeApi({ url: 'https://acme.shopctrl.com/x' });
    await tabs.fill(5, REQUEST);
    expect(injected[0]).toEqual({ target: { tabId: 5, frameIds: [0] }, files: [SHOPCTRL_FILL_FILE] });
  });
});
