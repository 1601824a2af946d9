import type { VaultEvent } from '../../vault/schema';
import { formatDateTime } from '../../../platform/dates';

const EVENT_LABELS: Record<VaultEvent['type'], string> = {
  created: 'Created',
  updated: 'Edited',
  rotated: 'Secret rotated',
  authorized: 'Authorized',
  copied: 'Copied',
  filled: 'Filled into a page',
  'sent-to-shopctrl': 'Sent to ShopCtrl',
  imported: 'Imported',
  checked: 'Credentials checked',
};

/** Stored details name fields ("fields: secretExpiresAt; secrets: clientSecret"): shown in the editor's words. */
const FIELD_WORDS: Record<string, string> = {
  alias: 'name',
  kind: 'app type',
  connector: 'connector',
  environment: 'environment',
  region: 'region',
  marketplace: 'marketplace',
  clientId: 'client id',
  secretIssuedAt: 'secret issue date',
  secretExpiresAt: 'secret expiry date',
  previousSecretExpiresAt: 'previous secret’s end',
  authorizedAt: 'authorization date',
  authorizationRenewAt: 'renewal date',
  resultCapturedAt: 'Result URL capture time',
  shopCtrlUrl: 'ShopCtrl address',
  clientSecret: 'client secret',
  previousClientSecret: 'previous secret',
  refreshToken: 'refresh token',
  resultUrl: 'Result URL',
  sellingPartnerId: 'selling partner id',
  applicationId: 'application id',
  redirectUri: 'redirect URI',
  notes: 'notes',
  history: 'kept versions',
  retiredSecrets: 'retired secrets',
};

export function plainDetail(detail: string): string {
  return detail
    .split('; ')
    .map((part) => {
      const match = /^(fields|secrets): (.+)$/.exec(part);
      return match ? match[2]!.split(', ').map((name) => FIELD_WORDS[name] ?? name).join(', ') : part;
    })
    .join(', ');
}

/** What happened to an entry, newest first. Events never hold a secret, only what was done to which field. */
export function EventLog({ events }: { events: VaultEvent[] | undefined }) {
  return (
    <section class="events" aria-labelledby="events-title">
      <h3 id="events-title">History</h3>
      {events === undefined ? (
        <p class="muted">Loading…</p>
      ) : events.length === 0 ? (
        <p class="muted">Nothing recorded yet.</p>
      ) : (
        <ol>
          {events.map((event) => (
            <li key={event.seq}>
              <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time> {EVENT_LABELS[event.type]}
              {event.detail ? `: ${plainDetail(event.detail)}` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
