import { browser } from 'wxt/browser';

/**
 * Opens the popup as a tab of its own (`popup.html?popout=1`, plus a deep link such as `#timeline`), from any
 * extension page, the locked page included. `tabs.create`, not `window.open`: a window the closing popup opened
 * can come up without the extension's APIs.
 */
export async function openPopOut(hash = ''): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?popout=1${hash}`) });
}
