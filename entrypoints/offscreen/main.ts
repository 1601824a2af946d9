import { browser } from 'wxt/browser';
import { clearClipboardIfHolds } from '../../platform/clipboard/clear-if-unchanged';
import { isOffscreenClearRequest, isOwnWorker, WORKER_PATH } from '../../platform/clipboard/offscreen';

// Chrome's offscreen document: the service worker has no DOM to touch the clipboard with.
const workerUrl = browser.runtime.getURL(WORKER_PATH as '/offscreen.html');
browser.runtime.onMessage.addListener((message, sender) => {
  if (!isOffscreenClearRequest(message) || !isOwnWorker(sender, browser.runtime.id, workerUrl)) return undefined;
  return clearClipboardIfHolds(document, message.hash);
});
