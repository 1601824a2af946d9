import { placeBeside, type Size } from './placement';

/**
 * A host element for LWA Vault's UI on an Amazon page, kept beside a secret:
 * - its content lives in a **closed** shadow root, so the page's scripts cannot read it (`host.shadowRoot` is
 *   null for them, and our isolated world's `attachShadow` cannot be patched by the page);
 * - it is inserted right after the element that shows the secret, so Tab from there reaches it and a modal's
 *   focus trap still includes it; shown as a manual popover it sits in the top layer, where no `overflow`,
 *   `transform` or `z-index` of the page clips or covers it;
 * - it is placed beside the secret with `placeBeside` and follows it on scroll, resize and layout changes.
 */
export interface AnchoredHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  setSize(size: Size): void;
  /** Follow the secret to another element (the page re-rendered it). */
  reanchor(element: Element): void;
  /** Called after each position change that moved the box (for the panel's click guard). */
  onMoved(listener: () => void): void;
  remove(): void;
}

const IMPORTANT_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  inset: 'auto',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  overflow: 'visible',
  'z-index': '2147483647',
  'color-scheme': 'normal',
};

export function createAnchoredHost(tag: string, anchor: Element, secret: string, size: Size): AnchoredHost {
  const doc = anchor.ownerDocument;
  const win = doc.defaultView!;
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  for (const [name, value] of Object.entries(IMPORTANT_STYLE)) host.style.setProperty(name, value, 'important');
  const popover = typeof host.showPopover === 'function';
  if (popover) host.setAttribute('popover', 'manual');

  let target = anchor;
  let box = size;
  let last = { left: NaN, top: NaN };
  let frame = 0;
  const movedListeners: (() => void)[] = [];

  const place = (): void => {
    frame = 0;
    if (!host.isConnected) insert();
    const rect = secretRect(target, secret);
    const hidden = !rect || !target.isConnected;
    host.style.setProperty('visibility', hidden ? 'hidden' : 'visible', 'important');
    if (hidden) return;
    const viewport = { width: doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight };
    const at = placeBeside(rect, box, viewport);
    host.style.setProperty('width', `${box.width}px`, 'important');
    host.style.setProperty('height', `${box.height}px`, 'important');
    host.style.setProperty('left', `${Math.round(at.left)}px`, 'important');
    host.style.setProperty('top', `${Math.round(at.top)}px`, 'important');
    const moved = Math.abs(at.left - last.left) > 2 || Math.abs(at.top - last.top) > 2;
    last = at;
    if (moved) movedListeners.forEach((listener) => listener());
  };
  const schedule = (): void => {
    if (!frame) frame = win.requestAnimationFrame(place);
  };
  const insert = (): void => {
    if (!target.isConnected) return;
    const point = insertionPoint(target);
    if (point.tagName === 'HTML' || point.tagName === 'BODY' || point.tagName === 'HEAD') {
      (point.ownerDocument.body ?? point.ownerDocument.documentElement).append(host);
    } else point.after(host);
    if (popover) {
      try {
        host.showPopover();
      } catch {
        // already shown, or the browser refused: the fixed position and z-index still apply
      }
    }
  };

  insert();
  place();
  win.addEventListener('scroll', schedule, { capture: true, passive: true });
  win.addEventListener('resize', schedule, { passive: true });
  const resizeObserver = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(schedule) : undefined;
  resizeObserver?.observe(target);
  // Layout shifts that neither scroll nor resize (content loading above), and a page that removed our host.
  const poll = win.setInterval(schedule, 700);

  return {
    host,
    root,
    setSize(next) {
      box = next;
      schedule();
    },
    reanchor(element) {
      if (element === target) return;
      resizeObserver?.unobserve(target);
      target = element;
      resizeObserver?.observe(target);
      host.remove();
      insert();
      schedule();
    },
    onMoved(listener) {
      movedListeners.push(listener);
    },
    remove() {
      win.removeEventListener('scroll', schedule, { capture: true });
      win.removeEventListener('resize', schedule);
      resizeObserver?.disconnect();
      win.clearInterval(poll);
      if (frame) win.cancelAnimationFrame(frame);
      host.remove();
    },
  };
}

/** After which element the host goes: the secret's element, outside anything that would not render it. */
function insertionPoint(element: Element): Element {
  return element.closest('select, option, textarea, button, svg, head, title, script, style, template, iframe, object') ?? element;
}

/** The secret's own box on screen: the text range when the element holds it as text, else the element. */
export function secretRect(element: Element, secret: string): DOMRect | undefined {
  let rect: DOMRect | undefined;
  if (element.tagName !== 'INPUT' && element.tagName !== 'TEXTAREA') {
    for (const node of Array.from(element.childNodes)) {
      const at = node.nodeType === 3 ? (node as Text).data.indexOf(secret) : -1;
      if (at < 0) continue;
      const range = element.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + secret.length);
      rect = range.getBoundingClientRect();
      break;
    }
  }
  rect ??= element.getBoundingClientRect();
  return rect.width === 0 && rect.height === 0 ? undefined : rect;
}
