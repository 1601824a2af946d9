import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { CaptureState, Pending } from './model';
import type { CaptureStore } from './store';

/**
 * Nothing captured in incognito outlives the incognito session: when the last incognito window closes, the
 * captures made in incognito tabs are dropped, and the authorizations that took them are left waiting again.
 * Which tabs were incognito is remembered (ids only) in `storage.session`, so a suspended worker still knows.
 * Needs the default `"incognito": "spanning"`: one background sees normal and incognito tabs alike.
 */
const incognitoTabsItem = storage.defineItem<number[]>('session:captureIncognitoTabs', { fallback: [] });

/** The state without anything captured in `tabs`; undefined when nothing changes. */
export function withoutIncognitoCaptures(state: CaptureState, tabs: ReadonlySet<number>): CaptureState | undefined {
  const dropped = new Set(state.captures.filter((c) => c.tabId !== undefined && tabs.has(c.tabId)).map((c) => c.id));
  if (dropped.size === 0) return undefined;
  return {
    captures: state.captures.filter((c) => !dropped.has(c.id)),
    pending: state.pending.map((p) => (p.captureId && dropped.has(p.captureId) ? detached(p) : p)),
  };
}

const detached = ({ captureId: _, ...rest }: Pending): Pending => rest;

export interface IncognitoSessionDeps {
  store: CaptureStore;
  /** Repaints what the dropped captures showed (the toolbar's minutes left). */
  refresh: () => Promise<void>;
}

/** Registers its tabs and windows listeners; call synchronously from the capture watcher's wiring. */
export function watchIncognitoSession({ store, refresh }: IncognitoSessionDeps): void {
  // One write at a time: several tabs open together when a window is restored.
  let writes = Promise.resolve();
  browser.tabs.onCreated.addListener((tab) => {
    const id = tab.id;
    if (!tab.incognito || id === undefined) return;
    writes = writes.then(async () => incognitoTabsItem.setValue([...(await incognitoTabsItem.getValue()), id])).catch(() => undefined);
  });
  browser.windows.onRemoved.addListener(() => void endIfLastIncognitoWindow().catch(() => undefined));

  async function endIfLastIncognitoWindow(): Promise<void> {
    const windows = await browser.windows.getAll();
    if (windows.some((w) => w.incognito)) return;
    const tabs = new Set(await incognitoTabsItem.getValue());
    if (tabs.size === 0) return;
    await store.update((state) => ({ next: withoutIncognitoCaptures(state, tabs), result: undefined }));
    await incognitoTabsItem.setValue([]);
    await refresh();
  }
}
