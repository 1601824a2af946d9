import { runtimeTimeZone } from '../../../platform/dates';
import { useState } from 'preact/hooks';
import { checkClientSecret, CLIENT_SECRET_RULE, normalizePasted } from '../../amazon/identifiers';
import { parseCredentialBlock } from '../../amazon/paste';
import { RequestError, send } from '../../../platform/client';
import type { EntryMeta } from '../../vault/schema';
import { Dialog } from '../../../components/Dialog';
import { Working } from '../../../components/Working';
import { startOfDateInput } from './dates';

interface Props {
  meta: EntryMeta;
  onClose: () => void;
  onRotated: (meta: EntryMeta) => void;
}

/**
 * "I rotated this secret": takes the new secret from Developer Central. The background keeps the old one as
 * the previous secret for its last 7 days and starts a new 180-day clock.
 */
export function RotateDialog({ meta, onClose, onRotated }: Props) {
  const [secret, setSecret] = useState('');
  const [shown, setShown] = useState(false);
  const [expiresOn, setExpiresOn] = useState('');
  const [saveAnyway, setSaveAnyway] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const check = checkClientSecret(secret);
  const problem = submitted || secret !== '' ? (check.ok ? undefined : check) : undefined;
  const blocked = !check.ok && !(check.legacy && saveAnyway);

  const paste = (event: ClipboardEvent) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const block = parseCredentialBlock(text);
    if (block.clientSecret === undefined) {
      if (normalizePasted(text) !== text) {
        event.preventDefault();
        setSecret(normalizePasted(text));
      }
      return;
    }
    event.preventDefault();
    setSecret(block.clientSecret);
    if (block.clientId && meta.clientId && block.clientId !== meta.clientId) {
      setNote('The pasted text names another client id than this entry’s. Check you copied the right app’s secret.');
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    if (blocked) return document.getElementById('rotate-secret')?.focus();
    setBusy(true);
    setError('');
    try {
      const statedExpiresAt = expiresOn ? startOfDateInput(expiresOn, runtimeTimeZone()) : undefined;
      const reply = await send('entries.rotate', {
        id: meta.id,
        newSecret: normalizePasted(secret),
        ...(statedExpiresAt !== undefined ? { statedExpiresAt } : {}),
      });
      onRotated(reply.meta);
    } catch (e) {
      setBusy(false);
      setError(e instanceof RequestError ? e.message : 'The new secret was not saved. Try again.');
    }
  };

  const inputProps = {
    id: 'rotate-secret',
    value: secret,
    class: 'mono',
    autoComplete: 'off',
    spellcheck: false,
    autoFocus: true,
    'aria-invalid': problem && !(problem.legacy && saveAnyway) ? true : undefined,
    'aria-describedby': problem ? 'rotate-secret-problem rotate-secret-hint' : 'rotate-secret-hint',
    onPaste: paste,
    onInput: (e: Event) => setSecret((e.currentTarget as HTMLInputElement).value),
  };

  return (
    <Dialog title="I rotated this secret" onClose={onClose}>
      <form onSubmit={submit}>
        <p class="muted">
          Paste the new client secret Developer Central showed for {meta.alias}. The current one is kept as the previous
          secret: Amazon lets it work for 7 more days.
        </p>
        <label for="rotate-secret">New client secret</label>
        <div class="input-row">
          {shown ? <input {...inputProps} type="text" /> : <input {...inputProps} type="password" />}
          <button type="button" aria-pressed={shown} aria-label={`${shown ? 'Hide' : 'Show'} new client secret`} onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
          </button>
        </div>
        {problem && !problem.ok && (
          <div id="rotate-secret-problem" class={problem.legacy && saveAnyway ? 'field-warning' : 'field-error'}>
            <p>{problem.message}</p>
            {problem.legacy && (
              <label class="checkbox">
                <input type="checkbox" checked={saveAnyway} onChange={(e) => setSaveAnyway(e.currentTarget.checked)} />
                Save anyway: I copied it exactly as Amazon showed it
              </label>
            )}
          </div>
        )}
        <p id="rotate-secret-hint" class="field-hint">
          {CLIENT_SECRET_RULE}
        </p>
        {note && <p class="alert info">{note}</p>}
        <label for="rotate-expires">Expiry date Amazon shows (optional)</label>
        <input id="rotate-expires" type="date" value={expiresOn} onInput={(e) => setExpiresOn(e.currentTarget.value)} aria-describedby="rotate-expires-hint" />
        <p id="rotate-expires-hint" class="field-hint">
          Leave empty to count 180 days from now.
        </p>
        {error && (
          <p class="alert error" role="alert">
            {error}
          </p>
        )}
        {busy ? (
          <Working label="Saving the new secret…" />
        ) : (
          <div class="form-actions">
            <button type="submit" class="primary">
              Save new secret
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        )}
      </form>
    </Dialog>
  );
}
