import type { PageToPanel, PanelToPage } from '../../utils/rotation-capture/on-page/panel-frame';

/**
 * The panel's side of its frame: tells the page how tall it is and when to close (no data besides that), and
 * guards against clickjacking. The page can move the secret, and the panel follows it, so a page could slide
 * the panel under a cursor about to click something else: a pointer click within `GUARD_MS` of the panel
 * appearing or moving is ignored. Keyboard activation (click with `detail === 0`) is always a deliberate act.
 */
export const GUARD_MS = 400;

export interface ClickGuard {
  /** Whether this click may act. */
  allows(event: MouseEvent): boolean;
  /** Re-arm: the panel just appeared or moved. */
  hold(): void;
  /** Whether the guard currently lets pointer clicks through. */
  readonly armed: boolean;
}

export function createClickGuard(now: () => number = Date.now, onChange?: (armed: boolean) => void): ClickGuard {
  let since = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    onChange?.(false);
    timer = setTimeout(() => onChange?.(true), GUARD_MS);
  };
  arm();
  return {
    allows: (event) => event.isTrusted !== false && (event.detail === 0 || now() - since >= GUARD_MS),
    hold() {
      since = now();
      arm();
    },
    get armed() {
      return now() - since >= GUARD_MS;
    },
  };
}

export function postToPage(message: PanelToPage, win: Window = window): void {
  // Only a height or "close" travels, so any parent may read it.
  if (win.parent !== win) win.parent.postMessage(message, '*');
}

/** Calls `onMoved` when the page it is framed into says the panel moved. */
export function listenForMoves(onMoved: () => void, win: Window = window): () => void {
  const listener = (event: MessageEvent) => {
    if (event.source === win.parent && (event.data as Partial<PageToPanel> | null)?.lwaVaultPanel === 'moved') onMoved();
  };
  win.addEventListener('message', listener);
  return () => win.removeEventListener('message', listener);
}
