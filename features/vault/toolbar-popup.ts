import { browser } from 'wxt/browser';
import type { VaultStatus } from './protocol';

/**
 * The page the toolbar button opens. While the vault is locked it is the locked page, whose locked screen is in
 * its HTML and paints with no script (entrypoints/locked). Otherwise it is the popup, which asks the vault first.
 * Either page shows whatever the vault's status turns out to be, so a stale choice is only slower, never wrong.
 */
export function toolbarPopupFor(status: Pick<VaultStatus, 'exists' | 'unlocked'>): string {
  return status.exists && !status.unlocked ? 'locked.html' : 'popup.html';
}

/** Points the toolbar button at the page for `status`; called with every status the vault reports. */
export async function pointToolbarAt(status: Pick<VaultStatus, 'exists' | 'unlocked'>): Promise<void> {
  await browser.action.setPopup({ popup: toolbarPopupFor(status) });
}
