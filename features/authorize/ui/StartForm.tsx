import { useEffect, useId, useState } from 'preact/hooks';
import { parseConsentUrl } from '../../amazon/consent';
import { MARKETPLACES, type Kind, type Region } from '../../amazon/hosts';
import { checkApplicationId, checkRedirectUri } from '../../amazon/identifiers';
import type { EntryDraft } from '../model';
import { RequestError, send } from '../../../platform/client';
import type { EntryMeta } from '../../vault/schema';
import { CONNECTOR_LABELS, KIND_LABELS, REGION_LABELS } from './messages';

type Mode = 'url' | 'build';

/**
 * Starts an authorization, shaped like Cleo's vault wizard (alias, environment, connector, region): from a
 * pasted OAuth Request URL (its state is remembered), or built from an application id with a fresh state.
 */
export function StartForm({ onStarted }: { onStarted: () => void }) {
  const uid = useId();
  const [entries, setEntries] = useState<EntryMeta[]>([]);
  const [entryId, setEntryId] = useState('');
  const [alias, setAlias] = useState('');
  const [environment, setEnvironment] = useState<EntryDraft['environment']>('production');
  const [connector, setConnector] = useState<EntryDraft['connector']>('cleo-amp');
  const [mode, setMode] = useState<Mode>('url');
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState<Kind>('seller');
  const [region, setRegion] = useState<Region>('NA');
  const [marketplace, setMarketplace] = useState('US');
  const [applicationId, setApplicationId] = useState('');
  const [appDraft, setAppDraft] = useState(false);
  const [redirectUri, setRedirectUri] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    send('entries.list', {}).then((r) => setEntries(r.entries), () => setEntries([]));
  }, []);

  const chooseEntry = (id: string) => {
    setEntryId(id);
    const entry = entries.find((e) => e.id === id);
    if (!entry) return;
    setAlias(entry.alias);
    setEnvironment(entry.environment);
    setConnector(entry.connector);
    setKind(entry.kind);
    setRegion(entry.region);
    if (entry.marketplace) setMarketplace(entry.marketplace);
  };

  const parsed = url.trim() ? parseConsentUrl(url) : undefined;
  const marketplaces = MARKETPLACES.filter((m) => m.region === region);
  const appIdCheck = applicationId.trim() ? checkApplicationId(applicationId) : undefined;
  const redirectCheck = redirectUri.trim() ? checkRedirectUri(redirectUri) : undefined;
  const aliasError = touched && !alias.trim() ? 'Give the entry a name, such as "Cleo US seller".' : '';

  const submit = async (event: Event) => {
    event.preventDefault();
    setTouched(true);
    setError('');
    if (!alias.trim()) return;
    if (mode === 'url' && (!parsed || !parsed.ok)) return setError(parsed && !parsed.ok ? parsed.message : 'Paste the OAuth Request URL first.');
    if (mode === 'build' && (!appIdCheck || !appIdCheck.ok)) return setError(appIdCheck && !appIdCheck.ok ? appIdCheck.message : 'Enter the application id.');
    if (mode === 'build' && redirectCheck && !redirectCheck.ok) return setError(redirectCheck.message);
    const draft: EntryDraft = {
      alias: alias.trim(),
      kind: mode === 'url' && parsed?.ok ? parsed.kind : kind,
      environment,
      region: mode === 'url' && parsed?.ok ? parsed.region : region,
      connector,
      ...(mode === 'build' ? { marketplace } : {}),
      ...(entryId ? { entryId } : {}),
    };
    const source =
      mode === 'url'
        ? ({ type: 'url', url } as const)
        : ({ type: 'build', applicationId, marketplace, appDraft, ...(redirectUri.trim() ? { redirectUri } : {}) } as const);
    setBusy(true);
    try {
      await send('authorize.start', { draft, source });
      setUrl('');
      setApplicationId('');
      setTouched(false);
      onStarted();
    } catch (e) {
      setError(e instanceof RequestError ? e.message : 'The authorization could not be started.');
    } finally {
      setBusy(false);
    }
  };

  const id = (name: string) => `${uid}-${name}`;
  return (
    <form class="editor" onSubmit={submit} aria-labelledby={id('title')} noValidate>
      <h2 id={id('title')}>Authorize an app</h2>
      <p class="field-hint">
        LWA Vault opens Amazon's consent page, waits for the redirect after you click Confirm, and fills the Result URL for you.
      </p>
      <label for={id('entry')}>Save into</label>
      <select id={id('entry')} value={entryId} onChange={(e) => chooseEntry(e.currentTarget.value)}>
        <option value="">A new vault entry</option>
        {entries.map((e) => (
          <option value={e.id}>{e.alias}</option>
        ))}
      </select>
      <label for={id('alias')}>Entry name</label>
      <input
        id={id('alias')}
        value={alias}
        maxLength={200}
        disabled={!!entryId}
        aria-invalid={aliasError ? true : undefined}
        aria-describedby={aliasError ? id('alias-error') : undefined}
        onInput={(e) => setAlias(e.currentTarget.value)}
      />
      {aliasError && <p id={id('alias-error')} class="field-error">{aliasError}</p>}
      <div class="two-columns">
        <div>
          <label for={id('env')}>Environment</label>
          <select id={id('env')} value={environment} onChange={(e) => setEnvironment(e.currentTarget.value as EntryDraft['environment'])}>
            <option value="production">Production</option>
            <option value="sandbox">Sandbox</option>
          </select>
        </div>
        <div>
          <label for={id('connector')}>Connector</label>
          <select id={id('connector')} value={connector} onChange={(e) => setConnector(e.currentTarget.value as EntryDraft['connector'])}>
            {Object.entries(CONNECTOR_LABELS).map(([value, label]) => (
              <option value={value}>{label}</option>
            ))}
          </select>
        </div>
      </div>

      <fieldset>
        <legend>Start from</legend>
        <div class="radio-row">
          <label class="checkbox">
            <input type="radio" name={id('mode')} checked={mode === 'url'} onChange={() => setMode('url')} /> Paste a URL
          </label>
          <label class="checkbox">
            <input type="radio" name={id('mode')} checked={mode === 'build'} onChange={() => setMode('build')} /> Build from an app id
          </label>
        </div>
        {mode === 'url' ? (
          <>
            <label for={id('url')}>OAuth Request URL</label>
            <textarea
              id={id('url')}
              class="mono"
              value={url}
              spellcheck={false}
              placeholder="https://sellercentral.amazon.com/apps/authorize/consent?application_id=…"
              aria-invalid={parsed && !parsed.ok ? true : undefined}
              aria-describedby={id('url-hint')}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
            <div id={id('url-hint')} aria-live="polite">
              {!parsed && <p class="field-hint">The URL Cleo shows after "Switch Mode", or any Seller/Vendor Central consent URL.</p>}
              {parsed && !parsed.ok && <p class="field-error">{parsed.message}</p>}
              {parsed?.ok && (
                <p class="field-hint">
                  {KIND_LABELS[parsed.kind]} · {REGION_LABELS[parsed.region]} ({parsed.host}){parsed.draft ? ' · draft app (version=beta)' : ''}
                  {parsed.state ? ' · its state will be checked against the redirect.' : ''}
                </p>
              )}
              {parsed?.ok && parsed.warnings.map((w) => <p class="field-warning">{w}</p>)}
            </div>
          </>
        ) : (
          <>
            <div class="two-columns">
              <div>
                <label for={id('kind')}>Kind</label>
                <select id={id('kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
                  <option value="seller">Seller</option>
                  <option value="vendor">Vendor</option>
                </select>
              </div>
              <div>
                <label for={id('region')}>Selling region</label>
                <select
                  id={id('region')}
                  value={region}
                  onChange={(e) => {
                    const next = e.currentTarget.value as Region;
                    setRegion(next);
                    setMarketplace(MARKETPLACES.find((m) => m.region === next)?.code ?? 'US');
                  }}
                >
                  {Object.entries(REGION_LABELS).map(([value, label]) => (
                    <option value={value}>{label}</option>
                  ))}
                </select>
              </div>
            </div>
            <label for={id('marketplace')}>Marketplace you sign in to</label>
            <select id={id('marketplace')} value={marketplace} onChange={(e) => setMarketplace(e.currentTarget.value)}>
              {marketplaces.map((m) => (
                <option value={m.code}>{m.name}</option>
              ))}
            </select>
            <label for={id('app')}>Application id</label>
            <input
              id={id('app')}
              class="mono"
              value={applicationId}
              spellcheck={false}
              placeholder="amzn1.sp.solution.…"
              aria-invalid={appIdCheck && !appIdCheck.ok ? true : undefined}
              aria-describedby={id('app-hint')}
              onInput={(e) => setApplicationId(e.currentTarget.value)}
            />
            <p id={id('app-hint')} class={appIdCheck && !appIdCheck.ok ? 'field-error' : 'field-hint'}>
              {appIdCheck && !appIdCheck.ok ? appIdCheck.message : 'From Developer Central (not the LWA client id).'}
            </p>
            <label class="checkbox">
              <input type="checkbox" checked={appDraft} onChange={(e) => setAppDraft(e.currentTarget.checked)} /> The app is still a draft
              (adds version=beta)
            </label>
            <label for={id('redirect')}>Redirect URI (optional)</label>
            <input
              id={id('redirect')}
              class="mono"
              value={redirectUri}
              spellcheck={false}
              aria-invalid={redirectCheck && !redirectCheck.ok ? true : undefined}
              aria-describedby={id('redirect-hint')}
              onInput={(e) => setRedirectUri(e.currentTarget.value)}
            />
            <p id={id('redirect-hint')} class={redirectCheck && !redirectCheck.ok ? 'field-error' : 'field-hint'}>
              {redirectCheck && !redirectCheck.ok ? redirectCheck.message : "Leave empty to use the app's first registered redirect URI."}
            </p>
          </>
        )}
      </fieldset>
      {error && <p class="alert error" role="alert">{error}</p>}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Starting…' : 'Start authorization'}
        </button>
      </div>
    </form>
  );
}
