import { browser } from 'wxt/browser';
import { oneAtATime } from '../../platform/one-at-a-time';
import { incognitoTabsItem } from './storage';
import type { Capture } from './model';

/**
 * Nothing captured in incognito outlives the incognito session: when the last incognito window closes, every
 * capture made in an incognito tab is dropped (as the wizard's Dismiss does: its authorization waits again).
 * Which tabs were incognito is remembered (ids only) in `storage.session`, so a suspended worker still knows.
 * Relies on the default `"incognito": "spanning"`: one background sees normal and incognito tabs alike, and the
 * capture state stays in one place.
 */

export interface IncognitoSessionDeps {
  captures: () => Promise<Capture[]>;
  dismiss: (captureId: string) => Promise<void>;
}

/** Registers its tabs and windows listeners; call synchronously from the capture watcher's wiring. */
export function watchIncognitoSession({ captures, dismiss }: IncognitoSessionDeps): void {
  // One write at a time: several tabs open together when a window is restored.
  const writes = oneAtATime();
  browser.tabs.onCreated.addListener((tab) => {
    const id = tab.id;
    if (!tab.incognito || id === undefined) return;
    void writes(async () => incognitoTabsItem.setValue([...(await incognitoTabsItem.getValue()), id])).catch(() => undefined);
  });
  browser.windows.onRemoved.addListener(() => endIfLastIncognitoWindow().catch(() => undefined)); // returned: tests await it

  async function endIfLastIncognitoWindow(): Promise<void> {
    if ((await browser.windows.getAll()).some((w) => w.incognito)) return;
    const tabs = new Set(await incognitoTabsItem.getValue());
    if (tabs.size === 0) return;
    for (const capture of await captures()) {
      if (capture.tabId !== undefined && tabs.has(capture.tabId)) await dismiss(capture.id);
    }
    await incognitoTabsItem.setValue([]);
  }
}
