import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClickGuard, listenForMoves, postToPage } from '../../components/panel/bridge';
import { copyFromPanel } from '../../components/panel/copy';
import { Panel, type PanelApi } from '../../components/panel/Panel';
import '../../components/panel/panel.css';
import { send } from '../../utils/client';

// The panel framed beside a new client secret on an Amazon console page (utils/rotation-capture/on-page/).
// Its sighting id is the URL fragment; the background checks it belongs to this tab.
const id = location.hash.slice(1);
const root = document.getElementById('panel')!;

const api: PanelApi = {
  view: () => send('sighting.view', { id }),
  copy: async () => {
    const { secret } = await send('sighting.copy', { id });
    return copyFromPanel(secret, (hash) => send('clipboard.copied', { hash }));
  },
  save: (newEntry) => send('sighting.save', newEntry ? { id, newEntry } : { id }),
  setShopCtrlUrl: (url) => send('sighting.setShopCtrlUrl', { id, url }),
  sendToShopCtrl: () => send('sighting.sendToShopCtrl', { id }),
  openVault: async () => {
    try {
      await browser.action.openPopup();
    } catch {
      await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    }
  },
  close: () => postToPage({ lwaVaultPanel: 'close' }),
};

const guard = createClickGuard(Date.now, (armed) => (document.documentElement.dataset.armed = String(armed)));
listenForMoves(() => guard.hold());
addEventListener('keydown', (event) => {
  if (event.key === 'Escape') api.close();
});
new ResizeObserver(() => postToPage({ lwaVaultPanel: 'size', height: root.getBoundingClientRect().height })).observe(root);

render(
  <Panel
    api={api}
    guard={guard}
    onShown={() => {
      guard.hold();
      // When the first view was painted: read by the latency bench and the end-to-end tests.
      requestAnimationFrame(() => (document.documentElement.dataset.shownAt = String(Date.now())));
    }}
  />,
  root,
);
