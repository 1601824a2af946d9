/**
 * Walking the *composed* tree: light DOM plus open shadow roots plus same-origin iframe documents. Closed
 * shadow roots (such as LWA Vault's own panel) are invisible by design. No globals: everything comes from the
 * nodes handed in (the NodeFilter constants are spelled as numbers for that reason).
 */

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

/** Text under these elements is not "shown" (or, for textarea, is covered by `.value`). */
const SKIP_TEXT_UNDER = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

export type SubRoot = ShadowRoot | Document;

export interface WalkVisitor {
  /** A text node, with the element that displays it. */
  text(node: Text, shownBy: Element): void;
  /** Every element, the root included when it is one. */
  element(el: Element): void;
  /** An open shadow root or same-origin frame document about to be entered. */
  subRoot?(root: SubRoot): void;
}

/** Visits `root` and everything under it, descending into open shadow roots and same-origin frames. */
export function walkComposed(root: Node, visitor: WalkVisitor, deep = true): void {
  if (root.nodeType === 3) {
    const shownBy = displayingElement(root);
    if (shownBy && !SKIP_TEXT_UNDER.has(shownBy.tagName)) visitor.text(root as Text, shownBy);
    return;
  }
  if (root.nodeType === 1) {
    visitElement(root as Element, visitor, deep);
    if (!deep) return;
  }
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) visitElement(node as Element, visitor, true);
    else {
      const shownBy = displayingElement(node);
      if (shownBy && !SKIP_TEXT_UNDER.has(shownBy.tagName)) visitor.text(node as Text, shownBy);
    }
  }
}

function visitElement(el: Element, visitor: WalkVisitor, deep: boolean): void {
  visitor.element(el);
  if (!deep) return;
  const shadow = el.shadowRoot;
  if (shadow) {
    visitor.subRoot?.(shadow);
    walkComposed(shadow, visitor);
  }
  if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
    const frameDoc = sameOriginFrameDocument(el);
    if (frameDoc) {
      visitor.subRoot?.(frameDoc);
      walkComposed(frameDoc, visitor);
    }
  }
}

/** The frame's document, or `null` when it is cross-origin (reading it throws or yields null). */
export function sameOriginFrameDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/** The element a node is shown by: its parent element, or the shadow host for a shadow root's top level. */
export function displayingElement(node: Node): Element | null {
  if (node.nodeType === 1) return node as Element;
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 1) return parent as Element;
  return parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : null;
}

/** Parent in the composed tree: crosses shadow roots to their host and frame documents to their frame element. */
export function composedParent(node: Node): Node | null {
  if (node.parentNode) return node.parentNode;
  if (node.nodeType === 11) return (node as ShadowRoot).host ?? null;
  if (node.nodeType === 9) {
    try {
      return (node as Document).defaultView?.frameElement ?? null;
    } catch {
      return null;
    }
  }
  return null;
}

/** `node` and its composed ancestors, nearest first. */
export function composedAncestry(node: Node): Node[] {
  const chain: Node[] = [];
  for (let n: Node | null = node; n; n = composedParent(n)) chain.push(n);
  return chain;
}

export function isTextControl(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';
}
