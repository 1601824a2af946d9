import type { ShopCtrlTabs, TabInfo } from '../../../features/shopctrl/send';
import type { PageFillRequest, PageFillResult } from '../../../features/shopctrl/in-page';
import type { Sighting, SightingStorage } from '../../../features/rotation-watch/sightings';

export { hex, secret, clientId } from './scan/pages';

/** A sighting store's storage kept in a variable. */
export function memoryStorage(): SightingStorage & { value: Record<string, Sighting> } {
  const storage = {
    value: {} as Record<string, Sighting>,
    get: async () => structuredClone(storage.value),
    set: async (value: Record<string, Sighting>) => {
      storage.value = structuredClone(value);
    },
  };
  return storage;
}

/** ShopCtrl tabs in memory: which tabs exist, what a fill answers, and what was done. */
export function fakeTabs(opts: { tabs?: TabInfo[]; answer?: (req: PageFillRequest) => PageFillResult | Promise<PageFillResult>; landOn?: string } = {}) {
  const calls: string[] = [];
  const requests: PageFillRequest[] = [];
  let nextId = 100;
  const tabs: TabInfo[] = [...(opts.tabs ?? [])];
  const api: ShopCtrlTabs = {
    list: async () => tabs,
    open: async (url) => {
      const tab = { id: nextId++, windowId: 1, url: opts.landOn ?? url };
      tabs.push(tab);
      calls.push(`open ${url}`);
      return tab;
    },
    focus: async (tab) => void calls.push(`focus ${tab.id}`),
    loaded: async (tabId) => tabs.find((t) => t.id === tabId)?.url,
    fill: async (tabId, request) => {
      calls.push(`fill ${tabId}`);
      requests.push(request);
      return opts.answer ? opts.answer(request) : { present: true, filled: ['clientSecret'], unchanged: [], offered: [] };
    },
    pause: async () => undefined,
  };
  return { api, calls, requests, tabs };
}
