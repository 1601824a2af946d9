import { normalizePasted } from './identifiers';

/**
 * What Amazon sends back after consent (docs/amazon.md §2): the final redirect carries spapi_oauth_code
 * (valid five minutes), the Login-URI hop carries amazon_callback_uri. Parameters are read by name, in any
 * order, on any host.
 */

export const CODE_LIFETIME_MS = 5 * 60_000;
/** How long a pending authorization waits for its redirect before it is dropped. */
export const PENDING_TTL_MS = 30 * 60_000;
/** Codes are opaque (about 20 characters observed); anything longer than this is not a code. */
export const MAX_CODE_LENGTH = 100;

const URL_SAFE = /^[A-Za-z0-9._~-]+$/;

export interface FinalRedirect {
  kind: 'final';
  spapiOauthCode: string;
  state?: string;
  sellingPartnerId?: string;
  mwsAuthToken?: string;
  /** The URL as seen (trimmed): what Cleo calls the Result URL. */
  url: string;
}

export interface LoginHop {
  kind: 'login-hop';
  amazonCallbackUri: string;
  amazonState?: string;
  sellingPartnerId?: string;
  draft: boolean;
  url: string;
}

export type RedirectClassification = FinalRedirect | LoginHop | { kind: 'other' };

/** Non-empty, URL-safe and short: all we can say about a code without guessing its pattern (§2.2). */
export function isPlausibleCode(code: string): boolean {
  return code.length > 0 && code.length <= MAX_CODE_LENGTH && URL_SAFE.test(code);
}

function parseWebUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** First non-empty value of a query parameter. */
function queryValue(url: URL, name: string): string | undefined {
  return url.searchParams.getAll(name).find((v) => v !== '');
}

const optional = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };

/** Never throws: anything that is not a recognisable redirect is `{ kind: 'other' }`. */
export function classifyRedirect(input: string): RedirectClassification {
  try {
    if (typeof input !== 'string') return { kind: 'other' };
    const text = normalizePasted(input);
    const url = parseWebUrl(text);
    if (!url) return { kind: 'other' };
    const code = queryValue(url, 'spapi_oauth_code');
    if (code !== undefined) {
      if (!isPlausibleCode(code)) return { kind: 'other' };
      return {
        kind: 'final',
        spapiOauthCode: code,
        ...optional('state', queryValue(url, 'state')),
        ...optional('sellingPartnerId', queryValue(url, 'selling_partner_id')),
        ...optional('mwsAuthToken', queryValue(url, 'mws_auth_token')),
        url: text,
      };
    }
    const callback = queryValue(url, 'amazon_callback_uri');
    if (callback !== undefined) {
      return {
        kind: 'login-hop',
        amazonCallbackUri: callback,
        ...optional('amazonState', queryValue(url, 'amazon_state')),
        ...optional('sellingPartnerId', queryValue(url, 'selling_partner_id')),
        draft: url.searchParams.get('version') === 'beta',
        url: text,
      };
    }
    return { kind: 'other' };
  } catch {
    return { kind: 'other' };
  }
}

/** Milliseconds the code captured at `capturedAt` still has (0 once expired). */
export function codeMsLeft(capturedAt: number, now: number): number {
  const age = Math.max(0, now - capturedAt);
  return Math.max(0, CODE_LIFETIME_MS - age);
}

export type ResultUrlProblemCode =
  | 'not-a-url'
  | 'no-code'
  | 'bad-code'
  | 'state-mismatch'
  | 'no-selling-partner-id'
  | 'expired';

export interface ResultUrlProblem {
  code: ResultUrlProblemCode;
  message: string;
}

export interface ResultUrlCheck {
  ok: boolean;
  problems: ResultUrlProblem[];
  /** Set when `capturedAt` is known and the code is still fresh. */
  msLeft?: number;
  /** Set when the URL carries a usable code. */
  capture?: FinalRedirect;
}

export interface ResultUrlContext {
  /** The state of the pending authorization this URL should answer; unchecked when absent. */
  expectedState?: string;
  /** When the code was captured (or pasted); the age check is skipped when absent. */
  capturedAt?: number;
  now: number;
}

const NO_CODE_MESSAGE = 'This is not the URL Amazon redirected you to: it has no spapi_oauth_code.';
const LOGIN_HOP_MESSAGE =
  'This is the intermediate sign-in page (it has amazon_callback_uri), not the URL Amazon redirected you to at the end: ' +
  'it has no spapi_oauth_code. Finish signing in and confirming; the URL after that is the one you need.';

/** Checks a pasted or captured Result URL before it is saved or handed to Cleo. */
export function validateResultUrl(text: string, context: ResultUrlContext): ResultUrlCheck {
  const problems: ResultUrlProblem[] = [];
  const result = (extra: Partial<ResultUrlCheck> = {}): ResultUrlCheck => ({ ok: problems.length === 0, problems, ...extra });
  const url = parseWebUrl(normalizePasted(text));
  if (!url) {
    problems.push({ code: 'not-a-url', message: 'This is not a URL. Copy the whole address from the browser’s address bar, starting with https://.' });
    return result();
  }
  const classified = classifyRedirect(text);
  if (classified.kind !== 'final') {
    if (url.searchParams.has('spapi_oauth_code')) {
      problems.push({
        code: 'bad-code',
        message: 'The spapi_oauth_code in this URL is empty or damaged (it should be a short run of letters and digits). Copy the URL again, as one piece.',
      });
    } else {
      problems.push({ code: 'no-code', message: classified.kind === 'login-hop' ? LOGIN_HOP_MESSAGE : NO_CODE_MESSAGE });
    }
    return result();
  }

  if (context.expectedState !== undefined && classified.state !== context.expectedState) {
    problems.push({
      code: 'state-mismatch',
      message:
        classified.state === undefined
          ? 'This URL has no state, so it cannot be matched to the authorization you started. Start the authorization again.'
          : 'The state in this URL differs from the one of the authorization you started: it belongs to another attempt. Start the authorization again.',
    });
  }
  if (classified.sellingPartnerId === undefined) {
    problems.push({
      code: 'no-selling-partner-id',
      message: 'This URL has no selling_partner_id; Amazon always sends it with the code. Copy the whole URL again.',
    });
  }
  let msLeft: number | undefined;
  if (context.capturedAt !== undefined) {
    msLeft = codeMsLeft(context.capturedAt, context.now);
    if (msLeft === 0) {
      problems.push({
        code: 'expired',
        message: 'The spapi_oauth_code in this URL is more than 5 minutes old, so Amazon will refuse it (invalid_grant). Authorize again to get a fresh one.',
      });
    }
  }
  return result({ capture: classified, ...(msLeft ? { msLeft } : {}) });
}

export interface PendingAuthorization {
  id: string;
  state: string;
  startedAt: number;
}

export type CaptureMatch =
  | { status: 'verified'; pendingId: string }
  | { status: 'unverified'; reason: 'no-pending' | 'state-mismatch' | 'no-state' };

const isLive = (p: PendingAuthorization, now: number) => now - p.startedAt < PENDING_TTL_MS;

/**
 * Matches a captured redirect to the authorization the user started. Pending authorizations older than
 * PENDING_TTL_MS are ignored; when several share the state, the most recent wins.
 */
export function matchCapture(pending: readonly PendingAuthorization[], capture: { state?: string }, now: number): CaptureMatch {
  const live = pending.filter((p) => isLive(p, now));
  if (live.length === 0) return { status: 'unverified', reason: 'no-pending' };
  if (capture.state === undefined || capture.state === '') return { status: 'unverified', reason: 'no-state' };
  const matches = live.filter((p) => p.state === capture.state).sort((a, b) => b.startedAt - a.startedAt);
  const match = matches[0];
  return match ? { status: 'verified', pendingId: match.id } : { status: 'unverified', reason: 'state-mismatch' };
}

/** The pending authorizations that are too old to wait for: drop them. */
export function expiredPending<T extends PendingAuthorization>(pending: readonly T[], now: number): T[] {
  return pending.filter((p) => !isLive(p, now));
}
