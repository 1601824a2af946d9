import { checkRefreshToken } from '../amazon/identifiers';
import { FORM_CONTENT_TYPE, oauthError, requestJson, type EndpointDeps } from './token-request';

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

const TIMEOUT_MS = 20_000;

export async function exchangeCode(input: ExchangeInput, deps: EndpointDeps): Promise<ExchangeResult> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: input.redirectUri,
    client_id: input.clientId,
    client_secret: input.clientSecret,
  });
  const host = new URL(input.endpoint).host;
  const reply = await requestJson(
    input.endpoint,
    { method: 'POST', headers: { 'Content-Type': FORM_CONTENT_TYPE }, body: body.toString(), marker: 'token-exchange' },
    deps,
    TIMEOUT_MS,
  );
  if (reply.type === 'no-access') {
    return {
      ok: false,
      problem: 'no-access',
      message: `LWA Vault needs your permission to contact ${host}. Nothing was sent: allow access in the browser's prompt, then exchange again.`,
    };
  }
  if (reply.type !== 'answer') {
    return { ok: false, problem: 'unreachable', message: `LWA Vault could not reach ${host}. Check your connection and try again within the code's 5 minutes.` };
  }
  const json = reply.json ?? {};
  const error = oauthError(json);
  if (error === 'invalid_grant') {
    return {
      ok: false,
      problem: 'invalid-grant',
      message:
        'Amazon refused the code (invalid_grant): it is older than 5 minutes or was already used. Codes work once, for 5 minutes. Authorize again to get a fresh one.',
    };
  }
  if (error === 'invalid_client' || reply.status === 401) {
    return {
      ok: false,
      problem: 'invalid-client',
      message:
        "Amazon refused the client id or client secret (invalid_client). The secret may be mistyped, or expired — secrets must be rotated every 180 days. Check the entry's client id and secret, then try again.",
    };
  }
  if (!reply.ok) {
    const what = error ? ` (${error})` : '';
    return { ok: false, problem: 'refused', message: `The token endpoint refused the exchange: HTTP ${reply.status}${what}.` };
  }
  const token = typeof json.refresh_token === 'string' ? json.refresh_token : '';
  if (!checkRefreshToken(token).ok) {
    return { ok: false, problem: 'bad-answer', message: 'The token endpoint answered without a valid refresh token (Atzr|…).' };
  }
  return { ok: true, refreshToken: token };
}
