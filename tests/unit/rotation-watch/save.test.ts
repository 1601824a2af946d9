import { describe, expect, it } from 'vitest';
import { plausibleStatedExpiry, suggestNewEntry } from '../../../features/rotation-watch/save';
import { clientId } from './helpers';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;

describe('plausibleStatedExpiry', () => {
  it('takes a date 30 to 200 days ahead as the new secret’s expiry', () => {
    expect(plausibleStatedExpiry(NOW + 180 * DAY, NOW)).toBe(NOW + 180 * DAY);
    expect(plausibleStatedExpiry(NOW + 30 * DAY, NOW)).toBe(NOW + 30 * DAY);
  });

  it('drops the old secret’s deadline still on screen, past dates and typos', () => {
    expect(plausibleStatedExpiry(NOW + 5 * DAY, NOW)).toBeUndefined();
    expect(plausibleStatedExpiry(NOW - DAY, NOW)).toBeUndefined();
    expect(plausibleStatedExpiry(NOW + 900 * DAY, NOW)).toBeUndefined();
    expect(plausibleStatedExpiry(undefined, NOW)).toBeUndefined();
  });
});

describe('suggestNewEntry', () => {
  it('names the console and marketplace from the host, and the app by its client id', () => {
    expect(suggestNewEntry('sellercentral.amazon.com', clientId(1))).toEqual({
      alias: `Seller Central US app …${clientId(1).slice(-6)}`,
      kind: 'seller',
      region: 'NA',
    });
    expect(suggestNewEntry('vendorcentral.amazon.de', undefined)).toEqual({ alias: 'Vendor Central DE app', kind: 'vendor', region: 'EU' });
  });

  it('falls back to the region for hosts shared by several marketplaces, and to seller/NA for the Solution Provider Portal', () => {
    expect(suggestNewEntry('sellercentral-europe.amazon.com', undefined).alias).toBe('Seller Central EU app');
    expect(suggestNewEntry('solutionproviderportal.amazon.com', undefined)).toMatchObject({ kind: 'seller', region: 'NA' });
  });
});
