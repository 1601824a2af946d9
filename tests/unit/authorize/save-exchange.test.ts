import { describe, expect, it, vi } from 'vitest';
import { CODE_LIFETIME_MS } from '../../../features/amazon/redirect';
import { captureBadgeHint } from '../../../features/authorize/badge';
import { exchangeCode } from '../../../features/authorize/exchange';
import { EXCHANGE_MARKER_HEADER } from '../../../features/authorize/token-request';
import { checkTokenEndpoint, endpointPermission } from '../../../features/authorize/settings';
import { APP_ID, CLIENT_ID, CLIENT_SECRET, DRAFT, T0, consentUrl, resultUrl, setup } from './helpers';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('starting an authorization', () => {
  it('builds a consent URL with a fresh state, version=beta and the redirect URI', async () => {
    const { service } = setup();
    const p = await service.start(
      { ...DRAFT, region: 'EU' },
      { type: 'build', applicationId: APP_ID, marketplace: 'DE', appDraft: true, redirectUri: 'https://app.example.com/cb' },
    );
    const url = new URL(p.consentUrl);
    expect(url.host).toBe('sellercentral-europe.amazon.com');
    expect(url.searchParams.get('state')).toBe('state1');
    expect(url.searchParams.get('version')).toBe('beta');
    expect(url.searchParams.get('redirect_uri')).toBe('https://app.example.com/cb');
    expect(p).toMatchObject({ state: 'state1', draft: { region: 'EU', marketplace: 'DE' } });
  });

  it('keeps a pasted consent URL as it is and remembers its state; kind and region come from its host', async () => {
    const { service } = setup();
    const url = `https://vendorcentral.amazon.co.uk/apps/authorize/consent?application_id=${APP_ID}&state=cleo123`;
    const p = await service.start(DRAFT, { type: 'url', url });
    expect(p).toMatchObject({ consentUrl: url, state: 'cleo123', source: 'pasted', draft: { kind: 'vendor', region: 'EU', marketplace: 'UK' } });
  });

  it.each([
    ['not a consent URL', 'https://example.com/apps/authorize/consent?application_id=x', /not a Seller Central or Vendor Central host/],
    ['the wrong path', `https://sellercentral.amazon.com/home?application_id=${APP_ID}`, /consent URL's path/],
    ['no application id', 'https://sellercentral.amazon.com/apps/authorize/consent?state=x', /no application_id/],
    ['plain text', 'hello', /not a URL/],
  ])('refuses %s with a clear message', async (_name, url, message) => {
    const { service } = setup();
    await expect(service.start(DRAFT, { type: 'url', url })).rejects.toThrow(message);
    expect((await service.view()).pending).toHaveLength(0);
  });

  it('refuses a second flow with the same consent URL while the first waits', async () => {
    const { service } = setup();
    await service.start(DRAFT, { type: 'url', url: consentUrl('same') });
    await expect(service.start(DRAFT, { type: 'url', url: consentUrl('same') })).rejects.toThrow(/already started/);
  });

  it('refuses a bad application id or redirect URI when building', async () => {
    const { service } = setup();
    await expect(service.start(DRAFT, { type: 'build', applicationId: CLIENT_ID, marketplace: 'US', appDraft: false })).rejects.toThrow(/not the application id/);
    await expect(
      service.start(DRAFT, { type: 'build', applicationId: APP_ID, marketplace: 'US', appDraft: false, redirectUri: 'http://x.example/cb' }),
    ).rejects.toThrow(/only https/);
  });
});

describe('saving the Result URL', () => {
  it('writes the Result URL, selling partner id and authorized-at into a new entry, sealed', async () => {
    const { service, navigate, entries } = setup();
    const p = await service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    await navigate(resultUrl('RHsave', 's1'), { at: T0 - 1000 });
    const { entryId } = await service.save(p.id, resultUrl('RHsave', 's1'));
    const record = entries.records.get(entryId)!;
    expect(record.meta).toMatchObject({ alias: 'Cleo US', connector: 'cleo-amp', authorizedAt: T0 - 1000, resultCapturedAt: T0 - 1000 });
    expect(record.secrets).toMatchObject({ resultUrl: resultUrl('RHsave', 's1'), sellingPartnerId: 'A3FHEXAMPLEYWS', applicationId: APP_ID });
    expect((await service.view()).pending[0]?.savedEntryId).toBe(entryId);
  });

  it('updates an existing entry instead when one was chosen', async () => {
    const { service, navigate, entries } = setup();
    const meta = await entries.api.createEntry({ alias: 'Old', kind: 'seller', region: 'NA', connector: 'other', environment: 'production' }, {});
    const p = await service.start({ ...DRAFT, entryId: meta.id }, { type: 'url', url: consentUrl('s2') });
    await navigate(resultUrl('RHupd', 's2'));
    await service.save(p.id, resultUrl('RHupd', 's2'));
    expect(entries.records.size).toBe(1);
    expect(entries.records.get(meta.id)?.secrets.resultUrl).toContain('RHupd');
  });

  it.each([
    ['has no spapi_oauth_code', 'https://app.example.com/cb?state=s1&selling_partner_id=A3FHEXAMPLEYWS', /no spapi_oauth_code/],
    ['carries a foreign state', resultUrl('RHother', 'other'), /differs from the one of the authorization you started/],
  ])('refuses a pasted Result URL that %s, and stores nothing', async (_name, url, message) => {
    const { service, entries } = setup();
    const p = await service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    await expect(service.save(p.id, url)).rejects.toThrow(message);
    expect(entries.records.size).toBe(0);
    expect((await service.view()).pending[0]?.savedAt).toBeUndefined();
  });

  it('refuses a captured code older than 5 minutes', async () => {
    const { service, navigate, clock } = setup();
    const p = await service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    await navigate(resultUrl('RHold', 's1'));
    clock.now += CODE_LIFETIME_MS + 1;
    await expect(service.save(p.id, resultUrl('RHold', 's1'))).rejects.toThrow(/more than 5 minutes old/);
  });

  it('accepts a Result URL pasted by hand that matches the state, and makes it the flow’s capture', async () => {
    const { service } = setup();
    const p = await service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    await service.save(p.id, `  ${resultUrl('RHpasted', 's1')}  `);
    const view = await service.view();
    expect(view.captures[0]).toMatchObject({ via: 'pasted', code: 'RHpasted', verified: true, pendingId: p.id });
  });
});

describe('token exchange', () => {
  async function savedFlow(fetchImpl: typeof fetch, hasAccess = true) {
    const ctx = setup({ fetch: vi.fn(fetchImpl) as unknown as typeof fetch, hasHostAccess: vi.fn(async () => hasAccess) }, {
      tokenExchange: true,
      tokenEndpoint: 'http://127.0.0.1:5555/auth/o2/token',
    });
    const p = await ctx.service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    await ctx.navigate(resultUrl('RHex', 's1'));
    await ctx.service.save(p.id, resultUrl('RHex', 's1'));
    return { ...ctx, p };
  }

  it('is refused while the option is off', async () => {
    const { service, navigate } = setup();
    const p = await service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    await navigate(resultUrl('RHoff', 's1'));
    await expect(service.exchange(p.id, {})).rejects.toThrow(/Token exchange is off/);
  });

  it('posts the form Amazon expects and stores the refresh token with the credentials typed in', async () => {
    const { service, p, deps, entries } = await savedFlow(async () => json(200, { refresh_token: 'Atzr|IQEBLzAtAhexample', access_token: 'Atza|x' }));
    const reply = await service.exchange(p.id, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    expect(reply).toMatchObject({ exchanged: true });
    const [url, init] = (deps.fetch as unknown as ReturnType<typeof vi.fn>).mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:5555/auth/o2/token');
    expect(init.method).toBe('POST');
    expect(init.headers['Content-Type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(Object.fromEntries(new URLSearchParams(init.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'RHex',
      redirect_uri: 'https://app.example.com/cb',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    const record = [...entries.records.values()][0]!;
    expect(record.secrets.refreshToken).toBe('Atzr|IQEBLzAtAhexample');
    expect(record.secrets.clientSecret).toBe(CLIENT_SECRET);
    expect(record.meta.clientId).toBe(CLIENT_ID);
    expect(await service.exchange(p.id, {})).toMatchObject({ exchanged: false, problem: 'already-used' });
  });

  it('asks for the client id and secret when the entry has none, sending nothing', async () => {
    const { service, p, deps } = await savedFlow(async () => json(200, {}));
    expect(await service.exchange(p.id, {})).toMatchObject({ exchanged: false, problem: 'no-credentials' });
    expect(deps.fetch).not.toHaveBeenCalled();
  });

  it('does not contact the endpoint once the code is older than 5 minutes', async () => {
    const { service, p, deps, clock } = await savedFlow(async () => json(200, {}));
    clock.now += CODE_LIFETIME_MS;
    expect(await service.exchange(p.id, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })).toMatchObject({ problem: 'expired' });
    expect(deps.fetch).not.toHaveBeenCalled();
  });

  it('reports no access with the permission to ask for when the request could not go out', async () => {
    const { service, p } = await savedFlow(async () => {
      throw new TypeError('Failed to fetch');
    }, false);
    expect(await service.exchange(p.id, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })).toMatchObject({
      exchanged: false,
      problem: 'no-access',
      permission: 'http://127.0.0.1/*',
    });
  });
});

describe('exchangeCode', () => {
  const input = { endpoint: 'https://api.amazon.com/auth/o2/token', code: 'RH', redirectUri: 'https://a.example/cb', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
  const run = (response: Response | Error, hasAccess = true) =>
    exchangeCode(input, {
      fetch: (async () => {
        if (response instanceof Error) throw response;
        return response;
      }) as typeof fetch,
      hasAccess: async () => hasAccess,
    });

  it('turns invalid_grant into plain words', async () => {
    const r = await run(json(400, { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : code' }));
    expect(r).toMatchObject({ ok: false, problem: 'invalid-grant' });
    expect(!r.ok && r.message).toMatch(/older than 5 minutes or was already used/);
  });

  it('turns invalid_client into plain words about the secret', async () => {
    const r = await run(json(401, { error: 'invalid_client', error_description: 'Client authentication failed' }));
    expect(!r.ok && r.message).toMatch(/client secret .*180 days/);
  });

  it('says the endpoint is unreachable when access was granted', async () => {
    expect(await run(new TypeError('Failed to fetch'))).toMatchObject({ problem: 'unreachable' });
  });

  it('refuses an answer without a refresh token', async () => {
    expect(await run(json(200, { access_token: 'Atza|x' }))).toMatchObject({ problem: 'bad-answer' });
  });

  it('sends a header outside the CORS safelist, so no body leaves without host access', async () => {
    let headers: Record<string, string> = {};
    await exchangeCode(input, {
      fetch: (async (_u: string, init: RequestInit) => {
        headers = init.headers as Record<string, string>;
        return json(200, { refresh_token: 'Atzr|x' });
      }) as unknown as typeof fetch,
      hasAccess: async () => true,
    });
    expect(headers[EXCHANGE_MARKER_HEADER]).toBe('token-exchange');
  });
});

describe('token endpoint setting', () => {
  it.each([
    ['https://api.amazon.com/auth/o2/token', true],
    ['https://api.amazon.co.uk/auth/o2/token', true],
    ['http://127.0.0.1:8080/auth/o2/token', true],
    ['http://api.amazon.com/auth/o2/token', false],
    ['https://evil.example/auth/o2/token', false],
    ['https://api.amazon.com.evil.example/token', false],
    ['https://user:pw@api.amazon.com/auth/o2/token', false],
  ])('%s allowed: %s', (url, ok) => {
    expect(checkTokenEndpoint(url).ok).toBe(ok);
  });

  it('asks for the endpoint host on any port', () => {
    expect(endpointPermission('http://127.0.0.1:5555/auth/o2/token')).toBe('http://127.0.0.1/*');
  });
});

describe('captureBadgeHint', () => {
  const capture = (id: string, capturedAt: number, pendingId?: string) => ({
    id, url: 'u', code: id, capturedAt, storedAt: capturedAt, via: 'navigation' as const, verified: !!pendingId, ...(pendingId ? { pendingId } : {}),
  });

  it('counts down in whole minutes, names the alias, never the URL', () => {
    const pending = [{ id: 'p', startedAt: T0, consentUrl: 'c', source: 'built' as const, applicationId: APP_ID, appDraft: false, draft: DRAFT, captureId: 'c1' }];
    const hint = captureBadgeHint([capture('c1', T0, 'p')], T0 + 61_000, pending);
    expect(hint).toMatchObject({ text: '4m', color: '#1E6B34' });
    expect(hint?.title).toContain('Cleo US');
    expect(hint?.title).not.toContain('c1');
  });

  it('is undefined when every code expired or was saved', () => {
    expect(captureBadgeHint([capture('c1', T0)], T0 + CODE_LIFETIME_MS)).toBeUndefined();
    const saved = [{ id: 'p', startedAt: T0, consentUrl: 'c', source: 'built' as const, applicationId: APP_ID, appDraft: false, draft: DRAFT, captureId: 'c1', savedAt: T0 }];
    expect(captureBadgeHint([capture('c1', T0, 'p')], T0, saved)).toBeUndefined();
  });
});
