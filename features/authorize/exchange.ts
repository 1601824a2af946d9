import { checkRefreshToken } from '../amazon/identifiers';

/**
 * Trades an spapi_oauth_code for a refresh token at the LWA token endpoint (docs/amazon.md §2):
 * POST, form-encoded, grant_type=authorization_code&code&redirect_uri&client_id&client_secret.
 */
export interface ExchangeInput {
  endpoint: string;
  code: string;
  redirectUri: string;
  clientId: string;
  clientSecret: string;
}

export type ExchangeResult =
  | { ok: true; refreshToken: string }
  | { ok: false; problem: ExchangeProblem; message: string };

export type ExchangeProblem = 'invalid-grant' | 'invalid-client' | 'no-access' | 'unreachable' | 'bad-answer' | 'refused';

/**
 * A header outside the CORS safelist. With host access granted the extension's request goes straight out;
 * without it the browser first sends a body-less preflight, and a server that does not answer CORS never
 * receives the POST — so the code and the secret are not spent on a request whose answer we could not read.
 */
export const EXCHANGE_MARKER_HEADER = 'X-LWA-Vault';

const TIMEOUT_MS = 20_000;

export async function exchangeCode(
  input: ExchangeInput,
  deps: { fetch: typeof fetch; hasAccess: () => Promise<boolean> },
): Promise<ExchangeResult> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: input.redirectUri,
    client_id: input.clientId,
    client_secret: input.clientSecret,
  });
  const host = new URL(input.endpoint).host;
  let response: Response;
  try {
    response = await deps.fetch(input.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        Accept: 'application/json',
        [EXCHANGE_MARKER_HEADER]: 'token-exchange',
      },
      body: body.toString(),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    if (!(await deps.hasAccess())) {
      return {
        ok: false,
        problem: 'no-access',
        message: `LWA Vault needs your permission to contact ${host}. Nothing was sent: allow access in the browser's prompt, then exchange again.`,
      };
    }
    return { ok: false, problem: 'unreachable', message: `LWA Vault could not reach ${host}. Check your connection and try again within the code's 5 minutes.` };
  }

  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = await response.json();
    if (parsed && typeof parsed === 'object') json = parsed as Record<string, unknown>;
  } catch {
    /* not JSON: handled below by status */
  }
  const error = typeof json.error === 'string' ? json.error : undefined;
  if (error === 'invalid_grant') {
    return {
      ok: false,
      problem: 'invalid-grant',
      message:
        'Amazon refused the code (invalid_grant): it is older than 5 minutes or was already used. Codes work once, for 5 minutes. Authorize again to get a fresh one.',
    };
  }
  if (error === 'invalid_client' || response.status === 401) {
    return {
      ok: false,
      problem: 'invalid-client',
      message:
        "Amazon refused the client id or client secret (invalid_client). The secret may be mistyped, or expired — secrets must be rotated every 180 days. Check the entry's client id and secret, then try again.",
    };
  }
  if (!response.ok) {
    const what = error ? ` (${error.slice(0, 60)})` : '';
    return { ok: false, problem: 'refused', message: `The token endpoint refused the exchange: HTTP ${response.status}${what}.` };
  }
  const token = typeof json.refresh_token === 'string' ? json.refresh_token : '';
  if (!checkRefreshToken(token).ok) {
    return { ok: false, problem: 'bad-answer', message: 'The token endpoint answered without a valid refresh token (Atzr|…).' };
  }
  return { ok: true, refreshToken: token };
}
