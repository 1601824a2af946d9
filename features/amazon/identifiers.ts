import { CLIENT_ID_EXACT, CLIENT_ID_PREFIX, CLIENT_SECRET_EXACT, CLIENT_SECRET_PREFIX } from './credential-patterns';
import type { Kind } from './hosts';

/**
 * Formats of the identifiers Amazon hands out (docs/amazon.md §3), as anchored regexes and
 * as checks that explain in plain language why a value does not fit. Messages never repeat the value: it
 * may be a secret.
 */

export const APPLICATION_ID_PREFIX = 'amzn1.sp.solution.';
export const LEGACY_APPLICATION_ID_PREFIX = 'amzn1.sellerapps.app.';
export const REFRESH_TOKEN_PREFIX = 'Atzr|';
export const ACCESS_TOKEN_PREFIX = 'Atza|';
export const VENDOR_GROUP_PREFIX = 'amzn1.vg.';

/** Refresh and access tokens are at most 2048 bytes (DG2021). */
export const REFRESH_TOKEN_MAX_BYTES = 2048;

/** Secrets issued before the amzn1.oa2-cs.v1. prefix existed: bare 64 hex. */
export const LEGACY_CLIENT_SECRET_RE = /^[0-9a-f]{64}$/;
export const APPLICATION_ID_RE = /^amzn1\.sp\.solution\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const LEGACY_APPLICATION_ID_RE =
  /^amzn1\.sellerapps\.app\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Opaque after the prefix; the character set is kept permissive on purpose. */
export const REFRESH_TOKEN_RE = /^Atzr\|[A-Za-z0-9\-_.+/=|]+$/;
export const ACCESS_TOKEN_RE = /^Atza\|[A-Za-z0-9\-_.+/=|]+$/;
/** A seller's selling_partner_id (merchant token). Amazon publishes no format; 13–14 characters is usual. */
export const SELLER_ID_RE = /^A[0-9A-Z]{9,15}$/;
/** A vendor's selling_partner_id (vendor group). */
export const VENDOR_GROUP_ID_RE = /^amzn1\.vg\.\d+$/;
/** ShopCtrl's "Vendor code": short letters and digits (usually upper case). Deliberately permissive. */
export const VENDOR_CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,19}$/;

export type Check = { ok: true } | { ok: false; legacy?: boolean; message: string };

const OK: Check = { ok: true };
const fail = (message: string, legacy?: boolean): Check =>
  legacy ? { ok: false, legacy: true, message } : { ok: false, message };

const INVISIBLE_CHARACTERS = /[\u200B-\u200D\u2060\uFEFF]/g;

/** What every pasted value goes through: invisible characters removed, surrounding whitespace trimmed. */
export function normalizePasted(value: string): string {
  return value.replace(INVISIBLE_CHARACTERS, '').trim();
}

export type IdentifierKind =
  | 'client-id'
  | 'client-secret'
  | 'legacy-client-secret'
  | 'application-id'
  | 'legacy-application-id'
  | 'refresh-token'
  | 'access-token'
  | 'seller-id'
  | 'vendor-group-id';

/** Which of Amazon's identifiers a value is, if it is one (vendor codes are too generic to recognise). */
export function identifyValue(raw: string): IdentifierKind | undefined {
  const value = normalizePasted(raw);
  if (CLIENT_ID_EXACT.test(value)) return 'client-id';
  if (CLIENT_SECRET_EXACT.test(value)) return 'client-secret';
  if (LEGACY_CLIENT_SECRET_RE.test(value)) return 'legacy-client-secret';
  if (APPLICATION_ID_RE.test(value)) return 'application-id';
  if (LEGACY_APPLICATION_ID_RE.test(value)) return 'legacy-application-id';
  if (REFRESH_TOKEN_RE.test(value) && byteLength(value) <= REFRESH_TOKEN_MAX_BYTES) return 'refresh-token';
  if (ACCESS_TOKEN_RE.test(value)) return 'access-token';
  if (VENDOR_GROUP_ID_RE.test(value)) return 'vendor-group-id';
  if (SELLER_ID_RE.test(value)) return 'seller-id';
  return undefined;
}

const NAMES: Record<IdentifierKind, string> = {
  'client-id': 'the LWA client id',
  'client-secret': 'a client secret',
  'legacy-client-secret': 'an older-format client secret',
  'application-id': 'an application id',
  'legacy-application-id': 'an application id',
  'refresh-token': 'a refresh token',
  'access-token': 'an access token',
  'seller-id': "a seller's selling partner id",
  'vendor-group-id': "a vendor's selling partner id (vendor group)",
};

/** "This is X, not Y." when the value is recognisably another identifier, else undefined. */
function confusedWith(value: string, accepted: IdentifierKind[], wanted: string): string | undefined {
  const kind = identifyValue(value);
  if (kind === undefined || accepted.includes(kind)) return undefined;
  return `This is ${NAMES[kind]}, not ${wanted}.`;
}

const withConfusion = (value: string, accepted: IdentifierKind[], wanted: string, rule: string): string => {
  const confusion = confusedWith(value, accepted, wanted);
  return confusion ? `${confusion} ${rule}` : rule;
};

function byteLength(value: string): number {
  return new TextEncoder().encode(value).length;
}

/** A rule about "<prefix> followed by N hex characters", with a hint when only the tail is off. */
function hexTailHint(value: string, prefix: string, length: number): string | undefined {
  if (!value.startsWith(prefix)) return undefined;
  const tail = value.slice(prefix.length);
  if (/^[0-9A-Fa-f]+$/.test(tail) && /[A-F]/.test(tail) && tail.length === length) {
    return 'The hex characters must be lower case.';
  }
  if (/^[0-9a-f]*$/.test(tail)) {
    return tail.length < length
      ? `This one has ${tail.length} hex characters after the prefix; part of it may be missing.`
      : `This one has ${tail.length} hex characters after the prefix; something extra may have been pasted with it.`;
  }
  if (/\s/.test(tail)) return 'It contains a space or line break; copy it again as one piece.';
  return 'Only 0-9 and a-f may follow the prefix.';
}

const rule = (base: string, hint: string | undefined) => (hint ? `${base} ${hint}` : base);

export const CLIENT_ID_RULE = 'An LWA client id starts with amzn1.application-oa2-client. followed by 32 hex characters.';

export function checkClientId(raw: string): Check {
  const value = normalizePasted(raw);
  if (value === '') return fail('Enter the LWA client id. ' + CLIENT_ID_RULE);
  if (CLIENT_ID_EXACT.test(value)) return OK;
  const hint = hexTailHint(value, CLIENT_ID_PREFIX, 32);
  return fail(rule(withConfusion(value, ['client-id'], 'the LWA client id', CLIENT_ID_RULE), hint));
}

export const CLIENT_SECRET_RULE = 'A client secret starts with amzn1.oa2-cs.v1. followed by 64 hex characters.';
export const LEGACY_CLIENT_SECRET_MESSAGE =
  'This looks like an older-format client secret: 64 hex characters without the amzn1.oa2-cs.v1. prefix. ' +
  'Secrets Amazon issues today start with amzn1.oa2-cs.v1.; save it anyway only if Amazon showed it to you exactly like this.';

/**
 * Current-format secrets pass. A legacy 64-hex secret fails with `legacy: true` (the UI can offer
 * "save anyway"), unless `allowLegacy` is set.
 */
export function checkClientSecret(raw: string, options: { allowLegacy?: boolean } = {}): Check {
  const value = normalizePasted(raw);
  if (value === '') return fail('Enter the client secret. ' + CLIENT_SECRET_RULE);
  if (CLIENT_SECRET_EXACT.test(value)) return OK;
  if (LEGACY_CLIENT_SECRET_RE.test(value)) return options.allowLegacy ? OK : fail(LEGACY_CLIENT_SECRET_MESSAGE, true);
  const hint = hexTailHint(value, CLIENT_SECRET_PREFIX, 64);
  return fail(rule(withConfusion(value, ['client-secret', 'legacy-client-secret'], 'the client secret', CLIENT_SECRET_RULE), hint));
}

export const APPLICATION_ID_RULE =
  'An application id starts with amzn1.sp.solution. (older apps: amzn1.sellerapps.app.) followed by a UUID such as 0bf296b5-36a6-4942-a13e-1a2b3c4d5e6f.';

/** Current (amzn1.sp.solution.) and legacy (amzn1.sellerapps.app.) application ids both pass. */
export function checkApplicationId(raw: string): Check {
  const value = normalizePasted(raw);
  if (value === '') return fail('Enter the application id. ' + APPLICATION_ID_RULE);
  if (APPLICATION_ID_RE.test(value) || LEGACY_APPLICATION_ID_RE.test(value)) return OK;
  return fail(withConfusion(value, ['application-id', 'legacy-application-id'], 'the application id', APPLICATION_ID_RULE));
}

export const REFRESH_TOKEN_RULE = `A refresh token starts with Atzr| followed by letters, digits and - _ . + / = | (no spaces or line breaks), at most ${REFRESH_TOKEN_MAX_BYTES} bytes in all.`;

export function checkRefreshToken(raw: string): Check {
  const value = normalizePasted(raw);
  if (value === '') return fail('Enter the refresh token. ' + REFRESH_TOKEN_RULE);
  if (value.startsWith('Aztr|')) {
    return fail('A refresh token starts with Atzr| (A-t-z-r). "Aztr|" is a misspelling from an old Amazon example, not a real token.');
  }
  if (value.startsWith(ACCESS_TOKEN_PREFIX)) {
    return fail('This is an access token (Atza|…), which lasts only one hour. Paste the refresh token, which starts with Atzr|.');
  }
  if (REFRESH_TOKEN_RE.test(value)) {
    const bytes = byteLength(value);
    if (bytes <= REFRESH_TOKEN_MAX_BYTES) return OK;
    return fail(`A refresh token is at most ${REFRESH_TOKEN_MAX_BYTES} bytes; this one has ${bytes}. Something else may have been pasted along with it.`);
  }
  if (value.startsWith(REFRESH_TOKEN_PREFIX) && /\s/.test(value)) {
    return fail('This refresh token contains a space or line break; copy it again as one piece. ' + REFRESH_TOKEN_RULE);
  }
  return fail(withConfusion(value, ['refresh-token'], 'the refresh token', REFRESH_TOKEN_RULE));
}

export const SELLER_ID_RULE =
  "A seller's selling partner id is A followed by 9 to 15 upper-case letters and digits, such as A3FHEXAMPLEYWS.";
export const VENDOR_GROUP_ID_RULE = "A vendor's selling partner id is amzn1.vg. followed by digits, such as amzn1.vg.1237271.";

export function checkSellerId(raw: string): Check {
  const value = normalizePasted(raw);
  if (value === '') return fail('Enter the selling partner id. ' + SELLER_ID_RULE);
  if (SELLER_ID_RE.test(value)) return OK;
  if (SELLER_ID_RE.test(value.toUpperCase())) return fail('The selling partner id is written in upper case. ' + SELLER_ID_RULE);
  return fail(withConfusion(value, ['seller-id'], "a seller's selling partner id", SELLER_ID_RULE));
}

export function checkVendorGroupId(raw: string): Check {
  const value = normalizePasted(raw);
  if (value === '') return fail('Enter the selling partner id. ' + VENDOR_GROUP_ID_RULE);
  if (VENDOR_GROUP_ID_RE.test(value)) return OK;
  return fail(withConfusion(value, ['vendor-group-id'], "a vendor's selling partner id", VENDOR_GROUP_ID_RULE));
}

/** The selling_partner_id Amazon returns: a merchant token for sellers, a vendor group for vendors. */
export function checkSellingPartnerId(raw: string, kind?: Kind): Check {
  if (kind === 'seller') return checkSellerId(raw);
  if (kind === 'vendor') return checkVendorGroupId(raw);
  const value = normalizePasted(raw);
  if (SELLER_ID_RE.test(value) || VENDOR_GROUP_ID_RE.test(value)) return OK;
  return fail(`${SELLER_ID_RULE} ${VENDOR_GROUP_ID_RULE}`);
}

export const VENDOR_CODE_RULE = 'A vendor code is a short code of letters and digits, such as ABC1D.';

export function checkVendorCode(raw: string): Check {
  const value = normalizePasted(raw);
  if (value === '') return fail('Enter the vendor code. ' + VENDOR_CODE_RULE);
  if (VENDOR_CODE_RE.test(value)) return OK;
  if (VENDOR_GROUP_ID_RE.test(value)) {
    return fail(`This is a vendor group (the selling partner id Amazon returns), not a vendor code. ${VENDOR_CODE_RULE}`);
  }
  return fail(withConfusion(value, [], 'a vendor code', VENDOR_CODE_RULE));
}

export const REDIRECT_URI_RULE = 'A redirect URI is a full https:// address, such as https://example.com/amazon/callback.';

/** Amazon accepts only https redirect URIs (docs#26) and refuses ones with a fragment (MD5110). */
export function checkRedirectUri(raw: string): Check {
  const value = normalizePasted(raw);
  if (value === '') return fail('Enter the redirect URI. ' + REDIRECT_URI_RULE);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('This is not a web address. ' + REDIRECT_URI_RULE);
  }
  if (url.protocol !== 'https:') {
    return fail(`Amazon accepts only https redirect URIs; this one starts with ${url.protocol}//. ${REDIRECT_URI_RULE}`);
  }
  if (url.hostname === '') return fail('This address has no host. ' + REDIRECT_URI_RULE);
  if (value.includes('#')) return fail('A redirect URI cannot contain # (Amazon stops with error MD5110).');
  return OK;
}
