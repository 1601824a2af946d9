import { useState } from 'preact/hooks';
import { RequestError, send } from '../../../platform/client';
import type { VaultStatus } from '../protocol';
import { assessPassphrase, MIN_PASSPHRASE_LENGTH } from '../passphrase';
import { DeriveProgress } from '../../../components/DeriveProgress';
import { PassphraseField } from '../../../components/PassphraseField';

const METER_COLORS = ['var(--danger)', 'var(--urgent)', 'var(--soon)', 'var(--notice)', 'var(--ok)'];

/** First run: explains what the vault is for and creates it with a passphrase typed twice. */
export function CreateVault({ onCreated }: { onCreated: (status: VaultStatus) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const strength = assessPassphrase(passphrase);
  const mismatch = repeat.length > 0 && repeat !== passphrase;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!strength.ok) return setError(strength.hint);
    if (passphrase !== repeat) return setError('The two passphrases differ. Type the same passphrase twice.');
    setBusy(true);
    setError('');
    try {
      onCreated(await send('vault.create', { passphrase }));
    } catch (e) {
      setError(e instanceof RequestError ? e.message : 'The vault could not be created.');
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">Create your vault</h2>
      <p class="muted">
        LWA Vault keeps your Amazon SP-API client secrets, refresh tokens and Result URLs encrypted on this computer.
        Choose a passphrase of at least {MIN_PASSPHRASE_LENGTH} characters — a few unrelated words work well. It cannot be
        recovered if you forget it.
      </p>
      <PassphraseField label="Passphrase" value={passphrase} onInput={setPassphrase} autoComplete="new-password" autoFocus describedBy="strength-hint" />
      <div class="meter" aria-hidden="true">
        <span style={{ width: `${passphrase ? (strength.score + 1) * 20 : 0}%`, background: METER_COLORS[strength.score] }} />
      </div>
      <p id="strength-hint" class="field-hint" aria-live="polite">
        {passphrase ? strength.hint : `At least ${MIN_PASSPHRASE_LENGTH} characters.`}
      </p>
      <PassphraseField label="Repeat passphrase" value={repeat} onInput={setRepeat} autoComplete="new-password" invalid={mismatch} describedBy={mismatch ? 'repeat-error' : undefined} />
      {mismatch && <p id="repeat-error" class="field-error">The passphrases differ.</p>}
      {error && <p class="alert error" role="alert">{error}</p>}
      {busy ? (
        <DeriveProgress expectedMs={0} label="Creating the vault and deriving its key…" />
      ) : (
        <div class="form-actions">
          <button type="submit" class="primary" disabled={!strength.ok || passphrase !== repeat}>Create vault</button>
        </div>
      )}
    </form>
  );
}
