import { buildConsentUrl, parseConsentUrl } from '../amazon/consent';
import { marketplaceByCode } from '../amazon/hosts';
import { checkApplicationId, checkRedirectUri, normalizePasted } from '../amazon/identifiers';
import { classifyRedirect, codeMsLeft, validateResultUrl } from '../amazon/redirect';
import { VaultError } from '../../platform/errors';
import type { EntriesApi } from '../entries/handlers';
import type { EntryMeta } from '../vault/schema';
import type { ExchangeReply } from './protocol';
import { captureBadgeHint, type CaptureBadgeHint } from './badge';
import { exchangeCode } from './exchange';
import { applyExpiry, applyNavigation, applyTabRemoved, nextExpiryAt, type NavigationDetails, type NavigationOutcome } from './flows';
import { formatMsLeft } from './format';
import type { Capture, CaptureState, EntryDraft, Pending } from './model';
import { isWaiting } from './pending';
import { checkTokenEndpoint, endpointPermission, type CaptureSettings } from './settings';
import type { CaptureStore } from './store';

export const EXPIRY_ALARM = 'capture.expire';
export const BADGE_ALARM = 'capture.badge';

export interface CaptureServiceDeps {
  store: CaptureStore;
  now: () => number;
  newId: () => string;
  newState: () => string;
  settings: { get(): Promise<CaptureSettings>; set(value: CaptureSettings): Promise<void> };
  /** Shows a system notification; `id` starts with "capture" so a click can open the wizard. */
  notify: (id: string, message: string) => Promise<void>;
  /** Paints the toolbar hint, or hands the toolbar back when `hint` is undefined. */
  paintBadge: (hint: CaptureBadgeHint | undefined) => Promise<void>;
  alarms: { at(name: string, when: number): Promise<void>; every(name: string, minutes: number): Promise<void>; clear(name: string): Promise<void> };
  openTab: (url: string, incognito: boolean) => Promise<{ tabId?: number; incognito: boolean }>;
  incognitoAllowed: () => Promise<boolean>;
  /** The vault's entries, as the user reaches them (`features/entries/handlers.ts`). */
  entries: EntriesApi;
  fetch: typeof fetch;
  hasHostAccess: (pattern: string) => Promise<boolean>;
}

export type StartSource =
  | { type: 'url'; url: string }
  | { type: 'build'; applicationId: string; marketplace: string; appDraft: boolean; redirectUri?: string };

export interface CaptureService {
  onNavigation(details: NavigationDetails): Promise<NavigationOutcome>;
  onTabRemoved(tabId: number): Promise<void>;
  onAlarm(name: string): Promise<void>;
  /** Resumes timers after a worker start: the expiry alarm and the badge hint. */
  resume(): Promise<void>;
  view(): Promise<CaptureState & { settings: CaptureSettings }>;
  start(draft: EntryDraft, source: StartSource): Promise<Pending>;
  open(pendingId: string, incognito: boolean): Promise<Pending>;
  cancel(pendingId: string): Promise<void>;
  dismiss(captureId: string): Promise<void>;
  attach(captureId: string, pendingId: string): Promise<Pending>;
  save(pendingId: string, resultUrl: string): Promise<{ entryId: string; meta: EntryMeta }>;
  exchange(pendingId: string, credentials: { clientId?: string; clientSecret?: string }): Promise<ExchangeReply>;
  setSettings(patch: Partial<CaptureSettings>): Promise<CaptureSettings>;
}

const bad = (message: string) => new VaultError('bad-request', message);
const gone = (message = 'This authorization is no longer waiting: it was cancelled or is more than 2 hours old. Start again.') =>
  new VaultError('not-found', message);

export function createCaptureService(deps: CaptureServiceDeps): CaptureService {
  const { store, now } = deps;

  async function refreshBadge(state?: CaptureState): Promise<void> {
    const current = state ?? (await store.read());
    const hint = captureBadgeHint(current.captures, now(), current.pending);
    await deps.paintBadge(hint);
    if (hint) await deps.alarms.every(BADGE_ALARM, 0.5);
    else await deps.alarms.clear(BADGE_ALARM);
  }

  async function scheduleExpiry(state: CaptureState): Promise<void> {
    const at = nextExpiryAt(state, now());
    if (at === undefined) await deps.alarms.clear(EXPIRY_ALARM);
    else await deps.alarms.at(EXPIRY_ALARM, at);
  }

  /** Marks expired flows, tells the user once per flow, re-arms the alarm. */
  async function expire(): Promise<CaptureState> {
    const expired = await store.update((s) => applyExpiry(s, now()));
    const state = await store.read();
    await Promise.all(
      expired.expired.map((p) =>
        deps.notify(
          `capture-expired:${p.id}`,
          `No redirect came back for ${p.draft.alias} within 30 minutes, so LWA Vault stopped waiting. If you cancelled on Amazon's page or closed it, start again.`,
        ),
      ),
    );
    if (expired.expired.length) await scheduleExpiry(state);
    return state;
  }

  const findPending = (state: CaptureState, id: string) => state.pending.find((p) => p.id === id);

  async function updatePending(id: string, change: (p: Pending) => Pending): Promise<Pending> {
    const updated = await store.update((s) => {
      const found = findPending(s, id);
      if (!found) return { result: undefined };
      const next = change(found);
      return { next: { ...s, pending: s.pending.map((p) => (p.id === id ? next : p)) }, result: next };
    });
    if (!updated) throw gone();
    return updated;
  }

  function afterCapture(outcome: NavigationOutcome, state: CaptureState): Promise<unknown> {
    if (outcome.type !== 'captured') return Promise.resolve();
    const left = formatMsLeft(codeMsLeft(outcome.capture.capturedAt, now()));
    const message = outcome.pending
      ? `Result URL captured for ${outcome.pending.draft.alias} — valid for ${left}.`
      : `Result URL captured, but it matches no authorization you started, so it is unverified — valid for ${left}. Open LWA Vault to check it.`;
    const told = outcome.notify ? deps.notify(`capture:${outcome.capture.id}`, message) : Promise.resolve();
    return Promise.all([told, refreshBadge(state), scheduleExpiry(state)]);
  }

  return {
    async onNavigation(details) {
      // Store first, tell later: the stored capture is what the popup and the 5-minute clock rely on.
      let after: CaptureState | undefined;
      const outcome = await store.update((s) => {
        const step = applyNavigation(s, details, now(), deps.newId);
        after = step.next ?? s;
        return step;
      });
      if (outcome.type === 'captured' && after) void afterCapture(outcome, after).catch(() => undefined);
      return outcome;
    },

    async onTabRemoved(tabId) {
      await store.update((s) => applyTabRemoved(s, tabId, now()));
    },

    async onAlarm(name) {
      if (name === EXPIRY_ALARM) await expire();
      else if (name === BADGE_ALARM) await refreshBadge();
    },

    async resume() {
      const state = await expire();
      await scheduleExpiry(state);
      await refreshBadge(state);
    },

    async view() {
      const state = await expire();
      return { ...state, settings: await deps.settings.get() };
    },

    async start(draft, source) {
      let consentUrl: string;
      let state: string | undefined;
      let applicationId: string;
      let redirectUri: string | undefined;
      let appDraft: boolean;
      let entryDraft: EntryDraft = { ...draft, alias: draft.alias.trim() };
      if (source.type === 'url') {
        const parsed = parseConsentUrl(source.url);
        if (!parsed.ok) throw bad(parsed.message);
        ({ state, applicationId, redirectUri } = parsed);
        consentUrl = parsed.url;
        appDraft = parsed.draft;
        // The URL's host is the truth about kind and region; a marketplace outside it is dropped.
        const marketplace = entryDraft.marketplace && parsed.marketplaces.includes(entryDraft.marketplace) ? entryDraft.marketplace : parsed.marketplaces[0];
        entryDraft = { ...entryDraft, kind: parsed.kind, region: parsed.region, ...(marketplace ? { marketplace } : {}) };
      } else {
        const idCheck = checkApplicationId(source.applicationId);
        if (!idCheck.ok) throw bad(idCheck.message);
        const marketplace = marketplaceByCode(source.marketplace);
        if (!marketplace) throw bad('Choose the marketplace whose Seller or Vendor Central you sign in to.');
        const redirect = source.redirectUri === undefined ? undefined : normalizePasted(source.redirectUri);
        if (redirect) {
          const check = checkRedirectUri(redirect);
          if (!check.ok) throw bad(check.message);
        }
        state = deps.newState();
        applicationId = normalizePasted(source.applicationId);
        redirectUri = redirect || undefined;
        appDraft = source.appDraft;
        consentUrl = buildConsentUrl({
          kind: entryDraft.kind,
          marketplace: marketplace.code,
          applicationId,
          state,
          draft: appDraft,
          ...(redirectUri ? { redirectUri } : {}),
        });
        entryDraft = { ...entryDraft, region: marketplace.region, marketplace: marketplace.code };
      }
      const pending: Pending = {
        id: deps.newId(),
        ...(state === undefined ? {} : { state }),
        startedAt: now(),
        consentUrl,
        source: source.type === 'url' ? 'pasted' : 'built',
        applicationId,
        ...(redirectUri === undefined ? {} : { redirectUri }),
        appDraft,
        draft: entryDraft,
      };
      const clash = await store.update((s) => {
        const same = state === undefined ? undefined : s.pending.find((p) => p.state === state && isWaiting(p, now()));
        if (same) return { result: same };
        return { next: { ...s, pending: [...s.pending, pending] }, result: undefined };
      });
      if (clash) {
        throw bad(
          `You already started an authorization with this consent URL (${clash.draft.alias}); it is still waiting. Use that one, or cancel it first.`,
        );
      }
      await scheduleExpiry(await store.read());
      return pending;
    },

    async open(pendingId, incognito) {
      const state = await store.read();
      const pending = findPending(state, pendingId);
      if (!pending || !isWaiting(pending, now())) throw gone();
      const privately = incognito && (await deps.incognitoAllowed());
      const opened = await deps.openTab(pending.consentUrl, privately);
      return updatePending(pendingId, (p) => {
        const { tabClosedAt: _closed, ...rest } = p;
        return { ...rest, openedAt: now(), incognito: opened.incognito, ...(opened.tabId === undefined ? {} : { tabId: opened.tabId }) };
      });
    },

    async cancel(pendingId) {
      await store.update((s) => ({
        next: {
          pending: s.pending.filter((p) => p.id !== pendingId),
          captures: s.captures.filter((c) => c.pendingId !== pendingId),
        },
        result: undefined,
      }));
      await refreshBadge();
      await scheduleExpiry(await store.read());
    },

    async dismiss(captureId) {
      await store.update((s) => ({
        next: {
          pending: s.pending.map((p) => {
            if (p.captureId !== captureId) return p;
            const { captureId: _dropped, ...rest } = p;
            return rest;
          }),
          captures: s.captures.filter((c) => c.id !== captureId),
        },
        result: undefined,
      }));
      await refreshBadge();
    },

    async attach(captureId, pendingId) {
      const result = await store.update<Pending | 'gone' | 'refused'>((s) => {
        const capture = s.captures.find((c) => c.id === captureId);
        const pending = findPending(s, pendingId);
        if (!capture || !pending) return { result: 'gone' };
        // Only a flow that has no state of its own can take an unverified capture, and only by the user's click.
        if (pending.state !== undefined || capture.verified || pending.savedAt !== undefined) return { result: 'refused' };
        const nextPending: Pending = { ...pending, captureId };
        return {
          next: {
            pending: s.pending.map((p) => (p.id === pendingId ? nextPending : p)),
            captures: s.captures.map((c) => (c.id === captureId ? { ...c, pendingId } : c)),
          },
          result: nextPending,
        };
      });
      if (result === 'gone') throw gone('This capture or authorization is gone. Start again.');
      if (result === 'refused') {
        throw bad('Only an authorization started from a consent URL without a state can take an unverified capture.');
      }
      return result;
    },

    async save(pendingId, resultUrl) {
      const state = await store.read();
      const pending = findPending(state, pendingId);
      if (!pending) throw gone();
      const text = normalizePasted(resultUrl);
      const redirect = classifyRedirect(text);
      const known =
        redirect.kind === 'final' ? state.captures.find((c) => c.code === redirect.spapiOauthCode) : undefined;
      // A capture the flow did not verify (another state) cannot be saved by pasting its URL either.
      const check = validateResultUrl(text, {
        ...(pending.state === undefined ? {} : { expectedState: pending.state }),
        ...(known ? { capturedAt: known.capturedAt } : {}),
        now: now(),
      });
      if (!check.ok || !check.capture) throw bad(check.problems.map((p) => p.message).join(' '));
      if (known && known.pendingId !== undefined && known.pendingId !== pending.id) {
        throw bad('This Result URL belongs to another authorization you started. Save it from that one.');
      }
      const capturedAt = known?.capturedAt ?? now();
      const sellingPartnerId = check.capture.sellingPartnerId;
      const secrets = {
        resultUrl: text,
        ...(sellingPartnerId ? { sellingPartnerId } : {}),
        applicationId: pending.applicationId,
        ...(pending.redirectUri ? { redirectUri: pending.redirectUri } : {}),
      };
      const times = { authorizedAt: capturedAt, resultCapturedAt: capturedAt };
      const targetId = pending.savedEntryId ?? pending.draft.entryId;
      // A renewal restarts the 365-day clock: a renewal date Amazon stated before would otherwise still win.
      const meta = targetId
        ? await deps.entries.updateEntry(targetId, { ...times, authorizationRenewAt: null }, secrets)
        : await deps.entries.createEntry(
            {
              alias: pending.draft.alias,
              kind: pending.draft.kind,
              connector: pending.draft.connector,
              environment: pending.draft.environment,
              region: pending.draft.region,
              ...(pending.draft.marketplace ? { marketplace: pending.draft.marketplace } : {}),
              ...times,
            },
            secrets,
          );

      // A hand-pasted Result URL becomes this flow's capture, so the countdown and the exchange can use it.
      const pasted: Capture | undefined = known
        ? undefined
        : {
            id: deps.newId(),
            url: text,
            code: check.capture.spapiOauthCode,
            ...(check.capture.state === undefined ? {} : { state: check.capture.state }),
            ...(sellingPartnerId === undefined ? {} : { sellingPartnerId }),
            capturedAt,
            storedAt: now(),
            via: 'pasted',
            verified: pending.state !== undefined,
            ...(pending.state === undefined ? { reason: 'pending-without-state' as const } : {}),
            pendingId: pending.id,
          };
      await store.update((s) => ({
        next: {
          pending: s.pending.map((p) =>
            p.id === pendingId ? { ...p, captureId: pasted?.id ?? known?.id ?? p.captureId, savedAt: now(), savedEntryId: meta.id } : p,
          ),
          captures: pasted ? [...s.captures, pasted] : s.captures.map((c) => (c.id === known?.id ? { ...c, pendingId } : c)),
        },
        result: undefined,
      }));
      await refreshBadge();
      return { entryId: meta.id, meta };
    },

    async exchange(pendingId, credentials) {
      const settings = await deps.settings.get();
      if (!settings.tokenExchange) throw bad('Token exchange is off. Turn it on under "Options" first.');
      const state = await store.read();
      const pending = findPending(state, pendingId);
      if (!pending) throw gone();
      const capture = state.captures.find((c) => c.id === pending.captureId);
      const entryId = pending.savedEntryId;
      if (!capture || !entryId) throw bad('Save the Result URL to the vault first; the refresh token goes into the same entry.');
      if (pending.exchangedAt !== undefined) {
        return { exchanged: false, problem: 'already-used', message: 'This code was already exchanged. A code works only once: authorize again for a new one.' };
      }
      if (codeMsLeft(capture.capturedAt, now()) === 0) {
        return {
          exchanged: false,
          problem: 'expired',
          message: 'The code is more than 5 minutes old, so Amazon would refuse it (invalid_grant). Nothing was sent. Authorize again to get a fresh one.',
        };
      }
      const endpoint = checkTokenEndpoint(settings.tokenEndpoint);
      if (!endpoint.ok) throw bad(endpoint.message);
      const { meta, secrets } = await deps.entries.getEntry(entryId);
      const clientId = normalizePasted(credentials.clientId ?? '') || meta.clientId;
      const clientSecret = normalizePasted(credentials.clientSecret ?? '') || secrets.clientSecret;
      if (!clientId || !clientSecret) {
        return {
          exchanged: false,
          problem: 'no-credentials',
          message: `${meta.alias} has no LWA client id or client secret yet. Enter them here; they are saved to the entry with the refresh token.`,
        };
      }
      const redirectUri = pending.redirectUri ?? redirectUriOf(capture.url);
      const permission = endpointPermission(endpoint.url.href);
      const result = await exchangeCode(
        { endpoint: endpoint.url.href, code: capture.code, redirectUri, clientId, clientSecret },
        { fetch: deps.fetch, hasAccess: () => deps.hasHostAccess(permission) },
      );
      if (!result.ok) {
        return { exchanged: false, problem: result.problem, message: result.message, ...(result.problem === 'no-access' ? { permission } : {}) };
      }
      await deps.entries.updateEntry(
        entryId,
        credentials.clientId ? { clientId } : {},
        { refreshToken: result.refreshToken, ...(credentials.clientSecret ? { clientSecret } : {}) },
      );
      await updatePending(pendingId, (p) => ({ ...p, exchangedAt: now() }));
      return { exchanged: true, message: `Refresh token saved to ${meta.alias}.` };
    },

    async setSettings(patch) {
      if (patch.tokenEndpoint !== undefined) {
        const check = checkTokenEndpoint(patch.tokenEndpoint);
        if (!check.ok) throw bad(check.message);
        patch = { ...patch, tokenEndpoint: check.url.href };
      }
      const next = { ...(await deps.settings.get()), ...patch };
      await deps.settings.set(next);
      return next;
    },
  };
}

/** The redirect URI Amazon used: the Result URL without its query (Amazon appends the parameters to it). */
export function redirectUriOf(resultUrl: string): string {
  const url = new URL(resultUrl);
  return `${url.origin}${url.pathname}`;
}
