import { createAnchoredHost } from './anchored-host';

/**
 * A small, non-interactive note beside a secret that needs no panel: "up to date" (the vault's current secret)
 * or "locked" (the vault knows this app but is locked). Closed shadow root, `pointer-events: none`, and no
 * vault data in it.
 */
export interface QuietMark {
  reanchor(element: Element): void;
  remove(): void;
}

export type MarkKind = 'up-to-date' | 'locked';

const TEXT: Record<MarkKind, { text: string; width: number }> = {
  'up-to-date': { text: '✓ Up to date in LWA Vault', width: 176 },
  locked: { text: 'LWA Vault is locked: unlock to compare', width: 250 },
};

const CSS = `
  :host { pointer-events: none; }
  span { display: inline-block; box-sizing: border-box; max-width: 100%; height: 22px; padding: 2px 8px; overflow: hidden;
         white-space: nowrap; text-overflow: ellipsis; font: 12px/18px system-ui, sans-serif; border-radius: 11px;
         color: #0b5d1e; background: #e6f4ea; border: 1px solid #8cc79b; }
  span.locked { color: #5f4b00; background: #fff6d6; border-color: #e0c35a; }
`;

export function showQuietMark(anchor: Element, secret: string, kind: MarkKind): QuietMark {
  const { text, width } = TEXT[kind];
  const doc = anchor.ownerDocument;
  const anchored = createAnchoredHost(doc, 'lwa-vault-mark', { width, height: 22 });
  anchored.host.style.setProperty('pointer-events', 'none', 'important');
  const style = doc.createElement('style');
  style.textContent = CSS;
  const label = doc.createElement('span');
  label.setAttribute('role', 'status');
  label.className = kind;
  label.textContent = text;
  anchored.root.append(style, label);
  anchored.anchorTo(anchor, secret);
  return { reanchor: (element) => anchored.anchorTo(element, secret), remove: () => anchored.remove() };
}
