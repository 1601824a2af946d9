/**
 * Identifier patterns for LWA credentials as they appear on Amazon pages (docs/amazon.md §3).
 *
 * - Client secret: `amzn1.oa2-cs.v1.` + exactly 64 lowercase hex characters.
 * - Client id: `amzn1.application-oa2-client.` + exactly 32 lowercase hex characters.
 *
 * Boundaries: the match may not be glued to a longer token. Before the prefix there must be no letter, digit,
 * `_`, `.` or `-` (so `xamzn1.oa2-cs.v1.…` or `foo.amzn1.oa2-cs.v1.…` is not a secret); after the hex there must
 * be no letter, digit or `_` (so 65 hex, or 64 hex followed by `G`/`X`, is not a secret). Punctuation such as a
 * closing quote or a sentence-ending period is allowed after it. Uppercase hex never matches.
 *
 * Always run the cheap `includes` pre-test (`mayContainSecret`) before any regex: it rejects almost every text
 * node on a page without starting the regex engine.
 */

export const CLIENT_SECRET_PREFIX = 'amzn1.oa2-cs.v1.';
export const CLIENT_ID_PREFIX = 'amzn1.application-oa2-client.';

/** Substring every client secret contains; the pre-test before any regex. */
export const SECRET_HINT = 'oa2-cs.v1.';
/** Substring every client id contains. */
export const CLIENT_ID_HINT = 'application-oa2-client.';

const BEFORE = '(?<![A-Za-z0-9_.\\-])';
const AFTER = '(?![A-Za-z0-9_])';
const SECRET_BODY = 'amzn1\\.oa2-cs\\.v1\\.[0-9a-f]{64}';
const CLIENT_ID_BODY = 'amzn1\\.application-oa2-client\\.[0-9a-f]{32}';
/** The bare forms, boundaries left to the caller (text joined from several nodes, see `split-text.ts`). */
export const SECRET_BARE = new RegExp(SECRET_BODY, 'g');
export const CLIENT_ID_BARE = new RegExp(CLIENT_ID_BODY, 'g');
/** What may not touch a match on either side (see the boundaries above). */
export const GLUED_BEFORE = /[A-Za-z0-9_.-]/;
export const GLUED_AFTER = /[A-Za-z0-9_]/;

/** Global matchers for use inside longer text. `String.prototype.match` resets `lastIndex`, so sharing is safe. */
const SECRET_IN_TEXT = new RegExp(BEFORE + SECRET_BODY + AFTER, 'g');
const CLIENT_ID_IN_TEXT = new RegExp(BEFORE + CLIENT_ID_BODY + AFTER, 'g');

/** Whole-value matchers. */
export const CLIENT_SECRET_EXACT = new RegExp('^' + SECRET_BODY + '$');
export const CLIENT_ID_EXACT = new RegExp('^' + CLIENT_ID_BODY + '$');

export function mayContainSecret(text: string): boolean {
  return text.includes(SECRET_HINT);
}

export function mayContainClientId(text: string): boolean {
  return text.includes(CLIENT_ID_HINT);
}

/** Every distinct client secret in `text`, in order of first appearance. */
export function findSecretsInText(text: string): string[] {
  return mayContainSecret(text) ? distinct(text.match(SECRET_IN_TEXT)) : [];
}

/** Every distinct client id in `text`, in order of first appearance. */
export function findClientIdsInText(text: string): string[] {
  return mayContainClientId(text) ? distinct(text.match(CLIENT_ID_IN_TEXT)) : [];
}

export function isClientSecret(value: string): boolean {
  return CLIENT_SECRET_EXACT.test(value);
}

export function isClientId(value: string): boolean {
  return CLIENT_ID_EXACT.test(value);
}

function distinct(matches: RegExpMatchArray | null): string[] {
  return matches ? [...new Set(matches)] : [];
}
