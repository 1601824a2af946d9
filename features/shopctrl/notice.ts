import { createAnchoredHost } from '../rotation-watch/on-page/anchored-host';

/**
 * LWA Vault's note on the ShopCtrl page: beside the filled field and right after it in the tab order (the same
 * anchored host as the panel on Amazon's pages, so it takes no room in ShopCtrl's form layout), or pinned to the
 * top of the page when there is no field. It lives in a closed shadow root, so ShopCtrl's scripts cannot read
 * it, and its buttons only react to real (trusted) clicks and key presses.
 */

export interface NoticeContent {
  lines: string[];
  offer?: { text: string; button: string; onAccept: () => void } | undefined;
}

export interface Notice {
  setLines(lines: string[]): void;
  remove(): void;
}

const HOST_TAG = 'lwa-vault-notice';
const WIDTH = 340;

const CSS = `
  :host([data-pinned]) { all: initial; display: block; position: fixed; top: 12px; right: 12px; z-index: 2147483647; width: ${WIDTH}px; }
  .box { box-sizing: border-box; font: 13px/1.45 system-ui, sans-serif; color: #1b1f24; background: #fff8e6; border: 2px solid #ff9900;
         border-radius: 6px; padding: 8px 10px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.15); }
  strong { display: block; margin-bottom: 2px; }
  p { margin: 2px 0; }
  .actions { margin-top: 6px; display: flex; gap: 6px; }
  button { font: inherit; padding: 3px 10px; border-radius: 4px; border: 1px solid #8a6100; background: #fff; cursor: pointer; }
  button.primary { background: #ff9900; border-color: #c77700; color: #111; }
  button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 1px; }
`;

export function showShopCtrlNotice(doc: Document, field: HTMLElement | null, content: NoticeContent): Notice {
  doc.querySelectorAll(HOST_TAG).forEach((old) => old.remove());
  const anchored = field?.isConnected ? createAnchoredHost(doc, HOST_TAG, { width: WIDTH, height: 120 }) : undefined;
  const host = anchored?.host ?? doc.createElement(HOST_TAG);
  const root = anchored?.root ?? host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'status');
  const title = doc.createElement('strong');
  title.textContent = 'LWA Vault';
  const body = doc.createElement('div');
  const actions = doc.createElement('div');
  actions.className = 'actions';
  box.append(title, body, actions);
  root.append(style, box);

  /** The anchored host has a fixed size: give it the note's height whenever the text changes. */
  const fit = (): void => {
    if (anchored) anchored.setSize({ width: WIDTH, height: Math.max(60, Math.ceil(box.getBoundingClientRect().height) + 4) });
  };
  const setLines = (lines: string[]): void => {
    body.replaceChildren(...lines.map((line) => Object.assign(doc.createElement('p'), { textContent: line })));
    fit();
  };
  setLines(content.lines);

  if (content.offer) {
    const { text, button, onAccept } = content.offer;
    const offerText = Object.assign(doc.createElement('p'), { textContent: text });
    body.append(offerText);
    const accept = Object.assign(doc.createElement('button'), { type: 'button', textContent: button, className: 'primary' });
    accept.addEventListener('click', (event) => {
      if (!event.isTrusted) return; // a page script's synthetic click is not the user
      accept.remove();
      offerText.remove();
      onAccept();
      fit();
    });
    actions.append(accept);
  }
  const dismiss = Object.assign(doc.createElement('button'), { type: 'button', textContent: 'Dismiss' });
  const remove = (): void => (anchored ? anchored.remove() : host.remove());
  dismiss.addEventListener('click', (event) => {
    if (event.isTrusted) remove();
  });
  actions.append(dismiss);

  if (anchored && field) {
    anchored.anchorTo(field, '');
    fit();
  } else {
    host.setAttribute('data-pinned', '');
    (doc.body ?? doc.documentElement).append(host);
  }
  return { setLines, remove };
}
