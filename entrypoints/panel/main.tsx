import { render } from 'preact';
import { browser } from 'wxt/browser';
import { connectToPage, createClickGuard } from '../../components/panel/bridge';
import { copyFromPanel } from '../../components/panel/copy';
import { Panel, type PanelApi } from '../../components/panel/Panel';
import '../../components/panel/panel.css';
import { send } from '../../utils/client';

// The panel framed beside a new client secret on an Amazon console page (utils/rotation-capture/on-page/).
// It loads hidden, in advance; the content script then says which sighting to show, over a private port.
// The background checks that the sighting belongs to the tab this frame is in.
const root = document.getElementById('panel')!;
const guard = createClickGuard(Date.now, (armed) => (document.documentElement.dataset.armed = String(armed)));
let shownId: string | undefined;

const page = connectToPage((message) => {
  if (message.type === 'moved') guard.hold();
  else if (!shownId) show(message.id);
});

function show(id: string): void {
  shownId = id;
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
    close: () => page.send({ type: 'close' }),
  };
  // On key *up*: the frame goes away only after the whole key press was delivered to it.
  addEventListener('keyup', (event) => {
    if (event.key === 'Escape') api.close();
  });
  new ResizeObserver(() => page.send({ type: 'size', height: root.getBoundingClientRect().height })).observe(root);
  render(
    <Panel
      api={api}
      guard={guard}
      onShown={() => {
        guard.hold();
        // When the first view was painted: read by the latency bench and the end-to-end tests.
        requestAnimationFrame(() => {
          document.documentElement.dataset.shownAt = String(Date.now());
          page.send({ type: 'shown' });
        });
      }}
    />,
    root,
  );
}
