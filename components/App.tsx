import { useEffect, useState } from 'preact/hooks';
import { send } from '../utils/client';
import { drafts } from '../utils/drafts';
import type { VaultStatus } from '../utils/messages';
import { parseDeepLink } from './entries/deep-link';
import { prefetchListing } from './entries/listing';
import { Timeline } from './entries/Timeline';
import { CreateVault } from './screens/CreateVault';
import { Entries } from './screens/Entries';
import { Authorize } from './screens/Authorize';
import { Backup } from './screens/Backup';
import { Settings } from './screens/Settings';
import { Unlock } from './screens/Unlock';

type Tab = 'entries' | 'authorize' | 'timeline' | 'settings' | 'backup';

/** `#authorize` (capture notifications link there) opens the Authorize wizard. */
const AUTHORIZE_HASH = '#authorize';

const TAB_LABELS: Record<Tab, string> = {
  entries: 'Entries',
  authorize: 'Authorize',
  timeline: 'Timeline',
  settings: 'Settings',
  backup: 'Backup',
};

/** Tabs shown in the toolbar popup; the pop-out tab has room for the timeline too. */
const POPUP_TABS: Tab[] = ['entries', 'authorize', 'settings', 'backup'];
const POPOUT_TABS: Tab[] = ['entries', 'authorize', 'timeline', 'settings', 'backup'];

/** The popup and its pop-out tab: first run, locked, or the unlocked vault. */
export function App({ popout }: { popout: boolean }) {
  const [status, setStatus] = useState<VaultStatus>();
  const [link, setLink] = useState(() => parseDeepLink(location.hash));
  const [tab, setTab] = useState<Tab>(
    location.hash === AUTHORIZE_HASH ? 'authorize' : link && 'timeline' in link && popout ? 'timeline' : 'entries',
  );
  const [error, setError] = useState('');
  const tabs = popout ? POPOUT_TABS : POPUP_TABS;

  const refreshStatus = () =>
    send('vault.status', {}).then((next) => {
      // The vault locked itself (idle) since the draft was typed: a locked vault keeps nothing secret readable.
      if (next.exists && !next.unlocked) void drafts.discardAll();
      setStatus(next);
    }, (e: Error) => setError(e.message));
  useEffect(() => {
    prefetchListing();
    void refreshStatus();
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
  const popOut = (hash = location.hash) => {
    window.open(`${location.pathname}?popout=1${hash}`);
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
      {status?.exists && !status.unlocked && <Unlock status={status} onUnlocked={setStatus} />}
      {status?.unlocked && (
        <>
          <nav class="tabs" role="tablist" aria-label="Sections" onKeyDown={onTabKey}>
            {tabs.map((name) => (
              <button
                type="button"
                role="tab"
                id={`tab-${name}`}
                aria-controls="tab-panel"
                aria-selected={tab === name}
                tabIndex={tab === name ? 0 : -1}
                onClick={() => setTab(name)}
              >
                {TAB_LABELS[name]}
              </button>
            ))}
          </nav>
          <div role="tabpanel" id="tab-panel" aria-labelledby={`tab-${tab}`}>
            {tab === 'entries' && (
              <Entries openEntry={link && 'entryId' in link ? link : undefined} onLocked={refreshStatus} />
            )}
            {tab === 'timeline' && <Timeline onLocked={refreshStatus} />}
            {tab === 'authorize' && <Authorize />}
            {tab === 'settings' && <Settings />}
            {tab === 'backup' && <Backup />}
          </div>
        </>
      )}
    </main>
  );
}
