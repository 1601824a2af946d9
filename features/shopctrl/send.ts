import { originOf } from '../../platform/origin';
import type { CheckedFillRequest, PageFillRequest, PageFillResult } from './in-page';
import { isSameSettingsPage } from './url';

/** The few tab operations the ShopCtrl hand-off needs; `tabs.ts` backs them with the browser APIs. */
export interface ShopCtrlTabs {
  /** Tabs on `*.shopctrl.com` (the host permission lets us see their URLs). */
  list(): Promise<TabInfo[]>;
  open(url: string): Promise<TabInfo>;
  focus(tab: TabInfo): Promise<void>;
  /** Resolves with the tab's URL once it finished loading (or the time ran out). */
  loaded(tabId: number, timeoutMs: number): Promise<string | undefined>;
  /**
   * Injects the fill module into the tab's top-frame document, only if that document is on `request.origin`,
   * bound to that very document (a navigation meanwhile makes the injection fail); the module checks again.
   */
  fill(tabId: number, request: CheckedFillRequest): Promise<PageFillResult | undefined>;
  pause(ms: number): Promise<void>;
}

export interface TabInfo {
  id: number;
  windowId: number;
  url?: string | undefined;
}

export type HandOffResult = { opened: boolean; result: PageFillResult };

/**
 * Opens the user's ShopCtrl settings page (or focuses the tab already showing it) and fills it there. A page
 * that loads more than once (a redirect, a reload, an error page first) is tried again at each load until
 * `loadTimeoutMs`. Never injects into a tab that ended up on another origin (a login on another host, say).
 */
export async function handOffToShopCtrl(
  tabs: ShopCtrlTabs,
  settings: URL,
  request: PageFillRequest,
  loadTimeoutMs = 15_000,
  now: () => number = Date.now,
): Promise<HandOffResult> {
  const existing = (await tabs.list()).find((tab) => isSameSettingsPage(tab.url, settings));
  const tab = existing ?? (await tabs.open(settings.href));
  await tabs.focus(tab);
  const deadline = now() + loadTimeoutMs;
  let lastError: unknown = new Error(`ShopCtrl did not load on ${settings.host}.`);
  for (let attempt = 0; attempt < MAX_ATTEMPTS && now() < deadline; attempt++) {
    const url = await tabs.loaded(tab.id, Math.max(0, deadline - now()));
    if (url && originOf(url) === settings.origin) {
      try {
        const result = await tabs.fill(tab.id, { ...request, origin: settings.origin });
        if (result) return { opened: !existing, result };
        lastError = new Error('The ShopCtrl page did not answer.');
      } catch (error) {
        lastError = error; // not scriptable yet (error page, navigation in progress): wait for the next load
      }
    } else if (url) {
      lastError = new Error(`The ShopCtrl tab is not on ${settings.host}.`);
    }
    await tabs.pause(300);
  }
  throw lastError;
}

const MAX_ATTEMPTS = 20;
