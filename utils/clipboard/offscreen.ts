import { browser } from 'wxt/browser';
import { clearClipboardIfHolds } from './clear-if-unchanged';

const OFFSCREEN_PATH = '/offscreen.html';

interface OffscreenClearRequest {
  target: 'offscreen';
  type: 'clear-clipboard-if';
  hash: string;
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
