import { describe, expect, it, vi } from 'vitest';
import { VaultError } from '../../../platform/errors';
import { CHECK_TIMEOUT_MS, SP_API_CHECK_PATH, spApiOrigin } from '../../../features/authorize/check';
import { createCheckService } from '../../../features/authorize/check-service';
import { DEFAULT_CAPTURE_SETTINGS } from '../../../features/authorize/settings';
import { EXCHANGE_MARKER_HEADER } from '../../../features/authorize/token-request';
import { CLIENT_ID, CLIENT_SECRET, OTHER_CLIENT_SECRET, REFRESH_TOKEN } from '../../support/identifiers';
import { fakeEntries, T0 } from './helpers';

const ACCESS = 'Atza|IQEBLjAsAexample';
const DAY = 86_400_000;

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
type Answer = Response | Error | (() => Promise<Response>);

async function setup(answers: Answer[], options: { daily?: boolean; hasAccess?: boolean; kind?: 'seller' | 'vendor'; secrets?: Record<string, string>; meta?: Record<string, unknown> } = {}) {
  const entries = fakeEntries();
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const notices: Array<{ id: string; text: string }> = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const answer = answers.shift();
    if (!answer) throw new Error('unexpected request');
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer() : answer;
  });
  const meta = await entries.api.createEntry(
    { alias: 'Acme EU', kind: options.kind ?? 'seller', region: 'EU', marketplace: 'DE', connector: 'other', environment: 'production', clientId: CLIENT_ID, ...options.meta },
    { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN, ...options.secrets },
  );
  const service = createCheckService({
    vault: entries.vault,
    settings: { get: async () => ({ ...DEFAULT_CAPTURE_SETTINGS, tokenEndpoint: 'https://api.amazon.com/auth/o2/token', dailyCheck: options.daily ?? false }) },
    fetch: fetch as unknown as typeof globalThis.fetch,
    hasHostAccess: async () => options.hasAccess ?? true,
    now: () => T0,
    notify: async (id, text) => void notices.push({ id, text }),
  });
  return { service, notices, calls, entries, id: meta.id };
}

const granted = () => json(200, { access_token: ACCESS, token_type: 'bearer', expires_in: 3600, refresh_token: REFRESH_TOKEN });

describe('credential check', () => {
  it('sends a refresh_token grant, form-encoded, and records "working" without the access token anywhere', async () => {
    const { service, calls, entries, id } = await setup([granted()]);
    const reply = await service.check({ entryId: id, secret: 'current', spApi: false });
    expect(reply).toMatchObject({ checked: true, outcome: 'working' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://api.amazon.com/auth/o2/token');
    expect(Object.fromEntries(new URLSearchParams(String(calls[0]!.init.body)))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: REFRESH_TOKEN,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect((calls[0]!.init.headers as Record<string, string>)[EXCHANGE_MARKER_HEADER]).toBe('credential-check');
    expect(calls[0]!.init).toMatchObject({ credentials: 'omit', redirect: 'error', method: 'POST' });
    const stored = entries.records.get(id)!;
    expect(stored.meta.credentialCheck).toEqual({ at: T0, outcome: 'working', secret: 'current' });
    expect(entries.events).toEqual([{ entryId: id, type: 'checked', detail: 'current secret: working (token grant)' }]);
    expect(JSON.stringify([reply, stored, entries.events])).not.toContain(ACCESS);
  });

  it.each([
    ['invalid_client', json(401, { error: 'invalid_client', error_description: 'Client authentication failed' }), 'secret-rejected', /Secret rejected \(invalid_client\)/],
    ['a bare 401', new Response('', { status: 401 }), 'secret-rejected', /Secret rejected/],
    ['invalid_grant', json(400, { error: 'invalid_grant', error_description: 'User may have revoked' }), 'authorization-lapsed', /Authorization lapsed \(invalid_grant\).*Renew/],
    ['unauthorized_client', json(400, { error: 'unauthorized_client', error_description: 'Not authorized for requested operation' }), 'not-authorized', /Not authorized for this operation \(unauthorized_client\)/],
    ['another error', json(400, { error: 'unsupported_grant_type' }), 'bad-answer', /HTTP 400 \(unsupported_grant_type\)/],
    ['an HTML error page', new Response('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } }), 'bad-answer', /a web page \(HTTP 502\)/],
    ['text that is not JSON', new Response('oops', { status: 200 }), 'bad-answer', /is not JSON/],
    ['JSON without an access token', json(200, { token_type: 'bearer' }), 'bad-answer', /without an access token/],
  ])('maps %s to its outcome', async (_name, answer, outcome, message) => {
    const { service, id, entries } = await setup([answer as Response]);
    const reply = await service.check({ entryId: id, secret: 'current', spApi: false });
    expect(reply).toMatchObject({ checked: true, outcome });
    expect(reply.message).toMatch(message);
    expect(entries.records.get(id)!.meta.credentialCheck?.outcome).toBe(outcome);
  });

  it('never echoes free text from the endpoint (an error code that is not one is dropped)', async () => {
    const { service, id } = await setup([json(400, { error: `leak ${CLIENT_SECRET}` })]);
    const reply = await service.check({ entryId: id, secret: 'current', spApi: false });
    expect(reply.message).not.toContain(CLIENT_SECRET);
    expect(reply.message).toBe('The token endpoint refused the check: HTTP 400.');
  });

  it('reports a timeout (the 10 s signal firing) as such, once, without retrying', async () => {
    const { service, id, calls } = await setup([new DOMException('The operation was aborted due to timeout', 'TimeoutError')]);
    const reply = await service.check({ entryId: id, secret: 'current', spApi: false });
    expect(reply).toMatchObject({ checked: true, outcome: 'unreachable' });
    expect(reply.message).toMatch(/did not answer within 10 seconds/);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.init.signal).toBeInstanceOf(AbortSignal);
    expect(CHECK_TIMEOUT_MS).toBe(10_000);
  });

  it('tells "no host access yet" (nothing sent, nothing recorded) from "could not reach"', async () => {
    const refused = await setup([new TypeError('Failed to fetch')], { hasAccess: false });
    const reply = await refused.service.check({ entryId: refused.id, secret: 'current', spApi: false });
    expect(reply).toEqual({ checked: false, problem: 'no-access', permission: 'https://api.amazon.com/*', message: expect.stringMatching(/needs your permission to contact api\.amazon\.com/) });
    expect(refused.entries.records.get(refused.id)!.meta.credentialCheck).toBeUndefined();
    expect(refused.entries.events).toEqual([]);
    const offline = await setup([new TypeError('Failed to fetch')]);
    expect(await offline.service.check({ entryId: offline.id, secret: 'current', spApi: false })).toMatchObject({ checked: true, outcome: 'unreachable' });
  });

  it('says which credential is missing and sends nothing', async () => {
    const { service, id, calls } = await setup([], { secrets: { clientSecret: '', refreshToken: '' } });
    const reply = await service.check({ entryId: id, secret: 'current', spApi: false });
    expect(reply).toMatchObject({ checked: false, problem: 'missing' });
    expect(reply.message).toBe('Acme EU has no client secret and no refresh token, so it cannot be checked. Add them with Edit, then check again. Nothing was sent.');
    const noId = await setup([], { meta: { clientId: undefined } });
    expect((await noId.service.check({ entryId: noId.id, secret: 'current', spApi: false })).message).toMatch(/^Acme EU has no LWA client id, so/);
    expect(calls).toHaveLength(0);
  });

  it('checks the previous secret only while it still runs', async () => {
    const running = await setup([json(401, { error: 'invalid_client' })], { secrets: { previousClientSecret: OTHER_CLIENT_SECRET }, meta: { previousSecretExpiresAt: T0 + 3 * DAY } });
    const reply = await running.service.check({ entryId: running.id, secret: 'previous', spApi: false });
    expect(reply).toMatchObject({ checked: true, outcome: 'secret-rejected' });
    expect(new URLSearchParams(String(running.calls[0]!.init.body)).get('client_secret')).toBe(OTHER_CLIENT_SECRET);
    expect(running.entries.records.get(running.id)!.meta.credentialCheck).toMatchObject({ secret: 'previous' });
    const ended = await setup([], { secrets: { previousClientSecret: OTHER_CLIENT_SECRET }, meta: { previousSecretExpiresAt: T0 - 1 } });
    await expect(ended.service.check({ entryId: ended.id, secret: 'previous', spApi: false })).rejects.toThrow(/no previous secret that still works/);
  });
});

describe('credential check with one SP-API call', () => {
  it('calls the region\'s endpoint with the access token and reports "working"', async () => {
    const { service, id, calls, entries } = await setup([granted(), json(200, { payload: [] })]);
    const reply = await service.check({ entryId: id, secret: 'current', spApi: true });
    expect(reply).toMatchObject({ checked: true, outcome: 'working' });
    expect(calls[1]!.url).toBe(`https://sellingpartnerapi-eu.amazon.com${SP_API_CHECK_PATH}`);
    expect(calls[1]!.init).toMatchObject({ method: 'GET', credentials: 'omit' });
    expect((calls[1]!.init.headers as Record<string, string>)['x-amz-access-token']).toBe(ACCESS);
    expect(entries.events[0]!.detail).toBe('current secret: working (token grant and one SP-API call)');
    expect(JSON.stringify([reply, entries.records.get(id), entries.events])).not.toContain(ACCESS);
  });

  it.each([
    ['403 "secret … expired"', json(403, { errors: [{ code: 'Unauthorized', message: 'The LWA secret token you provided has expired.' }] }), 'secret-expired'],
    ['another 403', json(403, { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] }), 'not-authorized'],
    ['a 500', json(500, { errors: [] }), 'bad-answer'],
    ['an HTML page', new Response('<!doctype html><p>Service unavailable', { status: 503 }), 'bad-answer'],
  ])('maps %s', async (_name, answer, outcome) => {
    const { service, id } = await setup([granted(), answer as Response]);
    expect(await service.check({ entryId: id, secret: 'current', spApi: true })).toMatchObject({ checked: true, outcome });
  });

  it('asks for the SP-API host permission on its own', async () => {
    const { service, id } = await setup([granted(), new TypeError('Failed to fetch')], { hasAccess: false });
    expect(await service.check({ entryId: id, secret: 'current', spApi: true })).toMatchObject({ checked: false, problem: 'no-access', permission: 'https://sellingpartnerapi-eu.amazon.com/*' });
  });

  it('is for seller apps; a loopback token endpoint (a proxy, the tests) serves SP-API too', async () => {
    const vendor = await setup([], { kind: 'vendor' });
    await expect(vendor.service.check({ entryId: vendor.id, secret: 'current', spApi: true })).rejects.toThrow(/seller apps/);
    expect(spApiOrigin('FE', 'http://127.0.0.1:4321/auth/o2/token')).toBe('http://127.0.0.1:4321');
    expect(spApiOrigin('NA', 'https://api.amazon.com/auth/o2/token')).toBe('https://sellingpartnerapi-na.amazon.com');
  });
});

describe('daily check', () => {
  it('is off by default', async () => {
    const { service, calls } = await setup([granted()]);
    await service.daily();
    expect(calls).toHaveLength(0);
  });

  it('checks each entry at most once a day and raises one notification for the failures', async () => {
    const { service, calls, notices, entries, id } = await setup([json(401, { error: 'invalid_client' }), json(400, { error: 'invalid_grant' })], { daily: true });
    const fresh = await entries.api.createEntry({ alias: 'Fresh', kind: 'seller', region: 'EU', connector: 'other', environment: 'production', clientId: CLIENT_ID, credentialCheck: { at: T0 - 2 * 3_600_000, outcome: 'working', secret: 'current' } }, { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN });
    const stale = await entries.api.createEntry({ alias: 'Stale', kind: 'seller', region: 'EU', connector: 'other', environment: 'production', clientId: CLIENT_ID, credentialCheck: { at: T0 - 25 * 3_600_000, outcome: 'working', secret: 'current' } }, { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN });
    await service.daily();
    expect(calls).toHaveLength(2);
    expect(entries.records.get(id)!.meta.credentialCheck).toMatchObject({ at: T0, outcome: 'secret-rejected' });
    expect(entries.records.get(stale.id)!.meta.credentialCheck).toMatchObject({ at: T0, outcome: 'authorization-lapsed' });
    expect(entries.records.get(fresh.id)!.meta.credentialCheck?.at).toBe(T0 - 2 * 3_600_000);
    expect(notices).toEqual([{ id: 'check-failing', text: 'Credential check failing: Acme EU (secret rejected), Stale (authorization lapsed). Open the entry in LWA Vault for the next step.' }]);
    await service.daily(); // the same day: nothing is sent again
    expect(calls).toHaveLength(2);
    expect(notices).toHaveLength(1);
  });

  it('stops while the vault is locked', async () => {
    const { service, calls, entries } = await setup([granted()], { daily: true });
    entries.vault.getEntry = async () => {
      throw new VaultError('locked', 'The vault is locked. Unlock it first.');
    };
    await service.daily();
    expect(calls).toHaveLength(0);
  });
});
