import { VaultError } from '../../platform/errors';
import type { EntryMeta } from '../vault/schema';
import type { VaultService } from '../vault/vault';
import { checkCredentials, spApiOrigin } from './check';
import { CHECK_OUTCOMES, type CheckOutcome } from './check-outcomes';
import { checkTokenEndpoint, endpointPermission, type CaptureSettings } from './settings';

export interface CheckRequest {
  entryId: string;
  /** The previous secret can be checked while it still runs (after a rotation). */
  secret: 'current' | 'previous';
  /** Seller apps: also one read-only SP-API call with the access token. */
  spApi: boolean;
}

export interface CheckReply {
  /** A request went out and its outcome is now the entry's last check (and in its history). */
  checked: boolean;
  outcome?: CheckOutcome;
  problem?: 'missing' | 'no-access';
  message: string;
  /** With problem 'no-access': the origin pattern to ask for from the click, then check again. */
  permission?: string;
  meta?: EntryMeta;
}

export interface CheckServiceDeps {
  vault: Pick<VaultService, 'listEntries' | 'getEntry' | 'modifyEntry'>;
  /** One system notification for the daily check's failures; its id starts with "check". */
  notify: (id: string, message: string) => Promise<void>;
  settings: { get(): Promise<CaptureSettings> };
  fetch: typeof fetch;
  hasHostAccess: (pattern: string) => Promise<boolean>;
  now: () => number;
}

const bad = (message: string) => new VaultError('bad-request', message);

export const DAILY_CHECK_ALARM = 'authorize.dailyCheck';
const DAY_MS = 86_400_000;

export function createCheckService(deps: CheckServiceDeps) {
  const service = {
    /**
     * The optional daily check (off by default): the token grant for every entry not checked in the last 24 h,
     * one after another, only while the vault is unlocked; the failures in one notification.
     */
    async daily(): Promise<void> {
      if (!(await deps.settings.get()).dailyCheck) return;
      const { entries } = await deps.vault.listEntries();
      const due = entries.filter((m) => !m.credentialCheck || deps.now() - m.credentialCheck.at >= DAY_MS);
      const failing: string[] = [];
      for (const meta of due) {
        try {
          const reply = await service.check({ entryId: meta.id, secret: 'current', spApi: false });
          if (reply.outcome && CHECK_OUTCOMES[reply.outcome].failing) failing.push(`${meta.alias} (${CHECK_OUTCOMES[reply.outcome].label})`);
        } catch (error) {
          if (error instanceof VaultError && error.code === 'locked') return; // only while unlocked
        }
      }
      if (failing.length > 0) {
        await deps.notify('check-failing', `Credential check failing: ${failing.join(', ')}. Open the entry in LWA Vault for the next step.`);
      }
    },

    async check({ entryId, secret, spApi }: CheckRequest): Promise<CheckReply> {
      const endpoint = checkTokenEndpoint((await deps.settings.get()).tokenEndpoint);
      if (!endpoint.ok) throw bad(endpoint.message);
      const { meta, secrets } = await deps.vault.getEntry(entryId);
      if (spApi && meta.kind !== 'seller') throw bad('The SP-API call is for seller apps; vendor apps are checked with the token grant alone.');
      const previousRuns = meta.previousSecretExpiresAt !== undefined && meta.previousSecretExpiresAt > deps.now();
      if (secret === 'previous' && !previousRuns) throw bad(`${meta.alias} has no previous secret that still works.`);
      const clientSecret = secret === 'previous' ? secrets.previousClientSecret : secrets.clientSecret;
      const missing = [
        meta.clientId ? undefined : 'LWA client id',
        clientSecret ? undefined : secret === 'previous' ? 'previous client secret' : 'client secret',
        secrets.refreshToken ? undefined : 'refresh token',
      ].filter((m) => m !== undefined);
      if (missing.length > 0 || !meta.clientId || !clientSecret || !secrets.refreshToken) {
        return {
          checked: false,
          problem: 'missing',
          message: `${meta.alias} has no ${missing.join(' and no ')}, so it cannot be checked. Add ${missing.length > 1 ? 'them' : 'it'} with Edit, then check again. Nothing was sent.`,
        };
      }
      const tokenPermission = endpointPermission(endpoint.url.href);
      const origin = spApiOrigin(meta.region, endpoint.url.href);
      const spApiPermission = endpointPermission(origin);
      const result = await checkCredentials(
        {
          endpoint: endpoint.url.href,
          clientId: meta.clientId,
          clientSecret,
          refreshToken: secrets.refreshToken,
          ...(spApi ? { spApi: { origin, hasAccess: () => deps.hasHostAccess(spApiPermission) } } : {}),
        },
        { fetch: deps.fetch, hasAccess: () => deps.hasHostAccess(tokenPermission) },
      );
      if (!result.sent) {
        const permission = result.permission === 'token' ? tokenPermission : spApiPermission;
        return { checked: false, problem: 'no-access', message: result.message, permission };
      }
      const at = deps.now();
      const label = CHECK_OUTCOMES[result.outcome].label;
      const via = spApi ? 'token grant and one SP-API call' : 'token grant';
      const updated = await deps.vault.modifyEntry(entryId, () => ({
        meta: { credentialCheck: { at, outcome: result.outcome, secret } },
        events: [{ type: 'checked', detail: `${secret} secret: ${label} (${via})` }],
      }));
      return { checked: true, outcome: result.outcome, message: result.message, meta: updated };
    },
  };
  return service;
}

export type CheckService = ReturnType<typeof createCheckService>;
