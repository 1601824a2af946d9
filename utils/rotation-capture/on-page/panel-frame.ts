import { createAnchoredHost, type AnchoredHost } from './anchored-host';

/**
 * The rotation panel on the Amazon page: an extension frame (`panel.html`) inside a closed shadow root, beside
 * the secret. Being cross-origin, its contents are out of the page's reach and the page cannot synthesize
 * clicks in it; being inside a closed shadow root, it is not even in the page's `window.frames`.
 *
 * The frame learns which sighting to show only through a `MessageChannel` whose port this content script hands
 * it right after it loads: nothing travels through the page's window (no `postMessage` the page could read, no
 * `event.source` that would give the page a handle to navigate the frame), and the sighting id is not in the
 * frame's URL. Over the port: content → panel `show` / `moved`; panel → content `size` / `close`.
 *
 * A frame takes a while to start, so one is loaded in advance, hidden, once the page shows a secret or the
 * user clicks a Rotate control (`warmUp`); `open` then only moves it beside the new secret and tells it what to
 * show. After each `open`, the next one is warmed up.
 */
export interface PanelFrame {
  reanchor(element: Element): void;
  remove(): void;
}

export interface PanelFrames {
  warmUp(): void;
  open(anchor: Element, secret: string, sightingId: string, onClose: () => void): PanelFrame;
  dispose(): void;
}

export const PANEL_WIDTH = 360;
const INITIAL_HEIGHT = 190; // about the panel without a form
const MAX_HEIGHT = 560;
const NEXT_WARM_UP_MS = 800;

export type PageToPanel = { type: 'show'; id: string } | { type: 'moved' };
export type PanelToPage = { type: 'size'; height: number } | { type: 'shown' } | { type: 'close' };
/** The one message that goes through `postMessage` (to the frame only): it carries the port. */
export const CONNECT = 'lwa-vault:connect';

interface Standby {
  anchored: AnchoredHost;
  onShown?: () => void;
  show(id: string, onClose: () => void): void;
  remove(): void;
}

export function createPanelFrames(doc: Document, panelUrl: string, extensionOrigin: string): PanelFrames {
  const win = doc.defaultView!;
  let spare: Standby | undefined;
  const live = new Set<Standby>();
  let nextWarmUp = 0;

  function standby(): Standby {
    const anchored = createAnchoredHost(doc, 'lwa-vault-panel', { width: PANEL_WIDTH, height: INITIAL_HEIGHT });
    const frame = doc.createElement('iframe');
    frame.title = 'LWA Vault: new client secret';
    frame.setAttribute('allow', 'clipboard-write');
    frame.setAttribute('style', 'border:0;display:block;width:100%;height:100%;background:transparent;color-scheme:normal');
    let port: MessagePort | undefined;
    let shown: { id: string; onClose: () => void } | undefined;

    const send = (message: PageToPanel) => port?.postMessage(message);
    const onPanelMessage = (event: MessageEvent) => {
      const data = event.data as Partial<PanelToPage> | null;
      if (data?.type === 'size' && typeof data.height === 'number' && Number.isFinite(data.height)) {
        anchored.setSize({ width: PANEL_WIDTH, height: Math.max(60, Math.min(MAX_HEIGHT, Math.ceil(data.height))) });
      } else if (data?.type === 'shown') {
        self.onShown?.(); // it is on screen: a good moment to load the next one
      } else if (data?.type === 'close' && shown) {
        const { onClose } = shown;
        remove();
        onClose();
      }
    };
    // Every load (the first, or a reload if the browser had to re-insert the frame) gets a fresh port.
    frame.addEventListener('load', () => {
      port?.close();
      const channel = new MessageChannel();
      port = channel.port1;
      port.onmessage = onPanelMessage;
      frame.contentWindow?.postMessage(CONNECT, extensionOrigin, [channel.port2]);
      if (shown) send({ type: 'show', id: shown.id });
    });
    frame.src = panelUrl;
    anchored.root.append(frame);
    anchored.onMoved(() => send({ type: 'moved' }));

    function remove(): void {
      port?.close();
      port = undefined;
      anchored.remove();
      live.delete(self);
    }
    const self: Standby = {
      anchored,
      show(id, onClose) {
        shown = { id, onClose };
        send({ type: 'show', id });
      },
      remove,
    };
    return self;
  }

  const warmUp = (): void => {
    if (!spare && doc.body) spare = standby();
  };

  return {
    warmUp,
    open(anchor, secret, sightingId, onClose) {
      const panel = spare ?? standby();
      spare = undefined;
      live.add(panel);
      panel.anchored.anchorTo(anchor, secret);
      // Load the next panel once this one has rendered (or after a while, whatever comes first).
      win.clearTimeout(nextWarmUp);
      nextWarmUp = win.setTimeout(warmUp, NEXT_WARM_UP_MS);
      panel.onShown = () => {
        win.clearTimeout(nextWarmUp);
        warmUp();
      };
      panel.show(sightingId, onClose);
      return { reanchor: (element) => panel.anchored.anchorTo(element, secret), remove: () => panel.remove() };
    },
    dispose() {
      win.clearTimeout(nextWarmUp);
      spare?.remove();
      spare = undefined;
      for (const panel of [...live]) panel.remove();
    },
  };
}
