import { CONNECT, type PageToPanel, type PanelToPage } from '../../utils/rotation-capture/on-page/panel-frame';

/**
 * The panel's side of its frame. The content script hands it a `MessagePort` right after it loads (see
 * `panel-frame.ts`); everything else — which sighting to show, "you moved", "I am this tall", "close me" —
 * goes over that port, never through the page's window. Only the first port counts, and only from the window
 * the frame is in (a page cannot reach a frame inside a closed shadow root to send one).
 */
export interface PageLink {
  send(message: PanelToPage): void;
}

export function connectToPage(
  onMessage: (message: PageToPanel) => void,
  win: Window = window,
): PageLink {
  let port: MessagePort | undefined;
  const pending: PanelToPage[] = [];
  const onConnect = (event: MessageEvent) => {
    if (port || event.source !== win.parent || event.data !== CONNECT || !event.ports[0]) return;
    port = event.ports[0];
    port.onmessage = (e: MessageEvent) => {
      const data = e.data as Partial<PageToPanel> | null;
      if (data?.type === 'show' && typeof data.id === 'string') onMessage({ type: 'show', id: data.id });
      else if (data?.type === 'moved') onMessage({ type: 'moved' });
    };
    for (const message of pending.splice(0)) port.postMessage(message);
    win.removeEventListener('message', onConnect);
  };
  win.addEventListener('message', onConnect);
  return {
    send(message) {
      if (port) port.postMessage(message);
      else pending.push(message);
    },
  };
}

/**
 * Clickjacking guard. The page can move the secret, and the panel follows it, so a page could slide the panel
 * under a cursor about to click something else: a pointer click within `GUARD_MS` of the panel appearing or
 * moving is ignored. Keyboard activation (a click with `detail === 0`) is always deliberate.
 */
export const GUARD_MS = 400;

export interface ClickGuard {
  /** Whether this click may act. */
  allows(event: MouseEvent): boolean;
  /** Re-arm: the panel just appeared or moved. */
  hold(): void;
}

export function createClickGuard(now: () => number = Date.now, onChange?: (armed: boolean) => void): ClickGuard {
  let since = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hold = () => {
    since = now();
    clearTimeout(timer);
    onChange?.(false);
    timer = setTimeout(() => onChange?.(true), GUARD_MS);
  };
  hold();
  return {
    allows: (event) => event.isTrusted !== false && (event.detail === 0 || now() - since >= GUARD_MS),
    hold,
  };
}
