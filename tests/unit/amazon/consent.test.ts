import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_STATE_WARNING, buildConsentUrl, newState, parseConsentUrl } from '../../../features/amazon/consent';
import { MARKETPLACES } from '../../../features/amazon/hosts';
import { APPLICATION_ID, CLIENT_ID, LEGACY_APPLICATION_ID } from '../../support/identifiers';

const STATE = 'c0ffee'.repeat(4);

describe('buildConsentUrl', () => {
  it('builds a seller consent URL on the marketplace’s first Seller Central host', () => {
    expect(buildConsentUrl({ kind: 'seller', marketplace: 'US', applicationId: APPLICATION_ID, state: STATE, draft: false })).toBe(
      `https://sellercentral.amazon.com/apps/authorize/consent?application_id=${APPLICATION_ID}&state=${STATE}`,
    );
  });

  it('builds a vendor consent URL on Vendor Central', () => {
    const url = new URL(buildConsentUrl({ kind: 'vendor', marketplace: 'DE', applicationId: APPLICATION_ID, state: STATE, draft: false }));
    expect(url.host).toBe('vendorcentral.amazon.de');
    expect(url.pathname).toBe('/apps/authorize/consent');
  });

  it('uses sellercentral-europe for the German Seller Central', () => {
    expect(new URL(buildConsentUrl({ kind: 'seller', marketplace: 'DE', applicationId: APPLICATION_ID, state: STATE, draft: false })).host).toBe(
      'sellercentral-europe.amazon.com',
    );
  });

  it('adds version=beta for a Draft app and an encoded redirect_uri when given', () => {
    const built = buildConsentUrl({
      kind: 'seller',
      marketplace: 'JP',
      applicationId: APPLICATION_ID,
      state: STATE,
      draft: true,
      redirectUri: 'https://example.com/cb?x=1&y=2',
    });
    expect(built).toBe(
      `https://sellercentral.amazon.co.jp/apps/authorize/consent?application_id=${APPLICATION_ID}&state=${STATE}` +
        '&version=beta&redirect_uri=https%3A%2F%2Fexample.com%2Fcb%3Fx%3D1%26y%3D2',
    );
  });

  it('trims a pasted application id', () => {
    const built = buildConsentUrl({ kind: 'seller', marketplace: 'US', applicationId: ` ${APPLICATION_ID}\n`, state: STATE, draft: false });
    expect(new URL(built).searchParams.get('application_id')).toBe(APPLICATION_ID);
  });

  it('throws on an unknown marketplace code', () => {
    expect(() => buildConsentUrl({ kind: 'seller', marketplace: 'XX', applicationId: APPLICATION_ID, state: STATE, draft: false })).toThrow(
      RangeError,
    );
  });
});

describe('newState', () => {
  it('is 32 random bytes as 64 lowercase hex characters', () => {
    expect(newState()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs between calls', () => {
    expect(new Set(Array.from({ length: 20 }, () => newState())).size).toBe(20);
  });

  it('hex-encodes the bytes of the random source it is given', () => {
    const fixed = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => { new Uint8Array(array!.buffer).fill(0x0a); return array; } };
    expect(newState(fixed as Pick<Crypto, 'getRandomValues'>)).toBe('0a'.repeat(32));
  });
});

describe('parseConsentUrl', () => {
  it('reads a seller consent URL from Cleo, with whitespace around it', () => {
    const text = `  https://sellercentral.amazon.com/apps/authorize/consent?application_id=${APPLICATION_ID}&state=abc&version=beta&redirect_uri=https%3A%2F%2Fcleo.example%2Fcb\n`;
    expect(parseConsentUrl(text)).toEqual({
      ok: true,
      url: text.trim(),
      host: 'sellercentral.amazon.com',
      kind: 'seller',
      region: 'NA',
      marketplaces: ['US'],
      applicationId: APPLICATION_ID,
      state: 'abc',
      redirectUri: 'https://cleo.example/cb',
      draft: true,
      warnings: [],
    });
  });

  it('reads a vendor consent URL on the shared Middle East host', () => {
    const parsed = parseConsentUrl(`https://vendorcentral.amazon.me/apps/authorize/consent?application_id=${APPLICATION_ID}&state=s`);
    expect(parsed).toMatchObject({ ok: true, kind: 'vendor', region: 'EU', marketplaces: ['EG', 'SA', 'AE'], draft: false });
  });

  it('lists every marketplace served by sellercentral-europe', () => {
    const parsed = parseConsentUrl(`https://sellercentral-europe.amazon.com/apps/authorize/consent?application_id=${APPLICATION_ID}&state=s`);
    expect(parsed).toMatchObject({ ok: true, region: 'EU', marketplaces: ['IE', 'ES', 'UK', 'FR', 'DE', 'IT'] });
  });

  it('accepts a legacy sellerapps application id, any parameter order and a trailing slash', () => {
    const parsed = parseConsentUrl(`https://vendorcentral.amazon.com/apps/authorize/consent/?state=s&application_id=${LEGACY_APPLICATION_ID}`);
    expect(parsed).toMatchObject({ ok: true, applicationId: LEGACY_APPLICATION_ID, state: 's' });
  });

  it('allows a consent URL without state but flags that the capture cannot be verified', () => {
    const parsed = parseConsentUrl(`https://sellercentral.amazon.de/apps/authorize/consent?application_id=${APPLICATION_ID}`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.state).toBeUndefined();
    expect(parsed.warnings).toContain(NO_STATE_WARNING);
  });

  it('treats an empty state as no state', () => {
    const parsed = parseConsentUrl(`https://sellercentral.amazon.com/apps/authorize/consent?application_id=${APPLICATION_ID}&state=`);
    expect(parsed).toMatchObject({ ok: true, warnings: [NO_STATE_WARNING] });
    expect(parsed).not.toHaveProperty('state');
  });

  it('warns when the redirect_uri is not https', () => {
    const parsed = parseConsentUrl(
      `https://sellercentral.amazon.com/apps/authorize/consent?application_id=${APPLICATION_ID}&state=s&redirect_uri=http%3A%2F%2Flocalhost%2Fcb`,
    );
    expect(parsed).toMatchObject({ ok: true, redirectUri: 'http://localhost/cb' });
    expect(parsed.ok && parsed.warnings.join(' ')).toMatch(/only https/);
  });

  const consent = (query: string, host = 'sellercentral.amazon.com') => `https://${host}/apps/authorize/consent?${query}`;

  it.each([
    ['rejects text that is not a URL', 'copy the link please', 'not-a-url', /not a URL/],
    ['rejects a URL without https:// in front', `sellercentral.amazon.com/apps/authorize/consent?application_id=${APPLICATION_ID}`, 'not-a-url', /starting with https:\/\//],
    ['rejects a plain-http consent URL', consent(`application_id=${APPLICATION_ID}`).replace('https:', 'http:'), 'not-https', /starts with http:\/\//],
    ['rejects a look-alike host and names it', consent(`application_id=${APPLICATION_ID}`, 'sellercentral.amazon.com.evil.example'), 'not-amazon-host', /^sellercentral\.amazon\.com\.evil\.example is not a Seller Central or Vendor Central host/],
    ['rejects the Solution Provider Portal', consent(`application_id=${APPLICATION_ID}`, 'solutionproviderportal.amazon.com'), 'not-amazon-host', /solutionproviderportal\.amazon\.com is not/],
    ['rejects an Amazon host on another port', consent(`application_id=${APPLICATION_ID}`, 'sellercentral.amazon.com:8443'), 'not-amazon-host', /sellercentral\.amazon\.com:8443 is not/],
    ['rejects credentials before the host', `https://user@sellercentral.amazon.com/apps/authorize/consent?application_id=${APPLICATION_ID}`, 'credentials-in-url', /user name or password/],
    ['rejects the wrong path', `https://sellercentral.amazon.com/apps/manage?application_id=${APPLICATION_ID}`, 'wrong-path', /path of this URL is \/apps\/manage; a consent URL's path is \/apps\/authorize\/consent/],
    ['explains Amazon’s confirm step is not a consent URL', `https://sellercentral.amazon.com/apps/authorize/confirm/${APPLICATION_ID}?state=s`, 'wrong-path', /confirmation step/],
    ['rejects a fragment', `${consent(`application_id=${APPLICATION_ID}&state=s`)}#top`, 'fragment', /# fragment/],
    ['rejects an empty fragment', `${consent(`application_id=${APPLICATION_ID}`)}#`, 'fragment', /# fragment/],
    ['rejects a consent URL without application_id', consent('state=s'), 'no-application-id', /no application_id/],
    ['rejects an empty application_id', consent('application_id=&state=s'), 'no-application-id', /no application_id/],
    ['rejects a malformed application_id', consent('application_id=amzn1.sp.solution.1234&state=s'), 'bad-application-id', /not an application id/],
  ])('%s', (_name, text, problem, message) => {
    const parsed = parseConsentUrl(text);
    expect(parsed).toMatchObject({ ok: false, problem });
    expect(parsed.ok ? '' : parsed.message).toMatch(message);
  });

  it('rejects a consent URL whose application_id is the LWA client id', () => {
    const parsed = parseConsentUrl(consent(`application_id=${CLIENT_ID}&state=s`));
    expect(parsed).toMatchObject({ ok: false, problem: 'client-id-as-application-id' });
    const message = parsed.ok ? '' : parsed.message;
    expect(message).toMatch(/needs the application id, which starts with amzn1\.sp\.solution/);
    expect(message).toMatch(/not the client id/);
    expect(message).toMatch(/Unable to find application/);
  });

  it('round-trips build → parse for every marketplace and kind', () => {
    const cases = MARKETPLACES.flatMap((m) => (['seller', 'vendor'] as const).map((kind) => ({ marketplace: m, kind })));
    const redirectUri = fc.option(fc.webUrl({ validSchemes: ['https'] }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.uuid(),
        fc.boolean(),
        fc.string({ minLength: 1 }),
        redirectUri,
        ({ marketplace, kind }, uuid, draft, state, uri) => {
          const applicationId = `amzn1.sp.solution.${uuid}`;
          const input = { kind, marketplace: marketplace.code, applicationId, state, draft, ...(uri === undefined ? {} : { redirectUri: uri }) };
          const parsed = parseConsentUrl(buildConsentUrl(input));
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          expect(parsed.kind).toBe(kind);
          expect(parsed.region).toBe(marketplace.region);
          expect(parsed.marketplaces).toContain(marketplace.code);
          expect(parsed.applicationId).toBe(applicationId);
          expect(parsed.state).toBe(state);
          expect(parsed.draft).toBe(draft);
          expect(parsed.redirectUri).toBe(uri);
        },
      ),
    );
  });

  it('round-trips a fresh state exactly', () => {
    const state = newState();
    const parsed = parseConsentUrl(buildConsentUrl({ kind: 'vendor', marketplace: 'IN', applicationId: APPLICATION_ID, state, draft: false }));
    expect(parsed).toMatchObject({ ok: true, state, host: 'www.vendorcentral.in', warnings: [] });
  });
});
