import { useEffect, useState } from 'preact/hooks';
import { send } from '../utils/client';
import type { VaultStatus } from '../utils/messages';
import { CreateVault } from './screens/CreateVault';
import { Entries } from './screens/Entries';
import { Settings } from './screens/Settings';
import { Unlock } from './screens/Unlock';

type Tab = 'entries' | 'settings';

/** The popup and its pop-out tab: first run, locked, or the unlocked vault. */
export function App({ popout }: { popout: boolean }) {
  const [status, setStatus] = useState<VaultStatus>();
  const [tab, setTab] = useState<Tab>('entries');
  const [error, setError] = useState('');

  useEffect(() => {
    send('vault.status', {}).then(setStatus, (e: Error) => setError(e.message));
  }, []);

  const lock = async () => setStatus(await send('vault.lock', {}));

  return (
    <main>
      <header class="bar">
        <h1>
          <img src="/icon/32.png" alt="" /> LWA Vault
        </h1>
        <div class="actions">
          {!popout && (
            <button type="button" onClick={() => window.open(`${location.pathname}?popout=1`)} title="Open LWA Vault in a tab">
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
          <nav class="tabs" role="tablist" aria-label="Sections">
            {(['entries', 'settings'] as const).map((name) => (
              <button type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
                {name === 'entries' ? 'Entries' : 'Settings'}
              </button>
            ))}
          </nav>
          <div role="tabpanel">{tab === 'entries' ? <Entries /> : <Settings />}</div>
        </>
      )}
    </main>
  );
}
