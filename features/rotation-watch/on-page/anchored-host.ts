import { HOST_RESET_STYLE, placeBeside, type Size } from './placement';

/**
 * A host element for LWA Vault's UI on an Amazon page, kept beside a secret:
 * - its content lives in a **closed** shadow root, so the page's scripts cannot read it (`host.shadowRoot` is
 *   null for them, and our isolated world's `attachShadow` cannot be patched by the page);
 * - once anchored it sits right after the element that shows the secret, so Tab from there reaches it and a
 *   modal's focus trap still includes it; shown as a manual popover it is in the top layer, where no
 *   `overflow`, `transform` or `z-index` of the page clips or covers it;
 * - it is placed beside the secret with `placeBeside` and follows it on scroll, resize and layout changes.
 * Before it is anchored it waits hidden at the end of the body (a panel frame loads there in advance); moving
 * it uses `moveBefore` where the browser has it, which keeps a frame inside loaded instead of reloading it.
 */
export interface AnchoredHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  /** Shows it beside `secret` as displayed by `element` (again after the page re-rendered it). */
  anchorTo(element: Element, secret: string): void;
  setSize(size: Size): void;
  /** Called after each position change that moved the box (for the panel's click guard). */
  onMoved(listener: () => void): void;
  remove(): void;
}


export function createAnchoredHost(doc: Document, tag: string, size: Size): AnchoredHost {
  const nominalHeight = size.height;
  const win = doc.defaultView!;
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  const style = (name: string, value: string) => host.style.setProperty(name, value, 'important');
  for (const [name, value] of Object.entries(HOST_RESET_STYLE)) style(name, value);
  const popover = typeof host.showPopover === 'function';
  if (popover) host.setAttribute('popover', 'manual');
  // Waiting: laid out (so a frame inside loads and paints) but invisible and off screen.
  style('visibility', 'hidden');
  style('left', '-10000px');
  style('top', '0px');
  style('width', `${size.width}px`);
  style('height', `${size.height}px`);
  (doc.body ?? doc.documentElement).append(host);

  let target: Element | undefined;
  let secret = '';
  let box = size;
  let last = { left: NaN, top: NaN };
  let frame = 0;
  let listening = false;
  let poll = 0;
  const movedListeners: (() => void)[] = [];
  const resizeObserver = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(() => schedule()) : undefined;

  function place(): void {
    frame = 0;
    if (!target) return;
    if (!host.isConnected || !isRightAfter(target)) insert(target);
    const rect = secretRect(target, secret);
    const hidden = !rect || !target.isConnected;
    style('visibility', hidden ? 'hidden' : 'visible');
    if (hidden) return;
    const viewport = { width: doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight };
    const at = placeBeside(rect, box, viewport, nominalHeight);
    style('width', `${box.width}px`);
    style('height', `${at.height}px`);
    style('left', `${Math.round(at.left)}px`);
    style('top', `${Math.round(at.top)}px`);
    const moved = Math.abs(at.left - last.left) > 2 || Math.abs(at.top - last.top) > 2;
    last = at;
    if (moved) movedListeners.forEach((listener) => listener());
  }
  function schedule(): void {
    if (!frame) frame = win.requestAnimationFrame(place);
  }
  function isRightAfter(element: Element): boolean {
    const point = insertionPoint(element);
    return isPageLevel(point) ? host.parentNode === (doc.body ?? doc.documentElement) : point.nextSibling === host;
  }
  function insert(element: Element): void {
    if (!element.isConnected) return;
    const point = insertionPoint(element);
    if (isPageLevel(point)) moveInto(doc.body ?? doc.documentElement, null);
    else moveInto(point.parentNode!, point.nextSibling);
    if (popover && !host.matches(':popover-open')) {
      try {
        host.showPopover();
      } catch {
        // the browser refused: the fixed position and z-index still apply
      }
    }
  }
  /** `moveBefore` keeps a frame inside loaded (Chrome 133+); `insertBefore` would reload it. */
  function moveInto(parent: Node, before: Node | null): void {
    const move = (parent as Node & { moveBefore?: (node: Node, child: Node | null) => void }).moveBefore;
    if (move && host.isConnected) {
      try {
        move.call(parent, host, before);
        return;
      } catch {
        // another document or tree: fall back to a plain insertion
      }
    }
    parent.insertBefore(host, before);
  }

  return {
    host,
    root,
    anchorTo(element, shownSecret) {
      secret = shownSecret;
      if (target) resizeObserver?.unobserve(target);
      target = element;
      resizeObserver?.observe(element);
      insert(element);
      if (!listening) {
        listening = true;
        win.addEventListener('scroll', schedule, { capture: true, passive: true });
        win.addEventListener('resize', schedule, { passive: true });
        // Layout shifts that neither scroll nor resize (content loading above), and a page that removed our host.
        poll = win.setInterval(schedule, 700);
      }
      place();
    },
    setSize(next) {
      box = next;
      if (!target) {
        style('width', `${box.width}px`);
        style('height', `${box.height}px`);
      }
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
      target = undefined;
      host.remove();
    },
  };
}

function isPageLevel(element: Element): boolean {
  return element.tagName === 'HTML' || element.tagName === 'BODY' || element.tagName === 'HEAD';
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
