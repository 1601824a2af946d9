import { useEffect, useRef, useState } from 'preact/hooks';
import { marketplaceByCode } from '../../amazon/hosts';
import { RequestError, send } from '../../../platform/client';
import { formatDate } from '../../../platform/dates';
import { describeCountdown } from '../../deadlines/countdown';
import type { EntryView } from '../protocol';
import type { EntryMeta, VaultEvent } from '../../vault/schema';
import { inSentence, SecretField } from '../../../components/SecretField';
import { useNow } from '../../../components/useNow';
import { CheckCredentials } from '../../authorize/ui/CheckCredentials';
import { DeadlineList } from '../../deadlines/ui/DeadlineList';
import { DeleteDialog } from './DeleteDialog';
import { EventLog } from './EventLog';
import { CONNECTOR_LABELS, ENVIRONMENT_LABELS, KIND_LABELS, REGION_LABELS } from './form';
import { RotateDialog } from './RotateDialog';

interface Props {
  id: string;
  /** Its metadata from the list, shown at once while the secrets are decrypted. */
  listed?: EntryMeta;
  onBack: () => void;
  /** `focus`: the field the editor opens at (the secret's date when it is unknown). */
  onEdit: (view: EntryView, focus?: 'secretExpiresOn') => void;
  onDeleted: (id: string) => void;
  onChanged: (meta: EntryMeta) => void;
  /** The entry cannot be decrypted; the list marks it. */
  onDamaged: (id: string) => void;
  onError: (error: unknown) => void;
}

type Loaded = { state: 'loading' } | { state: 'ready'; view: EntryView } | { state: 'damaged' } | { state: 'missing' };

/** One entry: its deadlines, its values (secrets masked until shown), rotation, edit, delete and history. */
export function EntryDetail({ id, listed, onBack, onEdit, onDeleted, onChanged, onDamaged, onError }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [events, setEvents] = useState<VaultEvent[]>();
  const [dialog, setDialog] = useState<'rotate' | 'delete'>();
  const [message, setMessage] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const now = useNow(1000);

  const loadEvents = () => send('entries.events', { id }).then((r) => setEvents(r.events), () => setEvents([]));
  const load = async () => {
    try {
      setLoaded({ state: 'ready', view: await send('entries.get', { id }) });
    } catch (error) {
      if (error instanceof RequestError && error.code === 'entry-damaged') {
        setLoaded({ state: 'damaged' });
        onDamaged(id);
      } else if (error instanceof RequestError && error.code === 'not-found') setLoaded({ state: 'missing' });
      else onError(error);
    }
  };
  useEffect(() => {
    heading.current?.focus();
    void load();
    void loadEvents();
  }, [id]);

  const meta = loaded.state === 'ready' ? loaded.view.meta : listed;
  const alias = meta?.alias ?? 'Damaged entry';
  const logCopy = (what: string) => () =>
    void send('entries.logEvent', { id, type: 'copied', detail: what }).then(loadEvents, () => undefined);

  const rotated = async (next: EntryMeta) => {
    setDialog(undefined);
    onChanged(next);
    await load();
    await loadEvents();
    const previous = next.previousSecretExpiresAt;
    const countdown = previous === undefined ? undefined : describeCountdown(previous, Date.now());
    setMessage(
      countdown
        ? `New secret saved. The previous one keeps working until ${countdown.date} (${countdown.relative}): update every system that uses it before then.`
        : 'New secret saved.',
    );
  };

  const retirePrevious = async () => {
    try {
      onChanged((await send('entries.retirePrevious', { id })).meta);
      await load();
      await loadEvents();
      setMessage('Previous secret retired: it is kept in the history below and no longer counted down.');
    } catch (error) {
      onError(error);
    }
  };

  return (
    <article class="detail" aria-labelledby="detail-title">
      <div class="detail-top">
        <button type="button" onClick={onBack}>
          ← All entries
        </button>
      </div>
      <h2 id="detail-title" ref={heading} tabIndex={-1}>
        {alias}
      </h2>
      {meta && (
        <p class="muted">
          {KIND_LABELS[meta.kind]} · {CONNECTOR_LABELS[meta.connector]} · {ENVIRONMENT_LABELS[meta.environment]} ·{' '}
          {meta.marketplace ? `${marketplaceByCode(meta.marketplace)?.name ?? meta.marketplace} (${REGION_LABELS[meta.region]})` : REGION_LABELS[meta.region]}
        </p>
      )}
      {message && (
        <p class="alert success" role="status">
          {message}
        </p>
      )}

      {loaded.state === 'damaged' && (
        <div class="alert error" role="alert">
          <p>
            <strong>Damaged.</strong> This entry’s encrypted data was changed outside LWA Vault and cannot be decrypted. Its
            secrets are lost; your other entries are not affected.
          </p>
          <p>Delete it, then add the app again with credentials from Developer Central.</p>
        </div>
      )}
      {loaded.state === 'missing' && <p class="alert error">This entry no longer exists.</p>}
      {loaded.state === 'loading' && <p class="muted" role="status">Decrypting…</p>}

      {meta && (
        <DeadlineList
          meta={meta}
          now={now}
          onSetDate={loaded.state === 'ready' ? () => onEdit(loaded.view, 'secretExpiresOn') : undefined}
          onRetire={loaded.state === 'ready' ? retirePrevious : undefined}
        />
      )}

      {loaded.state === 'ready' && <Values view={loaded.view} now={now} logCopy={logCopy} />}
      {loaded.state === 'ready' && <CheckCredentials view={loaded.view} now={now} onChecked={(next) => void Promise.all([onChanged(next), load(), loadEvents()])} />}

      <div class="form-actions">
        {loaded.state === 'ready' && (
          <>
            {loaded.view.secrets.clientSecret !== undefined && (
              <button type="button" class="primary" onClick={() => setDialog('rotate')}>
                I rotated this secret
              </button>
            )}
            <button type="button" onClick={() => onEdit(loaded.view)}>
              Edit
            </button>
          </>
        )}
        {loaded.state !== 'missing' && loaded.state !== 'loading' && (
          <button type="button" class="danger" onClick={() => setDialog('delete')}>
            Delete…
          </button>
        )}
      </div>

      <EventLog events={events} />

      {dialog === 'rotate' && meta && <RotateDialog meta={meta} onClose={() => setDialog(undefined)} onRotated={rotated} />}
      {dialog === 'delete' && <DeleteDialog id={id} alias={alias} onClose={() => setDialog(undefined)} onDeleted={onDeleted} />}
    </article>
  );
}

function Values({ view, now, logCopy }: { view: EntryView; now: number; logCopy: (what: string) => () => void }) {
  const { meta, secrets } = view;
  const rows: [string, string | undefined, boolean][] = [
    ['LWA client id', meta.clientId, false],
    ['Client secret', secrets.clientSecret, true],
    ['Previous client secret', meta.previousSecretExpiresAt && meta.previousSecretExpiresAt > now ? secrets.previousClientSecret : undefined, true],
    ['Refresh token', secrets.refreshToken, true],
    ['Result URL', secrets.resultUrl, true],
    ['Selling partner id', secrets.sellingPartnerId, false],
    ['Application id', secrets.applicationId, false],
    ['Redirect URI', secrets.redirectUri, false],
  ];
  return (
    <>
      <dl class="values">
        {rows.map(([label, value, secret]) =>
          value ? <SecretField key={label} label={label} value={value} secret={secret} onCopied={logCopy(inSentence(label))} /> : null,
        )}
        {(secrets.retiredSecrets ?? []).map(({ secret, retiredAt }) => (
          <SecretField
            key={secret}
            label={`Retired client secret (${formatDate(retiredAt)})`}
            value={secret}
            secret
            onCopied={logCopy('a retired client secret')}
          />
        ))}
        {meta.shopCtrlUrl && (
          <div class="field-view">
            <dt>ShopCtrl shop settings</dt>
            <dd>
              <a href={meta.shopCtrlUrl} target="_blank" rel="noreferrer">
                {new URL(meta.shopCtrlUrl).host}
              </a>
            </dd>
          </div>
        )}
      </dl>
      {secrets.notes && (
        <section aria-labelledby="notes-title">
          <h3 id="notes-title">Notes</h3>
          <p class="notes">{secrets.notes}</p>
        </section>
      )}
    </>
  );
}
