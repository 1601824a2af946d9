import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Check,
  checkApplicationId,
  checkClientId,
  checkClientSecret,
  checkRedirectUri,
  checkRefreshToken,
  checkSellerId,
  checkSellingPartnerId,
  checkVendorCode,
  checkVendorGroupId,
  identifyValue,
  normalizePasted,
} from '../../../features/amazon/identifiers';
import {
  ACCESS_TOKEN,
  APPLICATION_ID,
  CLIENT_ID,
  CLIENT_SECRET,
  LEGACY_APPLICATION_ID,
  LEGACY_CLIENT_SECRET,
  REFRESH_TOKEN,
  SELLER_ID,
  VENDOR_GROUP_ID,
} from '../../support/identifiers';

const messageOf = (check: Check): string => (check.ok ? '' : check.message);

describe('normalizePasted', () => {
  it.each([
    ['surrounding spaces', `  ${CLIENT_ID}  `],
    ['a trailing newline', `${CLIENT_ID}\n`],
    ['tabs and CRLF', `\t${CLIENT_ID}\r\n`],
    ['a non-breaking space', `\u00a0${CLIENT_ID}`],
    ['a zero-width space inside', `amzn1.application-oa2-client.\u200b${CLIENT_ID.slice(29)}`],
    ['a byte-order mark', `\ufeff${CLIENT_ID}`],
  ])('removes %s', (_name, pasted) => {
    expect(normalizePasted(pasted)).toBe(CLIENT_ID);
  });

  it('keeps inner spaces, which are the check’s business', () => {
    expect(normalizePasted(' a b ')).toBe('a b');
  });
});

describe('checkClientId', () => {
  it('accepts an LWA client id, also with whitespace around it', () => {
    expect(checkClientId(CLIENT_ID)).toEqual({ ok: true });
    expect(checkClientId(` ${CLIENT_ID}\n`)).toEqual({ ok: true });
  });

  it.each([
    ['an empty value', '', /Enter the LWA client id/],
    ['a truncated id', CLIENT_ID.slice(0, -1), /has 31 hex characters after the prefix; part of it may be missing/],
    ['an id with extra hex', `${CLIENT_ID}0`, /has 33 hex characters after the prefix; something extra/],
    ['upper-case hex', CLIENT_ID.toUpperCase().replace('AMZN1.APPLICATION-OA2-CLIENT.', 'amzn1.application-oa2-client.'), /lower case/],
    ['the application id', APPLICATION_ID, /This is an application id, not the LWA client id/],
    ['the client secret', CLIENT_SECRET, /This is a client secret, not the LWA client id/],
    ['a random word', 'hello', /starts with amzn1\.application-oa2-client\. followed by 32 hex characters/],
  ])('rejects %s with an explanation', (_name, value, message) => {
    const check = checkClientId(value);
    expect(check.ok).toBe(false);
    expect(messageOf(check)).toMatch(message);
  });
});

describe('checkClientSecret', () => {
  it('accepts a current-format secret', () => {
    expect(checkClientSecret(`\n${CLIENT_SECRET} `)).toEqual({ ok: true });
  });

  it('flags a bare 64-hex secret as legacy so the UI can offer "save anyway"', () => {
    const check = checkClientSecret(LEGACY_CLIENT_SECRET);
    expect(check).toMatchObject({ ok: false, legacy: true });
    expect(messageOf(check)).toMatch(/older-format client secret/);
  });

  it('accepts a legacy secret when the user chose to save it anyway', () => {
    expect(checkClientSecret(LEGACY_CLIENT_SECRET, { allowLegacy: true })).toEqual({ ok: true });
  });

  it('gives the format in plain words', () => {
    expect(checkClientSecret('nope')).toEqual({
      ok: false,
      message: 'A client secret starts with amzn1.oa2-cs.v1. followed by 64 hex characters.',
    });
  });

  it.each([
    ['a secret cut short', CLIENT_SECRET.slice(0, -2), /has 62 hex characters after the prefix/],
    ['a secret broken by a line break', `${CLIENT_SECRET.slice(0, 40)}\n${CLIENT_SECRET.slice(40)}`, /space or line break/],
    ['the client id', CLIENT_ID, /This is the LWA client id, not the client secret/],
    ['a refresh token', REFRESH_TOKEN, /This is a refresh token, not the client secret/],
  ])('rejects %s without calling it legacy', (_name, value, message) => {
    const check = checkClientSecret(value);
    expect(check).toMatchObject({ ok: false });
    expect(check).not.toHaveProperty('legacy');
    expect(messageOf(check)).toMatch(message);
  });

  it('never repeats the value in its message', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-z.]{20,80}$/), (value) => {
        expect(messageOf(checkClientSecret(value))).not.toContain(value);
      }),
    );
  });
});

describe('checkApplicationId', () => {
  it.each([
    ['a current application id', APPLICATION_ID],
    ['a legacy sellerapps application id', LEGACY_APPLICATION_ID],
  ])('accepts %s', (_name, value) => {
    expect(checkApplicationId(value)).toEqual({ ok: true });
  });

  it('rejects the LWA client id and says which is which', () => {
    const message = messageOf(checkApplicationId(CLIENT_ID));
    expect(message).toMatch(/This is the LWA client id, not the application id/);
    expect(message).toMatch(/amzn1\.sp\.solution\./);
  });

  it('rejects an application id whose UUID is malformed', () => {
    expect(checkApplicationId('amzn1.sp.solution.0bf296b5-36a6-4942-a13e').ok).toBe(false);
  });
});

describe('checkRefreshToken', () => {
  it('accepts an Atzr| token', () => {
    expect(checkRefreshToken(` ${REFRESH_TOKEN}\n`)).toEqual({ ok: true });
  });

  it('accepts a token of exactly 2048 bytes and rejects one of 2049', () => {
    const token = (length: number) => `Atzr|${'x'.repeat(length - 5)}`;
    expect(checkRefreshToken(token(2048))).toEqual({ ok: true });
    expect(messageOf(checkRefreshToken(token(2049)))).toMatch(/at most 2048 bytes; this one has 2049/);
  });

  it.each([
    ['the Aztr| misspelling from an old Amazon example', 'Aztr|IQEBLzAtAhRPexample', /misspelling/],
    ['an access token', ACCESS_TOKEN, /access token.*one hour/],
    ['a token with a space inside', 'Atzr|IQEB LzAt', /space or line break/],
    ['the prefix alone', 'Atzr|', /starts with Atzr\|/],
    ['the client secret', CLIENT_SECRET, /This is a client secret, not the refresh token/],
  ])('rejects %s', (_name, value, message) => {
    expect(messageOf(checkRefreshToken(value))).toMatch(message);
  });
});

describe('selling partner ids and vendor codes', () => {
  it.each([
    ['a 14-character merchant token', SELLER_ID, 'seller', true],
    ['a 10-character merchant token', 'A123456789', 'seller', true],
    ['a 16-character merchant token', 'A123456789ABCDEF', 'seller', true],
    ['a 17-character merchant token', 'A123456789ABCDEFG', 'seller', false],
    ['a merchant token not starting with A', 'B3FHEXAMPLEYWS', 'seller', false],
    ['a vendor group', VENDOR_GROUP_ID, 'vendor', true],
    ['a vendor group without digits', 'amzn1.vg.', 'vendor', false],
    ['a merchant token for a vendor', SELLER_ID, 'vendor', false],
    ['a vendor group for a seller', VENDOR_GROUP_ID, 'seller', false],
  ] as const)('checkSellingPartnerId: %s (%s) → %s', (_name, value, kind, ok) => {
    expect(checkSellingPartnerId(value, kind).ok).toBe(ok);
  });

  it('accepts either form when the kind is unknown', () => {
    expect(checkSellingPartnerId(SELLER_ID)).toEqual({ ok: true });
    expect(checkSellingPartnerId(VENDOR_GROUP_ID)).toEqual({ ok: true });
    expect(checkSellingPartnerId('x').ok).toBe(false);
  });

  it('tells a seller id typed in lower case to use upper case', () => {
    expect(messageOf(checkSellerId(SELLER_ID.toLowerCase()))).toMatch(/upper case/);
  });

  it('explains the vendor group form', () => {
    expect(messageOf(checkVendorGroupId('1237271'))).toMatch(/amzn1\.vg\. followed by digits/);
  });

  it.each(['ABC1D', 'ABCDE', 'XY', 'abc1d', 'VC_123-X'])('accepts the vendor code %s', (code) => {
    expect(checkVendorCode(` ${code} `)).toEqual({ ok: true });
  });

  it.each([
    ['an empty value', '', /Enter the vendor code/],
    ['one character', 'A', /short code of letters and digits/],
    ['words with spaces', 'MY VENDOR', /short code/],
    ['a vendor group', VENDOR_GROUP_ID, /vendor group.*not a vendor code/],
    ['the client id', CLIENT_ID, /LWA client id, not a vendor code/],
  ])('rejects %s as a vendor code', (_name, value, message) => {
    expect(messageOf(checkVendorCode(value))).toMatch(message);
  });
});

describe('checkRedirectUri', () => {
  it('accepts an https address', () => {
    expect(checkRedirectUri(' https://example.com/amazon/callback ')).toEqual({ ok: true });
  });

  it.each([
    ['plain http', 'http://localhost:3000/callback', /only https.*http:\/\//],
    ['not an address', 'example.com/callback', /not a web address/],
    ['a fragment', 'https://example.com/callback#done', /MD5110/],
    ['an empty value', '', /Enter the redirect URI/],
  ])('rejects %s', (_name, value, message) => {
    expect(messageOf(checkRedirectUri(value))).toMatch(message);
  });
});

describe('identifyValue', () => {
  it.each([
    [CLIENT_ID, 'client-id'],
    [CLIENT_SECRET, 'client-secret'],
    [LEGACY_CLIENT_SECRET, 'legacy-client-secret'],
    [APPLICATION_ID, 'application-id'],
    [LEGACY_APPLICATION_ID, 'legacy-application-id'],
    [REFRESH_TOKEN, 'refresh-token'],
    [ACCESS_TOKEN, 'access-token'],
    [SELLER_ID, 'seller-id'],
    [VENDOR_GROUP_ID, 'vendor-group-id'],
    ['hello', undefined],
  ])('recognises %s as %s', (value, kind) => {
    expect(identifyValue(value)).toBe(kind);
  });
});
