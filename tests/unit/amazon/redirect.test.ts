import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_LIFETIME_MS,
  MAX_CODE_LENGTH,
  classifyRedirect,
  codeMsLeft,
  validateResultUrl,
} from '../../../features/amazon/redirect';
import { APPLICATION_ID, SELLER_ID } from '../../support/identifiers';

const CODE = 'RHxampleCode12345678';
const DOC_EXAMPLE =
  'https://client-example.com?state=state-example&mws_auth_token=mwsauthtokenexample&selling_partner_id=sellingpartneridexample&spapi_oauth_code=spapioauthcodeexample';

describe('classifyRedirect', () => {
  it('reads the final redirect of Amazon’s documentation example', () => {
    expect(classifyRedirect(DOC_EXAMPLE)).toEqual({
      kind: 'final',
      spapiOauthCode: 'spapioauthcodeexample',
      state: 'state-example',
      sellingPartnerId: 'sellingpartneridexample',
      mwsAuthToken: 'mwsauthtokenexample',
      url: DOC_EXAMPLE,
    });
  });

  it('reads the order seen in real redirects (code first) and leaves absent values out', () => {
    const url = `https://cleo.example/oauth/callback?spapi_oauth_code=${CODE}&state=abc&selling_partner_id=${SELLER_ID}`;
    expect(classifyRedirect(url)).toEqual({ kind: 'final', spapiOauthCode: CODE, state: 'abc', sellingPartnerId: SELLER_ID, url });
  });

  it('decodes percent-encoded values', () => {
    expect(classifyRedirect(`https://x.example/?spapi_oauth_code=${CODE}&state=a%2Bb%20c`)).toMatchObject({ state: 'a+b c' });
  });

  it('reads the Login-URI hop of the Appstore example', () => {
    const callback = `https://sellercentral.amazon.com/apps/authorize/confirm/${APPLICATION_ID}`;
    const url = `https://d2yzyfnnpjylxu.cloudfront.net/index.html?amazon_callback_uri=${encodeURIComponent(callback)}&amazon_state=amazonstateexample&version=beta&selling_partner_id=A3FHEXAMPLEYWS`;
    expect(classifyRedirect(url)).toEqual({
      kind: 'login-hop',
      amazonCallbackUri: callback,
      amazonState: 'amazonstateexample',
      sellingPartnerId: 'A3FHEXAMPLEYWS',
      draft: true,
      url,
    });
  });

  it('prefers the final redirect when both parameters are present', () => {
    expect(classifyRedirect(`https://x.example/?amazon_callback_uri=https%3A%2F%2Fa&spapi_oauth_code=${CODE}`).kind).toBe('final');
  });

  it.each([
    ['an ordinary page', 'https://sellercentral.amazon.com/home'],
    ['an empty code', 'https://x.example/?spapi_oauth_code=&state=s'],
    ['a code with unsafe characters', 'https://x.example/?spapi_oauth_code=a%20b'],
    ['a code too long to be one', `https://x.example/?spapi_oauth_code=${'a'.repeat(MAX_CODE_LENGTH + 1)}`],
    ['a code in the fragment only', `https://x.example/#spapi_oauth_code=${CODE}`],
    ['a non-web scheme', `javascript:alert(1)//?spapi_oauth_code=${CODE}`],
    ['not a URL', 'spapi_oauth_code=RH123'],
    ['an empty string', ''],
  ])('classifies %s as other', (_name, url) => {
    expect(classifyRedirect(url)).toEqual({ kind: 'other' });
  });

  it('accepts a code of exactly the maximum length', () => {
    expect(classifyRedirect(`https://x.example/?spapi_oauth_code=${'a'.repeat(MAX_CODE_LENGTH)}`).kind).toBe('final');
  });

  it('finds the code whatever the parameter order and host', () => {
    const reserved = ['spapi_oauth_code', 'state', 'selling_partner_id', 'mws_auth_token', 'amazon_callback_uri'];
    const extraKey = fc.stringMatching(/^[a-z_]{1,12}$/).filter((k) => !reserved.includes(k));
    const scenario = fc
      .record({
        base: fc.webUrl({ withQueryParameters: false, withFragments: false }),
        code: fc.stringMatching(/^[A-Za-z0-9._~-]{1,100}$/),
        state: fc.string({ minLength: 1 }),
        sellingPartnerId: fc.stringMatching(/^A[0-9A-Z]{9,15}$/),
        mwsAuthToken: fc.option(fc.stringMatching(/^[a-z0-9.-]{1,40}$/), { nil: undefined }),
        extras: fc.array(fc.tuple(extraKey, fc.string()), { maxLength: 4 }),
      })
      .chain((s) => {
        const params: [string, string][] = [
          ['spapi_oauth_code', s.code],
          ['state', s.state],
          ['selling_partner_id', s.sellingPartnerId],
          ...(s.mwsAuthToken === undefined ? [] : [['mws_auth_token', s.mwsAuthToken] as [string, string]]),
          ...s.extras,
        ];
        return fc.shuffledSubarray(params, { minLength: params.length }).map((ordered) => ({ ...s, ordered }));
      });
    fc.assert(
      fc.property(scenario, ({ base, code, state, sellingPartnerId, mwsAuthToken, ordered }) => {
        const query = ordered.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        const result = classifyRedirect(`${base}?${query}`);
        expect(result).toMatchObject({ kind: 'final', spapiOauthCode: code, state, sellingPartnerId });
        expect(result.kind === 'final' ? result.mwsAuthToken : 'not final').toBe(mwsAuthToken);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary strings', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.webUrl().chain((u) => fc.string({ unit: 'binary' }).map((s) => `${u}?spapi_oauth_code=${s}&amazon_callback_uri=${s}`)),
    );
    fc.assert(
      fc.property(text, (value) => {
        const result = classifyRedirect(value);
        expect(['final', 'login-hop', 'other']).toContain(result.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not throw when handed something that is not a string', () => {
    expect(classifyRedirect(undefined as unknown as string)).toEqual({ kind: 'other' });
  });
});

describe('codeMsLeft', () => {
  it.each([
    [0, CODE_LIFETIME_MS],
    [60_000, CODE_LIFETIME_MS - 60_000],
    [CODE_LIFETIME_MS, 0],
    [CODE_LIFETIME_MS + 1, 0],
    [-5_000, CODE_LIFETIME_MS],
  ])('a code %i ms old has %i ms left', (age, left) => {
    expect(codeMsLeft(1_000_000, 1_000_000 + age)).toBe(left);
  });
});

describe('validateResultUrl', () => {
  const NOW = 1_700_000_000_000;
  const good = `https://cleo.example/cb?spapi_oauth_code=${CODE}&state=abc&selling_partner_id=${SELLER_ID}`;
  const codes = (text: string, context: Parameters<typeof validateResultUrl>[1]) =>
    validateResultUrl(text, context).problems.map((p) => p.code);

  it('accepts a fresh Result URL with the expected state and tells how long the code lives', () => {
    const check = validateResultUrl(` ${good}\n`, { expectedState: 'abc', capturedAt: NOW - 60_000, now: NOW });
    expect(check).toMatchObject({ ok: true, problems: [], msLeft: 4 * 60_000, capture: { spapiOauthCode: CODE, url: good } });
  });

  it('skips the age check when the capture time is unknown', () => {
    const check = validateResultUrl(good, { now: NOW });
    expect(check.ok).toBe(true);
    expect(check).not.toHaveProperty('msLeft');
  });

  it('rejects text that is not a URL', () => {
    expect(codes('the code is RH123', { now: NOW })).toEqual(['not-a-url']);
  });

  it('rejects a URL without spapi_oauth_code in plain words', () => {
    const check = validateResultUrl('https://sellercentral.amazon.com/home', { now: NOW });
    expect(check.problems).toEqual([
      { code: 'no-code', message: 'This is not the URL Amazon redirected you to: it has no spapi_oauth_code.' },
    ]);
  });

  it('explains that the Login-URI hop is not the final redirect', () => {
    const check = validateResultUrl('https://login.example/?amazon_callback_uri=https%3A%2F%2Fsellercentral.amazon.com%2Fapps%2Fauthorize%2Fconfirm%2Fx', { now: NOW });
    expect(check.problems[0]).toMatchObject({ code: 'no-code' });
    expect(check.problems[0]?.message).toMatch(/intermediate sign-in page/);
  });

  it('rejects a damaged code', () => {
    expect(codes('https://cleo.example/cb?spapi_oauth_code=RH%0A12&state=abc', { now: NOW })).toEqual(['bad-code']);
  });

  it('rejects a Result URL whose state differs from the pending authorization', () => {
    const check = validateResultUrl(good, { expectedState: 'other', now: NOW });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([expect.objectContaining({ code: 'state-mismatch', message: expect.stringMatching(/differs/) })]);
  });

  it('rejects a Result URL without state when one is expected', () => {
    const check = validateResultUrl(`https://cleo.example/cb?spapi_oauth_code=${CODE}&selling_partner_id=${SELLER_ID}`, { expectedState: 'abc', now: NOW });
    expect(check.problems).toEqual([expect.objectContaining({ code: 'state-mismatch', message: expect.stringMatching(/no state/) })]);
  });

  it('rejects a Result URL without selling_partner_id', () => {
    expect(codes(`https://cleo.example/cb?spapi_oauth_code=${CODE}&state=abc`, { now: NOW })).toEqual(['no-selling-partner-id']);
  });

  it.each([
    ['exactly 5 minutes old', CODE_LIFETIME_MS],
    ['an hour old', 3_600_000],
  ])('rejects a code %s as expired', (_name, age) => {
    const check = validateResultUrl(good, { capturedAt: NOW - age, now: NOW });
    expect(check.problems.map((p) => p.code)).toEqual(['expired']);
    expect(check.problems[0]?.message).toMatch(/more than 5 minutes old/);
    expect(check).not.toHaveProperty('msLeft');
  });

  it('lists every problem at once', () => {
    expect(codes(`https://cleo.example/cb?spapi_oauth_code=${CODE}&state=zzz`, { expectedState: 'abc', capturedAt: NOW - 600_000, now: NOW })).toEqual([
      'state-mismatch',
      'no-selling-partner-id',
      'expired',
    ]);
  });
});
