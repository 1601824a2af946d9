import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { codeMsLeft, PENDING_TTL_MS, validateResultUrl, type ResultUrlCheck } from '../../amazon/redirect';
import { formatMsLeft } from '../format';
import { formatTime } from '../../../platform/dates';
import type { Capture, Pending } from '../model';
import { pendingStatus } from '../pending';
import type { CaptureSettings } from '../settings';
import { RequestError, send } from '../../../platform/client';
import { CopyButton } from '../../../components/CopyButton';
import { KIND_LABELS, REGION_LABELS } from './messages';

interface Props {
  pending: Pending;
  capture?: Capture;
  settings: CaptureSettings;
  incognitoAllowed: boolean;
  now: number;
  onChanged: () => void;
}

type Note = { kind: 'error' | 'success' | 'info'; text: string };

/** One authorization in progress: open sign-in, watch for the redirect, then copy, validate, save. */
export function FlowCard({ pending, capture, settings, incognitoAllowed, now, onChanged }: Props) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const status = pendingStatus(pending);
  const [resultUrl, setResultUrl] = useState(capture?.url ?? '');
  const filledFrom = useRef(capture?.url);
  const [check, setCheck] = useState<ResultUrlCheck>();
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);

  // Fill the field when a capture arrives (live), unless the user typed something else meanwhile; empty it when
  // the capture is dropped (the incognito session it came from ended).
  useEffect(() => {
    const url = capture?.url;
    if (url === filledFrom.current) return;
    setResultUrl((current) => (current.trim() === '' || current === filledFrom.current ? (url ?? '') : current));
    filledFrom.current = url;
    setCheck(undefined);
  }, [capture?.url]);

  const run = async (action: () => Promise<Note | void>) => {
    setBusy(true);
    setNote(undefined);
    try {
      const result = await action();
      if (result) setNote(result);
      onChanged();
    } catch (e) {
      setNote({ kind: 'error', text: e instanceof RequestError ? e.message : 'That did not work. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  const capturedAt = capture && capture.url === resultUrl.trim() ? capture.capturedAt : undefined;
  const msLeft = capture ? codeMsLeft(capture.capturedAt, now) : 0;
  const validate = () => {
    const result = validateResultUrl(resultUrl, {
      ...(pending.state === undefined ? {} : { expectedState: pending.state }),
      ...(capturedAt === undefined ? {} : { capturedAt }),
      now: Date.now(),
    });
    setCheck(result);
    return result;
  };
  const save = () =>
    run(async () => {
      if (!validate().ok) return;
      const { meta } = await send('authorize.save', { pendingId: pending.id, resultUrl });
      return { kind: 'success', text: `Saved to ${meta.alias}: Result URL, selling partner id and authorized-at (the 365-day renewal clock starts now).` };
    });

  const title = `${pending.draft.alias}`;
  return (
    <article class="flow" aria-labelledby={id('title')}>
      <h3 id={id('title')}>
        {title} <span class="entry-sub">{KIND_LABELS[pending.draft.kind]} · {REGION_LABELS[pending.draft.region]} · {pending.draft.environment}</span>
      </h3>

      {status === 'waiting' && (
        <div role="status">
          <p>
            {pending.openedAt
              ? 'Waiting for Amazon’s redirect: sign in, check the app, and click Confirm.'
              : 'Open sign-in, sign in to ' + KIND_LABELS[pending.draft.kind] + ', and click Confirm. LWA Vault captures the URL Amazon sends you to.'}
          </p>
          <p class="field-hint">Stops waiting at {formatTime(pending.startedAt + PENDING_TTL_MS)} (30 minutes after you started).</p>
          {pending.state === undefined && (
            <p class="field-warning">This consent URL has no state, so the redirect cannot be verified against it.</p>
          )}
          {pending.loginHop && (
            <p class="field-hint">
              Amazon sent you to the app's sign-in page ({pending.loginHop.host}). Sign in there; LWA Vault keeps waiting for the final redirect.
            </p>
          )}
          {pending.tabClosedAt !== undefined && (
            <p class="alert info">The sign-in tab was closed before Amazon redirected. If you did not finish, open sign-in again.</p>
          )}
        </div>
      )}
      {status === 'expired' && (
        <p class="alert error" role="alert">
          No redirect came back within 30 minutes, so LWA Vault stopped waiting. If you clicked Cancel on Amazon's page or closed it, that is
          expected: start again when you are ready.
        </p>
      )}

      {(status === 'waiting' || status === 'expired') && (
        <div class="form-actions">
          {status === 'waiting' && (
            <>
              <button
                type="button"
                class="primary"
                disabled={busy}
                onClick={() => run(async () => void (await send('authorize.open', { pendingId: pending.id, incognito: settings.preferIncognito && incognitoAllowed })))}
              >
                {pending.openedAt ? 'Open sign-in again' : 'Open sign-in'}
              </button>
              {incognitoAllowed && !settings.preferIncognito && (
                <button type="button" disabled={busy} onClick={() => run(async () => void (await send('authorize.open', { pendingId: pending.id, incognito: true })))}>
                  Open in incognito
                </button>
              )}
              <CopyButton text={pending.consentUrl} label="OAuth Request URL" />
            </>
          )}
          <button type="button" disabled={busy} onClick={() => run(async () => void (await send('authorize.cancel', { pendingId: pending.id })))}>
            {status === 'expired' ? 'Remove' : 'Cancel'}
          </button>
        </div>
      )}

      <label for={id('result')}>Result URL</label>
      <textarea
        id={id('result')}
        class="mono"
        value={resultUrl}
        spellcheck={false}
        readOnly={status === 'saved'}
        placeholder="Filled in when Amazon redirects you — or paste it here"
        aria-describedby={id('result-hint')}
        aria-invalid={check && !check.ok ? true : undefined}
        onInput={(e) => {
          setResultUrl(e.currentTarget.value);
          setCheck(undefined);
        }}
      />
      <div id={id('result-hint')} aria-live="polite">
        {capture && capturedAt !== undefined && (
          <p class={msLeft > 0 ? 'field-hint' : 'field-error'}>
            {msLeft > 0 ? (
              <>
                Captured at {formatTime(capture.capturedAt)} · code valid for <strong class="code-left">{formatMsLeft(msLeft)}</strong>
                {capture.verified ? ' · state verified' : ''}
              </>
            ) : (
              'The code in this Result URL is more than 5 minutes old: Amazon will refuse it. Start again for a fresh one.'
            )}
          </p>
        )}
        {resultUrl.trim() !== '' && capturedAt === undefined && status !== 'saved' && (
          <p class="field-hint">Pasted by hand: LWA Vault cannot tell how old its code is (codes live 5 minutes).</p>
        )}
        {check && !check.ok && (
          <div class="field-error" role="alert">
            {check.problems.map((p) => (
              <p>{p.message}</p>
            ))}
          </div>
        )}
        {check?.ok && (
          <p class="alert success" role="status">
            Valid: it has a code{check.capture?.sellingPartnerId ? `, selling partner id ${check.capture.sellingPartnerId}` : ''}
            {pending.state !== undefined ? ', and the state of the authorization you started' : ''}
            {check.msLeft ? `; the code is good for ${formatMsLeft(check.msLeft)}.` : '.'}
          </p>
        )}
      </div>
      <div class="form-actions">
        <CopyButton text={resultUrl.trim()} label="Result URL" />
        <button type="button" disabled={!resultUrl.trim()} onClick={validate}>
          Validate
        </button>
        {status !== 'saved' && (
          <button type="button" class="primary" disabled={busy || !resultUrl.trim()} onClick={save}>
            Save to vault
          </button>
        )}
      </div>
      {note && (
        <p class={`alert ${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
      {status === 'saved' && (
        <>
          <p class="alert success" role="status">
            Saved to the vault {pending.savedAt ? `at ${formatTime(pending.savedAt)}` : ''}.
          </p>
          {settings.tokenExchange && <Exchange pending={pending} msLeft={msLeft} onChanged={onChanged} />}
          <div class="form-actions">
            <button type="button" onClick={() => run(async () => void (await send('authorize.cancel', { pendingId: pending.id })))}>
              Done
            </button>
          </div>
        </>
      )}
    </article>
  );
}

/** Optional: trade the code for a refresh token. Asks for host access from this click when needed. */
function Exchange({ pending, msLeft, onChanged }: { pending: Pending; msLeft: number; onChanged: () => void }) {
  const uid = useId();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [askCredentials, setAskCredentials] = useState(false);
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);

  const exchange = async () => {
    setBusy(true);
    setNote({ kind: 'info', text: 'Exchanging the code…' });
    try {
      const credentials = { ...(clientId.trim() ? { clientId } : {}), ...(clientSecret.trim() ? { clientSecret } : {}) };
      let reply = await send('authorize.exchange', { pendingId: pending.id, ...credentials });
      if (reply.problem === 'no-access' && reply.permission) {
        // Host access is asked for only now, from this click; a server that answers CORS works without it.
        setNote({ kind: 'info', text: 'Allow LWA Vault to contact the token endpoint in the browser’s prompt.' });
        let granted = false;
        try {
          granted = await browser.permissions.request({ origins: [reply.permission] });
        } catch {
          reply = { exchanged: false, message: 'The browser did not show its permission prompt. Click Exchange again.' };
        }
        if (granted) reply = await send('authorize.exchange', { pendingId: pending.id, ...credentials });
      }
      if (reply.problem === 'no-credentials') setAskCredentials(true);
      setNote({ kind: reply.exchanged ? 'success' : 'error', text: reply.message });
      if (reply.exchanged) {
        setClientSecret('');
        onChanged();
      }
    } catch (e) {
      setNote({ kind: 'error', text: e instanceof RequestError ? e.message : 'The exchange did not work. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  if (pending.exchangedAt !== undefined) return <p class="alert success">Refresh token saved to {pending.draft.alias}.</p>;
  return (
    <fieldset>
      <legend>Refresh token (optional)</legend>
      <p class="field-hint">Trades the code for a refresh token with the entry's LWA client id and secret, and saves it to the entry.</p>
      {askCredentials && (
        <>
          <label for={`${uid}-cid`}>LWA client id</label>
          <input id={`${uid}-cid`} class="mono" value={clientId} spellcheck={false} onInput={(e) => setClientId(e.currentTarget.value)} />
          <label for={`${uid}-cs`}>Client secret</label>
          <input
            id={`${uid}-cs`}
            class="mono"
            type="password"
            autoComplete="off"
            value={clientSecret}
            onInput={(e) => setClientSecret(e.currentTarget.value)}
          />
        </>
      )}
      <div class="form-actions">
        <button type="button" disabled={busy || msLeft === 0} onClick={exchange}>
          Exchange for refresh token
        </button>
      </div>
      {msLeft === 0 && <p class="field-hint">The code has expired: authorize again to exchange a fresh one.</p>}
      {note && (
        <p class={`alert ${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
    </fieldset>
  );
}
