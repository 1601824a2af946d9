import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { codeMsLeft } from '../../amazon/redirect';
import { formatMsLeft } from '../format';
import { formatTime } from '../../../platform/dates';
import type { Capture, Pending } from '../model';
import type { CaptureSettings } from '../settings';
import { RequestError, send } from '../../../platform/client';
import { FlowCard } from './FlowCard';
import { UNVERIFIED_MESSAGES } from './messages';
import { StartForm } from './StartForm';
import { useCaptureState } from './useCaptureState';
import { CopyButton } from '../../../components/CopyButton';
import { useNow } from '../../../components/useNow';
import { FeedbackMessage } from '../../../components/FeedbackMessage';
import type { Feedback } from '../../../components/useSubmission';

/**
 * The Authorize wizard (issue #4): start an authorization, let the background capture Amazon's redirect,
 * then copy, validate and save the Result URL. Works the same in the popup and the pop-out tab.
 */
export function Authorize() {
  const { view, error, refresh } = useCaptureState();
  const now = useNow(1000);
  const [incognitoAllowed, setIncognitoAllowed] = useState(false);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    browser.extension.isAllowedIncognitoAccess().then(setIncognitoAllowed, () => setIncognitoAllowed(false));
  }, []);

  if (error && !view) return <p class="alert error" role="alert">{error}</p>;
  if (!view) return <p class="muted">Loading…</p>;

  const flows = [...view.pending].sort((a, b) => b.startedAt - a.startedAt);
  const unverified = view.captures.filter((c) => !c.verified && c.pendingId === undefined).sort((a, b) => b.capturedAt - a.capturedAt);
  const stateless = view.pending.filter((p) => p.state === undefined && p.captureId === undefined && p.expiredAt === undefined);
  const showForm = flows.length === 0 || starting;

  return (
    <section aria-label="Authorize an app" class="authorize">
      {showForm ? (
        <StartForm
          onStarted={() => {
            setStarting(false);
            void refresh();
          }}
        />
      ) : (
        <div class="list-head">
          <h2>Authorizations</h2>
          <button type="button" onClick={() => setStarting(true)}>
            Start another
          </button>
        </div>
      )}
      {unverified.map((c) => (
        <UnverifiedCapture capture={c} now={now} stateless={stateless} onChanged={refresh} />
      ))}
      {flows.map((p) => (
        <FlowCard
          key={p.id}
          pending={p}
          capture={view.captures.find((c) => c.id === p.captureId)}
          settings={view.settings}
          incognitoAllowed={incognitoAllowed}
          now={now}
          onChanged={refresh}
        />
      ))}
      <Options settings={view.settings} incognitoAllowed={incognitoAllowed} onChanged={refresh} />
    </section>
  );
}

/** A redirect nobody can vouch for: shown with its warning, never attached without the user's click. */
function UnverifiedCapture({ capture, now, stateless, onChanged }: { capture: Capture; now: number; stateless: Pending[]; onChanged: () => void }) {
  const uid = useId();
  const [error, setError] = useState('');
  const msLeft = codeMsLeft(capture.capturedAt, now);
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      onChanged();
    } catch (e) {
      setError(e instanceof RequestError ? e.message : 'That did not work.');
    }
  };
  let host = '';
  try {
    host = new URL(capture.url).host;
  } catch {
    /* stored URLs always parse */
  }
  return (
    <article class="flow unverified" aria-labelledby={`${uid}-t`}>
      <h3 id={`${uid}-t`}>Unverified Result URL</h3>
      <p class="field-warning" role="alert">
        {capture.reason ? UNVERIFIED_MESSAGES[capture.reason] : UNVERIFIED_MESSAGES['no-pending']}
      </p>
      <p class="field-hint">
        Captured at {formatTime(capture.capturedAt)} from {host} ·{' '}
        {msLeft > 0 ? <>code valid for <strong>{formatMsLeft(msLeft)}</strong></> : 'code expired'}
      </p>
      <label for={`${uid}-url`}>Captured URL</label>
      <textarea id={`${uid}-url`} class="mono" readOnly value={capture.url} />
      {error && <p class="alert error" role="alert">{error}</p>}
      <div class="form-actions">
        <CopyButton text={capture.url} label="unverified Result URL" />
        {capture.reason === 'pending-without-state' &&
          stateless.map((p) => (
            <button type="button" onClick={() => act(() => send('authorize.attach', { captureId: capture.id, pendingId: p.id }))}>
              Use for {p.draft.alias}
            </button>
          ))}
        <button type="button" onClick={() => act(() => send('authorize.dismiss', { captureId: capture.id }))}>
          Dismiss
        </button>
      </div>
    </article>
  );
}

function Options({ settings, incognitoAllowed, onChanged }: { settings: CaptureSettings; incognitoAllowed: boolean; onChanged: () => void }) {
  const uid = useId();
  const [endpoint, setEndpoint] = useState(settings.tokenEndpoint);
  const [message, setMessage] = useState<Feedback>();
  // Shown at once on click; the background's answer (or refusal) follows.
  const [shown, setShown] = useState(settings);
  useEffect(() => setShown(settings), [settings]);
  const update = async (patch: Partial<CaptureSettings>) => {
    if (patch.tokenEndpoint === undefined) setShown({ ...shown, ...patch });
    try {
      await send('authorize.settings', patch);
      setMessage({ kind: 'success', text: 'Saved.' });
      onChanged();
    } catch (e) {
      setShown(settings);
      setMessage({ kind: 'error', text: e instanceof RequestError ? e.message : 'Not saved.' });
    }
  };
  return (
    <details class="options">
      <summary>Options</summary>
      <label class="checkbox">
        <input type="checkbox" checked={shown.tokenExchange} onChange={(e) => update({ tokenExchange: e.currentTarget.checked })} /> Offer to
        exchange the code for a refresh token
      </label>
      {shown.tokenExchange && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void update({ tokenEndpoint: endpoint });
          }}
        >
          <label for={`${uid}-endpoint`}>LWA token endpoint</label>
          <div class="input-row">
            <input id={`${uid}-endpoint`} class="mono" value={endpoint} spellcheck={false} onInput={(e) => setEndpoint(e.currentTarget.value)} />
            <button type="submit">Save endpoint</button>
          </div>
          <p class="field-hint">LWA Vault asks for access to this host the first time you exchange a code.</p>
        </form>
      )}
      <label class="checkbox">
        <input
          type="checkbox"
          checked={shown.preferIncognito}
          disabled={!incognitoAllowed}
          onChange={(e) => update({ preferIncognito: e.currentTarget.checked })}
        />{' '}
        Open sign-in in an incognito window (as Cleo recommends)
      </label>
      <label class="checkbox">
        <input type="checkbox" checked={shown.dailyCheck} onChange={(e) => update({ dailyCheck: e.currentTarget.checked })} /> Check every entry's
        credentials once a day while the vault is unlocked
      </label>
      {!incognitoAllowed && (
        <p class="field-hint">To use incognito, allow LWA Vault in incognito on the browser's extension details page.</p>
      )}
      <FeedbackMessage message={message} />
    </details>
  );
}
