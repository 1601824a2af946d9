import { browser } from 'wxt/browser';
import { clearClipboardIfHolds } from './clear-if-unchanged';

const OFFSCREEN_PATH = '/offscreen.html';
/** The built service worker's script (WXT writes the background entrypoint to /background.js). */
export const WORKER_PATH = '/background.js';

interface OffscreenClearRequest {
  target: 'offscreen';
  type: 'clear-clipboard-if';
  hash: string;
}

/** The parts of `runtime.MessageSender` the offscreen document checks. */
export interface OffscreenSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * The offscreen document obeys its own extension's service worker only: same id, no tab (a content script
 * has one), and the worker's own script URL (an extension page such as the popup has another).
 */
export function isOwnWorker(sender: OffscreenSender, extensionId: string, workerUrl: string): boolean {
  return sender.id === extensionId && sender.tab === undefined && sender.url === workerUrl;
}

export function isOffscreenClearRequest(message: unknown): message is OffscreenClearRequest {
  const m = message as Partial<OffscreenClearRequest> | null;
  return m?.target === 'offscreen' && m.type === 'clear-clipboard-if' && typeof m.hash === 'string';
}

/** Background side: clears through the offscreen document on Chrome, or directly where a DOM exists (Firefox). */
export async function clearClipboardFromBackground(hash: string): Promise<boolean> {
  const offscreen = browser.offscreen as typeof browser.offscreen | undefined;
  if (!offscreen) return clearClipboardIfHolds(document, hash);
  const contexts = await browser.runtime.getContexts({ contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT] });
  if (contexts.length === 0) {
    await offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: [offscreen.Reason.CLIPBOARD],
      justification: 'Clear a copied secret from the clipboard after the delay the user chose.',
    });
  }
  const request: OffscreenClearRequest = { target: 'offscreen', type: 'clear-clipboard-if', hash };
  try {
    return Boolean(await browser.runtime.sendMessage(request));
  } finally {
    await offscreen.closeDocument().catch(() => undefined);
  }
}
