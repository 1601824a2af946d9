import { useEffect, useState } from 'preact/hooks';
import { RequestError, send } from '../../../platform/client';
import type { VaultStatus } from '../protocol';
import type { DueLine } from '../../deadlines/badge';
import { DeriveProgress } from '../../../components/DeriveProgress';
import { PassphraseField } from '../../../components/PassphraseField';

interface Props {
  status: VaultStatus;
  onUnlocked: (status: VaultStatus) => void;
  /** Typed into the locked page's static field before this screen took it over (features/popup/locked-page.ts). */
  typed?: string;
  /** That static screen was already submitted: unlock with `typed` at once. */
  submitTyped?: boolean;
}

/** The locked screen: one passphrase field, progress while the key is derived, a plain error when wrong. */
export function Unlock({ status, onUnlocked, typed = '', submitTyped = false }: Props) {
  const [passphrase, setPassphrase] = useState(typed);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [due, setDue] = useState<{ due: DueLine[]; more: number }>();
  useEffect(() => void send('deadlines.due', {}).then(setDue, () => undefined), []);

  const unlock = async () => {
    if (!passphrase) return setError('Type your passphrase to unlock.');
    setBusy(true);
    setError('');
    try {
      onUnlocked(await send('vault.unlock', { passphrase }));
    } catch (e) {
      setError(e instanceof RequestError ? e.message : 'The vault could not be unlocked.');
      setBusy(false);
    }
  };
  const submit = (event: Event) => {
    event.preventDefault();
    void unlock();
  };
  useEffect(() => void (submitTyped && typed && unlock()), []);

  return (
    <form onSubmit={submit} aria-labelledby="unlock-title">
      {/* `elementtiming`: its paint time is what `npm run bench` reports as the locked screen's. */}
      <h2 id="unlock-title" elementtiming="locked-screen">
        Vault locked
      </h2>
      <PassphraseField label="Passphrase" value={passphrase} onInput={setPassphrase} autoComplete="current-password" autoFocus invalid={!!error} />
      {error && <p class="alert error" role="alert">{error}</p>}
      {busy ? (
        <DeriveProgress expectedMs={status.lastDeriveMs ?? 0} label="Deriving the key…" />
      ) : (
        <div class="form-actions">
          <button type="submit" class="primary">Unlock</button>
        </div>
      )}
      {due && due.due.length > 0 && (
        <section aria-labelledby="locked-due-title">
          <h3 id="locked-due-title">Due</h3>
          <ul class="locked-due">
            {due.due.map((line) => (
              <li key={`${line.alias}\u0000${line.what}`} class={`level-${line.level}`}>
                <span class="level-text">{line.alias}</span> — {line.what}
              </li>
            ))}
            {due.more > 0 && <li>and {due.more} more</li>}
          </ul>
        </section>
      )}
    </form>
  );
}
