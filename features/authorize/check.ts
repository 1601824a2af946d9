import type { CheckOutcome } from './check-outcomes';
import { LOOPBACK_HOSTS } from './settings';
import { FORM_CONTENT_TYPE, oauthError, requestJson, type EndpointDeps, type EndpointReply } from './token-request';

/**
 * Checks that a client id, a client secret and a refresh token work now (docs/amazon.md §8): a refresh_token
 * grant at the LWA token endpoint, and for seller apps optionally one read-only SP-API call with the access
 * token. The access token lives only in this function: it is never returned, stored or shown.
 */
export interface CheckInput {
  endpoint: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The SP-API origin to call with the access token (spApiOrigin), or none: the token grant alone. */
  spApi?: { origin: string; hasAccess: () => Promise<boolean> };
}

export type CheckResult =
  | { sent: true; outcome: CheckOutcome; message: string }
  /** Nothing left the browser: LWA Vault needs host access to this pattern first. */
  | { sent: false; permission: 'token' | 'sp-api'; message: string };

/** docs/amazon.md §8: 10 s is generous for a token grant; nothing is retried. */
export const CHECK_TIMEOUT_MS = 10_000;

/** docs/amazon.md §1: the SP-API endpoint of each region. */
export const SP_API_HOSTS = { NA: 'sellingpartnerapi-na.amazon.com', EU: 'sellingpartnerapi-eu.amazon.com', FE: 'sellingpartnerapi-fe.amazon.com' } as const;
export const SP_API_PERMISSIONS = Object.values(SP_API_HOSTS).map((h) => `https://${h}/*`);
/** docs/amazon.md §8: cheap, read-only, and in the Sellers role most seller apps have. */
export const SP_API_CHECK_PATH = '/sellers/v1/marketplaceParticipations';

/** The region's SP-API origin; with a token endpoint on this computer (a local proxy, the tests), that same origin. */
export function spApiOrigin(region: keyof typeof SP_API_HOSTS, tokenEndpoint: string): string {
  const url = new URL(tokenEndpoint);
  return (LOOPBACK_HOSTS as readonly string[]).includes(url.hostname) ? url.origin : `https://${SP_API_HOSTS[region]}`;
}

export async function checkCredentials(input: CheckInput, deps: EndpointDeps): Promise<CheckResult> {
  const host = new URL(input.endpoint).host;
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: input.refreshToken,
    client_id: input.clientId,
    client_secret: input.clientSecret,
  });
  const reply = await requestJson(
    input.endpoint,
    { method: 'POST', headers: { 'Content-Type': FORM_CONTENT_TYPE }, body: body.toString(), marker: 'credential-check' },
    deps,
    CHECK_TIMEOUT_MS,
  );
  const failed = notAnswered(reply, host, 'token');
  if (failed) return failed;
  const answer = reply as Extract<EndpointReply, { type: 'answer' }>;
  const grant = tokenOutcome(answer);
  if (grant) return { sent: true, ...grant };
  const accessToken = answer.json?.access_token as string;
  if (!input.spApi) {
    return { sent: true, outcome: 'working', message: 'Working: Amazon accepted the client id, the secret and the refresh token.' };
  }
  const spHost = new URL(input.spApi.origin).host;
  const call = await requestJson(
    `${input.spApi.origin}${SP_API_CHECK_PATH}`,
    { method: 'GET', headers: { 'x-amz-access-token': accessToken }, marker: 'credential-check' },
    { fetch: deps.fetch, hasAccess: input.spApi.hasAccess },
    CHECK_TIMEOUT_MS,
  );
  return notAnswered(call, spHost, 'sp-api') ?? { sent: true, ...spApiOutcome(call as Extract<EndpointReply, { type: 'answer' }>) };
}

function notAnswered(reply: EndpointReply, host: string, permission: 'token' | 'sp-api'): CheckResult | undefined {
  if (reply.type === 'no-access') {
    return { sent: false, permission, message: `LWA Vault needs your permission to contact ${host}. Nothing was sent.` };
  }
  if (reply.type === 'timeout') {
    return { sent: true, outcome: 'unreachable', message: `Could not reach Amazon: ${host} did not answer within 10 seconds. Nothing was retried; check again later.` };
  }
  if (reply.type === 'unreachable') {
    return { sent: true, outcome: 'unreachable', message: `Could not reach Amazon: ${host} did not answer. Check your connection, then check again.` };
  }
  if (reply.html) {
    return { sent: true, outcome: 'bad-answer', message: `${host} answered with a web page (HTTP ${reply.status}), not Amazon's JSON: an error page or a proxy in between. Check again later.` };
  }
  return undefined;
}

/** The token endpoint's answer (docs/amazon.md §2, §8); undefined when it holds an access token. */
export function tokenOutcome(reply: Extract<EndpointReply, { type: 'answer' }>): { outcome: CheckOutcome; message: string } | undefined {
  const error = oauthError(reply.json);
  if (error === 'invalid_client' || (!error && reply.status === 401)) {
    return {
      outcome: 'secret-rejected',
      message: 'Secret rejected (invalid_client): the client secret is wrong or expired. Rotate it in Developer Central, then save the new one here.',
    };
  }
  if (error === 'invalid_grant') {
    return {
      outcome: 'authorization-lapsed',
      message: 'Authorization lapsed (invalid_grant): the refresh token no longer works — the authorization was revoked or is older than 365 days. Renew the authorization.',
    };
  }
  if (error === 'unauthorized_client' || error === 'access_denied') {
    return { outcome: 'not-authorized', message: `Not authorized for this operation (${error}): Amazon does not let this app use a refresh token here. Check the app's roles and status in Developer Central.` };
  }
  if (!reply.json) {
    return { outcome: 'bad-answer', message: `The token endpoint's answer (HTTP ${reply.status}) is not JSON, so it says nothing about the credentials. Check again later.` };
  }
  if (error || !reply.ok) {
    return { outcome: 'bad-answer', message: `The token endpoint refused the check: HTTP ${reply.status}${error ? ` (${error})` : ''}.` };
  }
  const token = reply.json.access_token;
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
    return { outcome: 'bad-answer', message: 'The token endpoint answered without an access token, so the check is unfinished. Check again later.' };
  }
  return undefined;
}

/** The SP-API call's answer: 403 with "secret … expired" is the expired secret (docs/amazon.md §8). */
export function spApiOutcome(reply: Extract<EndpointReply, { type: 'answer' }>): { outcome: CheckOutcome; message: string } {
  if (reply.ok) return { outcome: 'working', message: 'Working: Amazon accepted the credentials, and SP-API answered a read-only call.' };
  const errors = Array.isArray(reply.json?.errors) ? (reply.json.errors as unknown[]) : [];
  const said = errors.map((e) => (e && typeof e === 'object' ? String((e as { message?: unknown }).message ?? '') : '')).join(' ');
  if (reply.status === 403 && /secret/i.test(said) && /expired/i.test(said)) {
    return {
      outcome: 'secret-expired',
      message: 'SP-API says the secret expired (403): the token grant still works, but SP-API refuses the expired secret. Rotate it in Developer Central.',
    };
  }
  if (reply.status === 403 || reply.status === 401) {
    return {
      outcome: 'not-authorized',
      message: `Not authorized for this operation (HTTP ${reply.status}): the credentials work, but SP-API refused ${SP_API_CHECK_PATH} (the app may lack the Sellers role).`,
    };
  }
  return { outcome: 'bad-answer', message: `SP-API answered HTTP ${reply.status} to a read-only call, which says nothing about the credentials. Check again later.` };
}
