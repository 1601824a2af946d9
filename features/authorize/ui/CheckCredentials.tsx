import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { consentHostFor, marketplaceByCode } from '../../amazon/hosts';
import type { EntryView } from '../../entries/protocol';
import type { EntryMeta } from '../../vault/schema';
import type { CheckReply } from '../check-service';
import { CHECK_OUTCOMES } from '../check-outcomes';
import { formatAgo } from '../format';
import { RequestError, send } from '../../../platform/client';

type Note = { kind: 'info' | 'success' | 'error'; text: string; next?: 'rotate' | 'renew' };

/** Developer Central on the entry's own console (docs/amazon.md §1), where a secret is rotated. */
function developerCentralUrl(meta: EntryMeta): string | undefined {
  const marketplace = meta.marketplace ? marketplaceByCode(meta.marketplace) : undefined;
  const host = marketplace && consentHostFor(marketplace, meta.kind);
  return host ? `https://${host}/sellingpartner/developerconsole` : undefined;
}

/**
 * "Checked 2 h ago: working", the check itself (current or previous secret, optionally one SP-API call) and
 * "Renew authorization" (the Authorize flow into this entry). Host access is asked for from the click.
 */
export function CheckCredentials({ view, now, onChecked }: { view: EntryView; now: number; onChecked: (meta: EntryMeta) => void }) {
  const { meta, secrets } = view;
  const uid = useId();
  const [spApi, setSpApi] = useState(false);
  const [appDraft, setAppDraft] = useState(false);
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);
  const previousRuns = meta.previousSecretExpiresAt !== undefined && meta.previousSecretExpiresAt > now && !!secrets.previousClientSecret;
  const last = meta.credentialCheck;

  const check = async (secret: 'current' | 'previous') => {
    setBusy(true);
    setNote({ kind: 'info', text: secret === 'previous' ? 'Checking the previous secret…' : 'Checking…' });
    try {
      const request = { entryId: meta.id, secret, spApi: spApi && meta.kind === 'seller' };
      let reply: CheckReply = await send('authorize.check', request);
      if (reply.problem === 'no-access' && reply.permission) {
        setNote({ kind: 'info', text: 'Allow LWA Vault to contact Amazon in the browser’s prompt.' });
        const granted = await browser.permissions.request({ origins: [reply.permission] }).catch(() => false);
        reply = granted
          ? await send('authorize.check', request)
          : { checked: false, message: `Could not reach Amazon: permission refused. ${reply.message}` };
      }
      const outcome = reply.outcome && CHECK_OUTCOMES[reply.outcome];
      const next = outcome?.next === 'rotate' || outcome?.next === 'renew' ? outcome.next : undefined;
      setNote({ kind: reply.outcome === 'working' ? 'success' : 'error', text: reply.message, ...(next ? { next } : {}) });
      if (reply.meta) onChecked(reply.meta);
    } catch (e) {
      setNote({ kind: 'error', text: e instanceof RequestError ? e.message : 'The check did not run. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  const renew = async () => {
    setBusy(true);
    try {
      if (!secrets.applicationId || !meta.marketplace) {
        throw new RequestError('bad-request', `${meta.alias} has no application id or marketplace: add them with Edit, or start from Authorize with the consent URL.`);
      }
      const draft = { alias: meta.alias, kind: meta.kind, environment: meta.environment, region: meta.region, marketplace: meta.marketplace, connector: meta.connector, entryId: meta.id };
      const source = { type: 'build' as const, applicationId: secrets.applicationId, marketplace: meta.marketplace, appDraft, ...(secrets.redirectUri ? { redirectUri: secrets.redirectUri } : {}) };
      const pending = await send('authorize.start', { draft, source });
      await send('authorize.open', { pendingId: pending.id, incognito: false });
      setNote({ kind: 'info', text: `Sign in and confirm on Amazon's page, then save the Result URL under Authorize: it goes into ${meta.alias}.` });
    } catch (e) {
      setNote({ kind: 'error', text: e instanceof RequestError ? e.message : 'The authorization did not start. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  const consoleUrl = developerCentralUrl(meta);
  return (
    <section class="check" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>Credentials</h3>
      <p role="status">
        {last
          ? `Checked ${formatAgo(last.at, now)}: ${CHECK_OUTCOMES[last.outcome].label}${last.secret === 'previous' ? ' (previous secret)' : ''}`
          : 'Not checked yet.'}
      </p>
      {meta.kind === 'seller' && (
        <label class="check-option">
          <input type="checkbox" checked={spApi} onChange={(e) => setSpApi(e.currentTarget.checked)} /> Also make one read-only SP-API call
        </label>
      )}
      <div class="form-actions">
        <button type="button" disabled={busy} onClick={() => void check('current')}>
          Check credentials
        </button>
        {previousRuns && (
          <button type="button" disabled={busy} onClick={() => void check('previous')}>
            Check previous secret
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void renew()}>
          Renew authorization
        </button>
      </div>
      <label class="check-option">
        <input type="checkbox" checked={appDraft} onChange={(e) => setAppDraft(e.currentTarget.checked)} /> The app is a Draft (renew with version=beta)
      </label>
      {note && (
        <p class={`alert ${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'}>
          {note.text}{' '}
          {note.next === 'rotate' && consoleUrl && (
            <a href={consoleUrl} target="_blank" rel="noreferrer">
              Open Developer Central
            </a>
          )}
        </p>
      )}
    </section>
  );
}
