/** Synthetic credentials in Amazon's formats (docs/amazon.md §3); none is real. */

export const CLIENT_ID = `amzn1.application-oa2-client.${'0123456789abcdef'.repeat(2)}`;
export const OTHER_CLIENT_ID = `amzn1.application-oa2-client.${'fedcba9876543210'.repeat(2)}`;
export const CLIENT_SECRET = `amzn1.oa2-cs.v1.${'a1b2c3d4'.repeat(8)}`;
export const NEW_CLIENT_SECRET = `amzn1.oa2-cs.v1.${'9e8d7c6b'.repeat(8)}`;
export const LEGACY_CLIENT_SECRET = '5f4dcc3b'.repeat(8);
export const REFRESH_TOKEN = 'Atzr|IQEBLzAtAhRPexample-_.+/=|0123456789';

/** Deterministic lowercase hex, different per seed. */
export function hex(length: number, seed: number): string {
  let out = '';
  let x = seed * 2654435761;
  while (out.length < length) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += (x >>> 16).toString(16).padStart(4, '0');
  }
  return out.slice(0, length);
}
/** A client secret / client id per seed, for tests that need many distinct ones. */
export const secret = (seed: number) => `amzn1.oa2-cs.v1.${hex(64, seed)}`;
export const clientId = (seed: number) => `amzn1.application-oa2-client.${hex(32, seed + 1000)}`;
