import { REFRESH_TOKEN_MAX_BYTES, normalizePasted } from './identifiers';

/**
 * Pulls LWA credentials out of a pasted block of text ("Client identifier amzn1.application-oa2-client.…
 * Client secret amzn1.oa2-cs.v1.…", in any layout or language) by their formats, never by their labels.
 * Legacy 64-hex secrets are not picked up: without the prefix they cannot be told from any other hex string.
 */

export type CredentialField = 'clientId' | 'clientSecret' | 'refreshToken';

export interface CredentialBlock {
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  /** Fields for which the block holds more than one different value; the first one was taken. */
  ambiguous: CredentialField[];
}

// Not anchored. More hex after the expected length means the value is not what it looks like, unless that
// "a" starts the next amzn1. value (table cells copied without a separator).
const NO_MORE_HEX = '(?!(?!amzn1\\.)[0-9a-f])';
const SCANNERS: Record<CredentialField, RegExp> = {
  clientId: new RegExp(`amzn1\\.application-oa2-client\\.[0-9a-f]{32}${NO_MORE_HEX}`, 'g'),
  clientSecret: new RegExp(`amzn1\\.oa2-cs\\.v1\\.[0-9a-f]{64}${NO_MORE_HEX}`, 'g'),
  refreshToken: /Atzr\|[A-Za-z0-9\-_.+/=|]+/g,
};

const FIELDS: readonly CredentialField[] = ['clientId', 'clientSecret', 'refreshToken'];

function distinctMatches(text: string, field: CredentialField): string[] {
  const found = [...text.matchAll(SCANNERS[field])].map((m) => m[0]);
  const usable = field === 'refreshToken' ? found.filter((t) => t.length <= REFRESH_TOKEN_MAX_BYTES) : found;
  return [...new Set(usable)];
}

export function parseCredentialBlock(text: string): CredentialBlock {
  const block: CredentialBlock = { ambiguous: [] };
  const cleaned = normalizePasted(text);
  for (const field of FIELDS) {
    const values = distinctMatches(cleaned, field);
    const first = values[0];
    if (first !== undefined) block[field] = first;
    if (values.length > 1) block.ambiguous.push(field);
  }
  return block;
}
