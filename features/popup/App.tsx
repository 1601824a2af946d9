import { useEffect, useState } from 'preact/hooks';
import { send } from '../../platform/client';
import { openPopOut } from '../../platform/pop-out';
import { drafts } from '../entries/drafts';
import type { VaultStatus } from '../vault/protocol';
import { parseDeepLink } from '../entries/ui/deep-link';
import { CreateVault } from '../vault/ui/CreateVault';
import { LOCKED, type LockedPage } from './locked-page';
import type { Opening } from './opening';
import { Unlock } from '../vault/ui/Unlock';
import { POPOUT_TABS, POPUP_TABS, type Tab } from './tabs';
// Statically: the popup's code is one file (entrypoints/popup-app), and the locked screen does not wait for it (the
// toolbar opens the static locked page while locked).
import { VaultSections } from './VaultSections';

/** `#authorize` (capture notifications link there) opens the Authorize wizard. */
const AUTHORIZE_HASH = '#authorize';


interface Props {
  popout: boolean;
  /** The vault's status, known or asked before the first render (features/popup/opening.ts). */
  opening: Opening;
  lockedPage?: LockedPage;
}

/** The popup and its pop-out tab (and the locked page's takeover): first run, locked, or the unlocked vault. */
export function App({ popout, opening, lockedPage }: Props) {
  // On the locked page the vault was locked when the toolbar button was pressed: its screen stays up until the
  // vault's answer confirms or replaces it.
  const [status, setStatus] = useState<VaultStatus | undefined>(lockedPage ? LOCKED : opening.known);
  const [link, setLink] = useState(() => parseDeepLink(location.hash));
  const [tab, setTab] = useState<Tab>(
    location.hash === AUTHORIZE_HASH ? 'authorize' : link && 'timeline' in link && popout ? 'timeline' : 'entries',
  );
  const [error, setError] = useState('');
  const tabs = popout ? POPOUT_TABS : POPUP_TABS;

  const showStatus = (reply: Promise<VaultStatus>) =>
    reply.then((next) => {
      // The vault locked itself (idle) since the draft was typed: a locked vault keeps nothing secret readable.
      if (next.exists && !next.unlocked) void drafts.discardAll();
      setStatus(next);
    }, (e: Error) => setError(e.message));
  const refreshStatus = () => showStatus(send('vault.status', {}));
  useEffect(() => {
    void showStatus(opening.confirm());
    // A notification can point an open pop-out at another entry.
    const follow = () => {
      if (location.hash === AUTHORIZE_HASH) return setTab('authorize');
      const next = parseDeepLink(location.hash);
      if (!next) return;
      setLink(next);
      setTab('timeline' in next && popout ? 'timeline' : 'entries');
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  const lock = async () => {
    await drafts.discardAll(); // a draft can hold a secret being typed
    setStatus(await send('vault.lock', {}));
  };
  const popOut = async (hash = location.hash) => {
    await openPopOut(hash);
    window.close();
  };
  const onTabKey = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]!;
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <main>
      <header class="bar">
        <h1>
          <img src="/icon/32.png" alt="" /> LWA Vault
        </h1>
        <div class="actions">
          {!popout && status?.unlocked && (
            <button type="button" onClick={() => popOut('#timeline')} title="Open the 12-month timeline in a tab">
              Timeline
            </button>
          )}
          {!popout && (
            <button type="button" onClick={() => popOut()} title="Open LWA Vault in a tab">
              Pop out
            </button>
          )}
          {status?.unlocked && (
            <button type="button" onClick={lock}>
              Lock now
            </button>
          )}
        </div>
      </header>
      {error && <p class="alert error" role="alert">{error}</p>}
      {status && !status.exists && <CreateVault onCreated={setStatus} />}
      {status?.exists && !status.unlocked && <Unlock status={status} onUnlocked={setStatus} typed={lockedPage?.passphrase} submitTyped={lockedPage?.submitted} />}
      {status?.unlocked && <VaultSections tabs={tabs} tab={tab} setTab={setTab} onTabKey={onTabKey} link={link} onLocked={refreshStatus} />}
    </main>
  );
}
