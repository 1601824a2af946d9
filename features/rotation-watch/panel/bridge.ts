import { CONNECT, type PageToPanel, type PanelToPage } from '../on-page/dock';

/**
 * The panel's side of its frame. The content script hands it a `MessagePort` right after it loads (see
 * `dock.ts`); over it come one-time tokens (`add`) and "you moved". A token only means something once the
 * background accepts the claim, so a frame the page made and fed its own port and tokens shows nothing.
 * Only the first port counts, and only from the window the frame is in.
 */
export interface PageLink {
  send(message: PanelToPage): void;
}

export function connectToPage(onMessage: (message: PageToPanel) => void, win: Window = window): PageLink {
  let port: MessagePort | undefined;
  const pending: PanelToPage[] = [];
  const onConnect = (event: MessageEvent) => {
    if (port || event.source !== win.parent || event.data !== CONNECT || !event.ports[0]) return;
    port = event.ports[0];
    port.onmessage = (e: MessageEvent) => {
      const data = e.data as Partial<PageToPanel> | null;
      if (data?.type === 'add' && typeof data.token === 'string') onMessage({ type: 'add', token: data.token });
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
 * Clickjacking guard. A pointer click acts only when
 * - it is trusted (a page cannot synthesize events in this cross-origin frame anyway);
 * - the panel has not just appeared or moved (`GUARD_MS`): a page could slide it under a cursor;
 * - the clicked card is fully visible and unobscured, as the browser itself reports it (IntersectionObserver v2
 *   `trackVisibility`: no opacity, filter, transform or element of the page over it). Where the browser cannot
 *   tell (Firefox has no `isVisible`), a pointer click is never enough.
 * Keyboard activation (a click with `detail === 0`: Enter or Space on a focused button) always acts.
 */
export const GUARD_MS = 400;

export type GuardVerdict = 'ok' | 'just-moved' | 'not-visible' | 'untrusted';

export interface ClickGuard {
  check(event: MouseEvent): GuardVerdict;
  /** Re-arm: the panel just appeared or moved. */
  hold(): void;
  /** Track the visibility of `card` (the element a click's target must be inside). */
  observe(card: Element): void;
}

/** What the browser says about visibility; `undefined` while it has not said (or cannot). */
export type VisibilityOf = (card: Element) => boolean | undefined;

export function createClickGuard(
  now: () => number = Date.now,
  onChange?: (armed: boolean) => void,
  visibility: { observe(card: Element): void; of: VisibilityOf } = trackVisibility(),
): ClickGuard {
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
    check(event) {
      if (event.isTrusted === false) return 'untrusted';
      if (event.detail === 0) return 'ok';
      if (now() - since < GUARD_MS) return 'just-moved';
      const target = event.target as Element | null;
      const card = target?.closest?.('[data-card]') ?? target;
      return card && visibility.of(card) === true ? 'ok' : 'not-visible';
    },
    hold,
    observe: (card) => visibility.observe(card),
  };
}

/** IntersectionObserver v2 in this frame: fully inside the top-level viewport and unobscured. */
export function trackVisibility(win: Window & typeof globalThis = window): { observe(card: Element): void; of: VisibilityOf } {
  const seen = new WeakMap<Element, boolean>();
  const Observer = win.IntersectionObserver;
  if (typeof Observer !== 'function') return { observe: () => {}, of: () => undefined };
  const observer = new Observer(
    (entries) => {
      for (const entry of entries) {
        const isVisible = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible;
        // No `isVisible`: the browser cannot tell, so the card never counts as visible.
        seen.set(entry.target, isVisible === true && entry.intersectionRatio >= 0.99);
      }
    },
    { threshold: [0.99, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  return { observe: (card) => observer.observe(card), of: (card) => seen.get(card) };
}
