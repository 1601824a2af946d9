import { createAnchoredHost } from './anchored-host';

/**
 * The rotation panel on the Amazon page: an extension frame (`panel.html#<sighting id>`) inside a closed shadow
 * root, beside the secret. Being cross-origin, its contents are out of the page's reach, and the page cannot
 * synthesize clicks in it. The frame talks back only through `postMessage`, and only about its own size and
 * closing (no data); messages count only when they come from that frame's window with our origin.
 */
export interface PanelFrame {
  reanchor(element: Element): void;
  remove(): void;
}

export const PANEL_WIDTH = 360;
const INITIAL_HEIGHT = 150;
const MAX_HEIGHT = 560;

/** What the panel page posts to the page it is framed into. */
export type PanelToPage = { lwaVaultPanel: 'size'; height: number } | { lwaVaultPanel: 'close' };
/** What the content script posts to the panel: it just moved (a click right after is ignored). */
export type PageToPanel = { lwaVaultPanel: 'moved' };

export function openPanelFrame(
  anchor: Element,
  secret: string,
  src: string,
  extensionOrigin: string,
  onClose: () => void,
): PanelFrame {
  const anchored = createAnchoredHost('lwa-vault-panel', anchor, secret, { width: PANEL_WIDTH, height: INITIAL_HEIGHT });
  const doc = anchor.ownerDocument;
  const win = doc.defaultView!;
  const frame = doc.createElement('iframe');
  frame.src = src;
  frame.title = 'LWA Vault: new client secret';
  frame.setAttribute('allow', 'clipboard-write');
  frame.setAttribute('style', 'border:0;display:block;width:100%;height:100%;background:transparent;color-scheme:normal');
  anchored.root.append(frame);

  const onMessage = (event: MessageEvent): void => {
    if (event.source !== frame.contentWindow || event.origin !== extensionOrigin) return;
    const data = event.data as Partial<PanelToPage> | null;
    if (data?.lwaVaultPanel === 'size' && typeof data.height === 'number' && Number.isFinite(data.height)) {
      anchored.setSize({ width: PANEL_WIDTH, height: Math.max(60, Math.min(MAX_HEIGHT, Math.ceil(data.height))) });
    } else if (data?.lwaVaultPanel === 'close') {
      remove();
      onClose();
    }
  };
  win.addEventListener('message', onMessage);
  anchored.onMoved(() => frame.contentWindow?.postMessage({ lwaVaultPanel: 'moved' } satisfies PageToPanel, extensionOrigin));

  function remove(): void {
    win.removeEventListener('message', onMessage);
    anchored.remove();
  }
  return { reanchor: (element) => anchored.reanchor(element), remove };
}
