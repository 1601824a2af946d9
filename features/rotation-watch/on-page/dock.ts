import { CLIENT_ID_HINT } from '../../amazon/credential-patterns';
import { chooseDock, DOCK_MARGIN, HOST_RESET_STYLE, overlaps, type Rect, type Size } from './placement';

/**
 * The one rotation panel on an Amazon page: an extension frame (`panel.html`, web-accessible only at its
 * per-session dynamic URL) inside a **closed** shadow root, docked at a viewport edge, listing every secret
 * the page shows. It is the only element LWA Vault puts on a console page, and until the user interacts with
 * it its tag, size and presence depend only on how many secrets the page shows, never on what the vault knows:
 * the answers are inside the cross-origin frame, where page scripts cannot look.
 *
 * - Placement (`chooseDock`): a corner or edge free of the page's controls and of every secret and client id
 *   on screen, checked again on scroll, resize and every 700 ms (content moving); shown as a manual popover so
 *   no `overflow`, `transform` or `z-index` of the page clips or covers it.
 * - The frame learns what to show only from one-time tokens the background gave this content script for each
 *   sighting; they travel over a `MessageChannel` whose port is handed to the frame right after it loads. A frame the page made gets no token and shows nothing.
 *   Over the port: content → panel `add` / `moved`; panel → content `size` / `shown` / `close`.
 * - The host lives at the end of `<body>`; if the page removes it, it is put back and the frame, reloaded,
 *   gets fresh tokens (`issue` is asked again: a token works once).
 */
export interface Dock {
  /** Loads the frame in advance, hidden (a secret is probably on its way). */
  warmUp(): void;
  /** One more secret to list; `issue` returns a fresh one-time token for it each time it is called. */
  add(secret: string, element: Element, issue: () => Promise<string>): void;
  /** Where a listed secret is shown now (the page re-rendered it): placement keeps clear of it. */
  track(secret: string, element: Element): void;
  dispose(): void;
}

export const DOCK_WIDTH = 340;
/** Height of one listed secret until the user interacts (the panel's cards have exactly this height). */
export const CARD_HEIGHT = 150;
const MAX_CARDS_SHOWN = 3;
const MAX_HEIGHT = 560;

export type PageToPanel = { type: 'add'; token: string } | { type: 'moved' };
export type PanelToPage = { type: 'size'; height: number } | { type: 'shown' } | { type: 'close' };
/** The one message that goes through `postMessage` (to the frame only): it carries the port. */
export const CONNECT = 'lwa-vault:connect';

/** The page's own controls: the dock never covers one. */
const INTERACTIVE =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="menuitem"], [role="tab"], [role="checkbox"], [tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable="true"]';
const MAX_AVOIDED = 3000;

export function createDock(doc: Document, panelUrl: string): Dock {
  const win = doc.defaultView!;
  let host: HTMLElement | undefined;
  let frame: HTMLIFrameElement | undefined;
  let port: MessagePort | undefined;
  const listed: { secret: string; element: Element; issue: () => Promise<string> }[] = [];
  let height = 0;
  let grown = false;
  let closed = false;
  let placed: Rect | undefined;
  let raf = 0;
  let poll = 0;

  const style = (name: string, value: string) => host?.style.setProperty(name, value, 'important');
  const send = (message: PageToPanel) => port?.postMessage(message);

  function build(): void {
    host = doc.createElement('lwa-vault-panel');
    const root = host.attachShadow({ mode: 'closed' });
    for (const [name, value] of Object.entries(HOST_RESET_STYLE)) style(name, value);
    if (typeof host.showPopover === 'function') host.setAttribute('popover', 'manual');
    style('visibility', 'hidden'); // laid out, so the frame loads and paints, but not seen until a secret is listed
    style('left', '-10000px');
    style('top', '0px');
    style('width', `${DOCK_WIDTH}px`);
    style('height', `${CARD_HEIGHT}px`);
    frame = doc.createElement('iframe');
    frame.title = 'LWA Vault: client secrets on this page';
    frame.setAttribute('allow', 'clipboard-write');
    frame.setAttribute('style', 'border:0;display:block;width:100%;height:100%;background:transparent;color-scheme:normal');
    // Every load (the first, or a reload after the page removed the host) gets a fresh port and fresh tokens.
    frame.addEventListener('load', () => {
      port?.close();
      const channel = new MessageChannel();
      port = channel.port1;
      port.onmessage = onPanelMessage;
      // '*': with `use_dynamic_url` Chrome gives the frame's document the extension's own origin, not the
      // dynamic one its URL shows. The port only ever carries tokens, which only our panel page can claim.
      frame!.contentWindow?.postMessage(CONNECT, '*', [channel.port2]);
      grown = false;
      for (const item of listed) void item.issue().then((token) => send({ type: 'add', token }), () => undefined);
    });
    frame.src = panelUrl;
    root.append(frame);
    attach();
    win.addEventListener('scroll', schedule, { capture: true, passive: true });
    win.addEventListener('resize', schedule, { passive: true });
    poll = win.setInterval(schedule, 700);
  }

  function attach(): void {
    (doc.body ?? doc.documentElement).append(host!);
    if (host!.hasAttribute('popover')) {
      try {
        host!.showPopover();
      } catch {
        // refused: the fixed position and z-index still apply
      }
    }
  }

  function onPanelMessage(event: MessageEvent): void {
    const data = event.data as Partial<PanelToPage> | null;
    if (data?.type === 'size' && typeof data.height === 'number' && Number.isFinite(data.height)) {
      grown = true; // the panel sends a size only after the user interacted with it
      height = Math.max(60, Math.min(MAX_HEIGHT, Math.ceil(data.height)));
      schedule();
    } else if (data?.type === 'close') {
      closed = true;
      style('visibility', 'hidden');
      style('left', '-10000px');
    }
  }

  function nominalHeight(): number {
    return Math.min(listed.length, MAX_CARDS_SHOWN) * CARD_HEIGHT;
  }

  function schedule(): void {
    if (!raf) raf = win.requestAnimationFrame(place);
  }

  function place(): void {
    raf = 0;
    if (!host || listed.length === 0 || closed) return;
    if (!host.isConnected) attach(); // the page removed it: back it goes (the frame reloads and re-claims)
    const viewport = { width: doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight };
    const box = { width: DOCK_WIDTH, height: grown ? Math.max(height, nominalHeight()) : nominalHeight() };
    const avoid = avoidedRects();
    // Grown on the user's click (a form opened): stay put where that still covers nothing, so what the user is
    // about to click does not move; shift up only as far as the viewport needs.
    const kept = grown && placed ? keptSpot(placed, box, viewport) : undefined;
    const spot = kept && !avoid.some((r) => overlaps(kept, r)) ? kept : chooseDock(box, viewport, avoid);
    style('width', `${spot.right - spot.left}px`);
    style('height', `${spot.bottom - spot.top}px`);
    style('left', `${spot.left}px`);
    style('top', `${spot.top}px`);
    style('visibility', 'visible');
    const moved = !placed || Math.abs(spot.left - placed.left) > 2 || Math.abs(spot.top - placed.top) > 2;
    placed = spot;
    if (moved) send({ type: 'moved' });
  }

  function avoidedRects(): Rect[] {
    const rects: Rect[] = [];
    const keep = (el: Element) => {
      if (el === host) return;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) rects.push(r);
    };
    const controls = doc.querySelectorAll(INTERACTIVE);
    for (let i = 0; i < controls.length && i < MAX_AVOIDED; i++) keep(controls[i]!);
    for (const { element } of listed) if (element.isConnected) keep(element);
    for (const el of clientIdElements(doc)) keep(el);
    return rects;
  }

  return {
    warmUp() {
      if (!host && doc.body) build();
    },
    add(secret, element, issue) {
      if (!host) build();
      listed.push({ secret, element, issue });
      closed = false;
      if (port) void issue().then((token) => send({ type: 'add', token }), () => undefined);
      schedule();
    },
    track(secret, element) {
      const known = listed.find((item) => item.secret === secret);
      if (known && (!known.element.isConnected || known.element.getClientRects().length === 0)) known.element = element;
    },
    dispose() {
      win.removeEventListener('scroll', schedule, { capture: true });
      win.removeEventListener('resize', schedule);
      win.clearInterval(poll);
      if (raf) win.cancelAnimationFrame(raf);
      port?.close();
      host?.remove();
    },
  };
}

function keptSpot(at: Rect, box: Size, viewport: Size): Rect {
  const h = Math.min(box.height, viewport.height - 2 * DOCK_MARGIN);
  const top = Math.max(DOCK_MARGIN, Math.min(at.top, viewport.height - DOCK_MARGIN - h));
  const left = Math.max(DOCK_MARGIN, Math.min(at.left, viewport.width - DOCK_MARGIN - box.width));
  return { left, top, right: left + box.width, bottom: top + h };
}

/** Elements whose own text shows a client id (the dock keeps clear of them too). */
function clientIdElements(doc: Document): Element[] {
  const found: Element[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 0x4);
  for (let node = walker.nextNode(); node && found.length < 50; node = walker.nextNode()) {
    if ((node as Text).data.includes(CLIENT_ID_HINT) && node.parentElement) found.push(node.parentElement);
  }
  return found;
}
