import { browser } from 'wxt/browser';
import { clearClipboardIfHolds } from '../../utils/clipboard/clear-if-unchanged';
import { isOffscreenClearRequest } from '../../utils/clipboard/offscreen';

// Chrome's offscreen document: the service worker has no DOM to touch the clipboard with.
browser.runtime.onMessage.addListener((message) => {
  if (!isOffscreenClearRequest(message)) return undefined;
  return clearClipboardIfHolds(document, message.hash);
});
