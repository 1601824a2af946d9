import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { connectToPage, createClickGuard } from '../../features/rotation-watch/panel/bridge';
import { copyFromPanel } from '../../features/rotation-watch/panel/copy';
import { Panel, type PanelApi } from '../../features/rotation-watch/panel/Panel';
import '../../features/rotation-watch/panel/panel.css';
import { send } from '../../platform/client';

// The panel docked on an Amazon console page (features/rotation-watch/on-page/dock.ts), one card per secret there.
// It loads hidden, in advance; the content script hands it one-time tokens over a private port, and only the
// sightings the background lets this frame claim are shown. Until the user interacts, every card has the same
// size whatever the answer (the page sees the frame's size); after that the frame grows to its content.
const root = document.getElementById('panel')!;
const guard = createClickGuard(Date.now, (armed) => (document.documentElement.dataset.armed = String(armed)));
let addCard: (id: string) => void = () => {};

const page = connectToPage((message) => {
  if (message.type === 'moved') guard.hold();
  else void send('rotationWatch.claim', { token: message.token }).then(({ id }) => addCard(id), () => undefined);
});

const openVault = async () => {
  try {
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  }
};

function apiFor(id: string, dismiss: () => void): PanelApi {
  return {
    view: () => send('rotationWatch.view', { id }),
    copy: async () => {
      const { secret } = await send('rotationWatch.copy', { id });
      return copyFromPanel(secret, (hash) => send('clipboard.copied', { hash }));
    },
    save: (newEntry) => send('rotationWatch.save', newEntry ? { id, newEntry } : { id }),
    setShopCtrlUrl: (url) => send('rotationWatch.setShopCtrlUrl', { id, url }),
    sendToShopCtrl: () => send('rotationWatch.sendToShopCtrl', { id }),
    check: () => send('rotationWatch.check', { id }),
    openVault,
    close: dismiss,
  };
}

function Dock() {
  const [ids, setIds] = useState<string[]>([]);
  addCard = (id) => setIds((now) => (now.includes(id) ? now : [...now, id]));
  const dismiss = (id: string) => () =>
    setIds((now) => {
      const next = now.filter((other) => other !== id);
      if (next.length === 0) page.send({ type: 'close' });
      return next;
    });
  return (
    <>
      {ids.map((id) => (
        <Panel
          key={id}
          api={apiFor(id, dismiss(id))}
          guard={guard}
          onShown={() => {
            guard.hold();
            // When the card's first view was painted: read by the latency bench and the end-to-end tests.
            requestAnimationFrame(() => {
              document.documentElement.dataset.shownAt = String(Date.now());
              document.documentElement.dataset.cards = String(ids.length);
              page.send({ type: 'shown' });
            });
          }}
        />
      ))}
    </>
  );
}

// The user's first trusted interaction frees the frame's size (a form may open); before it, it stays nominal.
const interacted = (event: Event) => {
  if (!event.isTrusted || document.documentElement.dataset.interacted) return;
  document.documentElement.dataset.interacted = 'true';
  new ResizeObserver(() => page.send({ type: 'size', height: root.getBoundingClientRect().height })).observe(root);
};
addEventListener('pointerdown', interacted, true);
addEventListener('keydown', interacted, true);
// On key *up*: the frame goes away only after the whole key press was delivered to it.
addEventListener('keyup', (event) => {
  if (event.key === 'Escape') page.send({ type: 'close' });
});
render(<Dock />, root);
