import { classifyRedirect, matchCapture, PENDING_TTL_MS, type FinalRedirect } from '../amazon/redirect';
import {
  KEEP_MS,
  MAX_CAPTURES,
  MAX_REDIRECT_URL_LENGTH,
  MAX_UNVERIFIED_CAPTURES,
  UNVERIFIED_NOTICE_INTERVAL_MS,
  type Capture,
  type CaptureState,
  type Pending,
  type UnverifiedReason,
} from './model';
import { isWaiting } from './pending';

/**
 * Pure state transitions of the redirect watcher. Each takes the current state and returns the next one
 * (undefined = nothing to write) plus what happened, so the service can notify after storing.
 */

/** The part of a webNavigation (or webRequest.onBeforeRedirect) event the watcher reads. */
export interface NavigationDetails {
  url: string;
  tabId: number;
  frameId: number;
  /** Milliseconds since the epoch when the browser saw this navigation event. */
  timeStamp: number;
  /** 'redirect': `url` is the Location of Amazon's HTTP redirect (webRequest), seen before it loads. */
  via?: 'navigation' | 'redirect';
  /**
   * The redirect came from Amazon's consent step: Amazon's own 302 on a console host, or a tab whose previous
   * committed page was the consent or confirm page (consent-tabs.ts). Only then is an unsolicited one kept.
   */
  fromAmazon?: boolean;
}

export type NavigationOutcome =
  /** `notify`: tell the user (always for a verified capture, at most once a minute for unverified ones). */
  | { type: 'captured'; capture: Capture; pending?: Pending; notify: boolean }
  | { type: 'duplicate' }
  | { type: 'login-hop'; pendingId?: string }
  | { type: 'ignored' };

type Step<R> = { next?: CaptureState; result: R };

/** Live, not yet saved authorizations a capture may belong to (captured ones may take a fresher code). */
function matchable(state: CaptureState, now: number): Pending[] {
  return state.pending.filter((p) => p.expiredAt === undefined && p.savedAt === undefined && now - p.startedAt < PENDING_TTL_MS);
}

/** Matches a final redirect: verified only by an equal state, never by a guess. */
export function matchRedirect(
  state: CaptureState,
  redirect: Pick<FinalRedirect, 'state'>,
  now: number,
): { verified: true; pendingId: string } | { verified: false; reason: UnverifiedReason } {
  const live = matchable(state, now);
  const withState = live.filter((p): p is Pending & { state: string } => p.state !== undefined && p.state !== '');
  const match = matchCapture(withState, redirect, now);
  if (match.status === 'verified') return { verified: true, pendingId: match.pendingId };
  // A flow started from a consent URL without state cannot verify anything: say so rather than "no-pending".
  if (match.reason !== 'state-mismatch' && live.some((p) => p.state === undefined || p.state === '')) {
    return { verified: false, reason: 'pending-without-state' };
  }
  return { verified: false, reason: match.reason };
}

export function applyNavigation(
  state: CaptureState,
  nav: NavigationDetails,
  now: number,
  newId: () => string,
): Step<NavigationOutcome> {
  // A Result URL is a few hundred characters; megabytes of padding are a page trying to fill storage.session.
  if (nav.frameId !== 0 || nav.url.length > MAX_REDIRECT_URL_LENGTH) return { result: { type: 'ignored' } };
  const redirect = classifyRedirect(nav.url);
  if (redirect.kind === 'login-hop') return applyLoginHop(state, nav, redirect.sellingPartnerId);
  if (redirect.kind !== 'final') return { result: { type: 'ignored' } };
  // Exactly one capture per redirect: onBeforeRedirect (Amazon's 302), onBeforeNavigate, onCommitted and
  // onErrorOccurred (and a reload of the landing page) all carry the same code.
  if (state.captures.some((c) => c.code === redirect.spapiOauthCode)) return { result: { type: 'duplicate' } };

  const match = matchRedirect(state, redirect, now);
  // Unsolicited (nothing waiting): the reason unverified captures exist is Cleo's URL pasted into the address
  // bar, which always passes Amazon's consent step; any other page could send its tab here on its own.
  if (!match.verified && match.reason === 'no-pending' && !nav.fromAmazon) return { result: { type: 'ignored' } };
  const capture: Capture = {
    id: newId(),
    url: redirect.url,
    code: redirect.spapiOauthCode,
    ...(redirect.state === undefined ? {} : { state: redirect.state }),
    ...(redirect.sellingPartnerId === undefined ? {} : { sellingPartnerId: redirect.sellingPartnerId }),
    ...(redirect.mwsAuthToken === undefined ? {} : { mwsAuthToken: redirect.mwsAuthToken }),
    capturedAt: Math.min(nav.timeStamp, now),
    storedAt: now,
    tabId: nav.tabId,
    via: nav.via ?? 'navigation',
    ...(match.verified ? { verified: true, pendingId: match.pendingId } : { verified: false, reason: match.reason }),
  };
  let pending: Pending | undefined;
  const pendingList = state.pending.map((p) => {
    if (!match.verified || p.id !== match.pendingId) return p;
    pending = { ...p, captureId: capture.id };
    return pending;
  });
  const captures = keepCaptures([...state.captures, capture]);
  const last = state.unverifiedNotifiedAt;
  const notify = match.verified || last === undefined || now - last >= UNVERIFIED_NOTICE_INTERVAL_MS || last > now;
  return {
    next: { ...state, pending: pendingList, captures, ...(notify && !match.verified ? { unverifiedNotifiedAt: now } : {}) },
    result: { type: 'captured', capture, ...(pending ? { pending } : {}), notify },
  };
}

/** A handful of unverified captures (oldest dropped first) and never a verified one for them. */
function keepCaptures(captures: Capture[]): Capture[] {
  const unverified = captures.filter((c) => !c.verified);
  const dropped = new Set(unverified.slice(0, Math.max(0, unverified.length - MAX_UNVERIFIED_CAPTURES)));
  const verified = captures.filter((c) => c.verified);
  const droppedVerified = new Set(verified.slice(0, Math.max(0, verified.length - MAX_CAPTURES)));
  return captures.filter((c) => !dropped.has(c) && !droppedVerified.has(c));
}

/**
 * The Login-URI hop carries Amazon's state, not ours, so it is only progress: it goes to the flow whose
 * sign-in tab it happened in, or to the only flow waiting.
 */
function applyLoginHop(state: CaptureState, nav: NavigationDetails, sellingPartnerId: string | undefined): Step<NavigationOutcome> {
  const waiting = state.pending.filter((p) => isWaiting(p, nav.timeStamp));
  const target = waiting.find((p) => p.tabId === nav.tabId) ?? (waiting.length === 1 ? waiting[0] : undefined);
  if (!target) return { result: { type: 'login-hop' } };
  let host = '';
  try {
    host = new URL(nav.url).host;
  } catch {
    /* classifyRedirect accepted it, so this does not happen */
  }
  if (target.loginHop && target.loginHop.host === host) return { result: { type: 'login-hop', pendingId: target.id } };
  const loginHop = { at: nav.timeStamp, host, ...(sellingPartnerId === undefined ? {} : { sellingPartnerId }) };
  return {
    next: { ...state, pending: state.pending.map((p) => (p.id === target.id ? { ...p, loginHop } : p)) },
    result: { type: 'login-hop', pendingId: target.id },
  };
}

/** Marks flows that waited PENDING_TTL_MS without a redirect; drops what is older than KEEP_MS. */
export function applyExpiry(state: CaptureState, now: number): Step<{ expired: Pending[] }> {
  const expired: Pending[] = [];
  let changed = false;
  const pending = state.pending
    .filter((p) => {
      const keep = now - p.startedAt < KEEP_MS;
      if (!keep) changed = true;
      return keep;
    })
    .map((p) => {
      if (p.captureId !== undefined || p.expiredAt !== undefined || now - p.startedAt < PENDING_TTL_MS) return p;
      changed = true;
      const marked = { ...p, expiredAt: now };
      expired.push(marked);
      return marked;
    });
  const ids = new Set(pending.map((p) => p.id));
  const captures = state.captures.filter((c) => {
    const keep = now - c.capturedAt < KEEP_MS || (c.pendingId !== undefined && ids.has(c.pendingId));
    if (!keep) changed = true;
    return keep;
  });
  return changed ? { next: { ...state, pending, captures }, result: { expired } } : { result: { expired } };
}

/** The sign-in tab closed before its redirect came back: the flow keeps waiting but says so. */
export function applyTabRemoved(state: CaptureState, tabId: number, now: number): Step<Pending[]> {
  const affected = state.pending.filter((p) => p.tabId === tabId && isWaiting(p, now) && p.tabClosedAt === undefined);
  if (affected.length === 0) return { result: [] };
  const ids = new Set(affected.map((p) => p.id));
  return {
    next: { ...state, pending: state.pending.map((p) => (ids.has(p.id) ? { ...p, tabClosedAt: now } : p)) },
    result: affected,
  };
}

/** The earliest moment a waiting flow expires, for the alarm. */
export function nextExpiryAt(state: CaptureState, now: number): number | undefined {
  const times = state.pending.filter((p) => isWaiting(p, now)).map((p) => p.startedAt + PENDING_TTL_MS);
  return times.length ? Math.min(...times) : undefined;
}
