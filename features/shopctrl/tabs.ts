import type { browser } from 'wxt/browser';
import type { CheckedFillRequest, PageFillResult } from './in-page';
import { originOf } from '../../platform/origin';
import type { ShopCtrlTabs, TabInfo } from './send';
import { SHOPCTRL_MATCH_PATTERN } from './url';

/** Where the injected module leaves its entry point, in the extension's isolated world of the ShopCtrl tab. */
export const SHOPCTRL_FILL_GLOBAL = '__lwaVaultFillShopCtrl';
/** The unlisted script `entrypoints/shopctrl-fill/` builds to. */
export const SHOPCTRL_FILL_FILE = '/shopctrl-fill.js';

/** `ShopCtrlTabs` on the real tabs / windows / scripting APIs. */
export function browserShopCtrlTabs(api: typeof browser): ShopCtrlTabs {
  const info = (tab: { id?: number; windowId?: number; url?: string }): TabInfo => {
    if (tab.id === undefined) throw new Error('ShopCtrl tab without an id.');
    return { id: tab.id, windowId: tab.windowId ?? -1, url: tab.url };
  };
  return {
    list: async () => (await api.tabs.query({ url: SHOPCTRL_MATCH_PATTERN })).filter((t) => t.id !== undefined).map(info),
    open: async (url) => info(await api.tabs.create({ url, active: true })),
    async focus(tab) {
      await api.tabs.update(tab.id, { active: true });
      if (tab.windowId >= 0) await api.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    },
    loaded: (tabId, timeoutMs) =>
      new Promise((resolve) => {
        let done = false;
        const finish = (url: string | undefined) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          api.tabs.onUpdated.removeListener(onUpdated);
          resolve(url);
        };
        // A new tab first "completes" its initial about:blank (or a URL-less state): wait for the real page.
        const isPage = (url: string | undefined) => !!url && /^https?:/.test(url);
        const onUpdated = (id: number, change: { status?: string }, tab: { url?: string }) => {
          if (id === tabId && change.status === 'complete' && isPage(tab.url)) finish(tab.url);
        };
        const timer = setTimeout(() => void api.tabs.get(tabId).then((t) => finish(t.url), () => finish(undefined)), timeoutMs);
        api.tabs.onUpdated.addListener(onUpdated);
        api.tabs.get(tabId).then((t) => t.status === 'complete' && isPage(t.url) && finish(t.url), () => finish(undefined));
      }),
    pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    async fill(tabId, request) {
      // The check and the injection name the same document: its id comes with the URL that is checked.
      const frame = await api.webNavigation.getFrame({ tabId, frameId: 0 });
      if (!frame || originOf(frame.url) !== request.origin) throw new Error('The ShopCtrl tab moved to another page.');
      const { documentId } = frame as { documentId?: string };
      // Firefox has no document ids: there the module's own origin check is what holds.
      const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] };
      await api.scripting.executeScript({ target, files: [SHOPCTRL_FILL_FILE] });
      const [injection] = await api.scripting.executeScript({
        target,
        // Serialized into the tab: it may only use its argument and the global the file above defined.
        func: (key: string, req: CheckedFillRequest) =>
          (globalThis as unknown as Record<string, (r: CheckedFillRequest) => Promise<PageFillResult | undefined>>)[key]!(req),
        args: [SHOPCTRL_FILL_GLOBAL, request],
      });
      return injection?.result as PageFillResult | undefined;
    },
  };
}

