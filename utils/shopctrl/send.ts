import type { PageFillRequest, PageFillResult } from './in-page';
import { isSameSettingsPage } from './url';

/** The few tab operations the ShopCtrl hand-off needs; `tabs.ts` backs them with the browser APIs. */
export interface ShopCtrlTabs {
  /** Tabs on `*.shopctrl.com` (the host permission lets us see their URLs). */
  list(): Promise<TabInfo[]>;
  open(url: string): Promise<TabInfo>;
  focus(tab: TabInfo): Promise<void>;
  /** Resolves with the tab's URL once it finished loading (or the time ran out). */
  loaded(tabId: number, timeoutMs: number): Promise<string | undefined>;
  /** Injects the fill module into the tab's top frame and runs it. */
  fill(tabId: number, request: PageFillRequest): Promise<PageFillResult | undefined>;
}

export interface TabInfo {
  id: number;
  windowId: number;
  url?: string | undefined;
}

export type HandOffResult = { opened: boolean; result: PageFillResult };

/**
 * Opens the user's ShopCtrl settings page (or focuses the tab already showing it) and fills it there. Refuses
 * to inject when the tab ended up on another origin (a login redirect to another host, say).
 */
export async function handOffToShopCtrl(
  tabs: ShopCtrlTabs,
  settings: URL,
  request: PageFillRequest,
  loadTimeoutMs = 15_000,
): Promise<HandOffResult> {
  const existing = (await tabs.list()).find((tab) => isSameSettingsPage(tab.url, settings));
  const tab = existing ?? (await tabs.open(settings.href));
  await tabs.focus(tab);
  const url = await tabs.loaded(tab.id, loadTimeoutMs);
  if (!url || new URL(url).origin !== settings.origin) {
    throw new Error(`The ShopCtrl tab is not on ${settings.host}.`);
  }
  const result = await tabs.fill(tab.id, request);
  if (!result) throw new Error('The ShopCtrl page did not answer.');
  return { opened: !existing, result };
}
