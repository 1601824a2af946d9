/** Synthetic identifiers in Amazon's formats (docs/amazon.md §3), for unit and e2e tests alike. None of them is real. */
export const CLIENT_ID = `amzn1.application-oa2-client.${'0123456789abcdef'.repeat(2)}`;
export const OTHER_CLIENT_ID = `amzn1.application-oa2-client.${'fedcba9876543210'.repeat(2)}`;
export const CLIENT_SECRET = `amzn1.oa2-cs.v1.${'a1b2c3d4'.repeat(8)}`;
export const OTHER_CLIENT_SECRET = `amzn1.oa2-cs.v1.${'9e8d7c6b'.repeat(8)}`;
/** The secret a rotation issues in the e2e stories. */
export const NEW_CLIENT_SECRET = OTHER_CLIENT_SECRET;
export const LEGACY_CLIENT_SECRET = '5f4dcc3b'.repeat(8);
export const APPLICATION_ID = 'amzn1.sp.solution.0bf296b5-36a6-4942-a13e-1a2b3c4d5e6f';
export const LEGACY_APPLICATION_ID = 'amzn1.sellerapps.app.2eca283f-9f5a-4d13-b16c-474ec0ffee57';
export const REFRESH_TOKEN = 'Atzr|IQEBLzAtAhRPexample-_.+/=|0123456789';
export const ACCESS_TOKEN = 'Atza|IQEBLjAsAexample0123456789';
export const SELLER_ID = 'A3FHEXAMPLEYWS';
export const VENDOR_GROUP_ID = 'amzn1.vg.1237271';

/** Deterministic lowercase hex of `length` characters (different per seed). */
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
export const secret = (seed: number): string => `amzn1.oa2-cs.v1.${hex(64, seed)}`;
export const clientId = (seed: number): string => `amzn1.application-oa2-client.${hex(32, seed + 1000)}`;
