import { describe, expect, it } from 'vitest';
import {
  MARKETPLACES,
  SELLER_CENTRAL_HOSTS,
  VENDOR_CENTRAL_HOSTS,
  consentHostFor,
  developerCentralUrl,
  marketplaceByCode,
  marketplacesOfHost,
  regionOfHost,
} from '../../../features/amazon/hosts';

describe('host helpers', () => {
  it('serves a single region from every Seller and Vendor Central host', () => {
    for (const host of [...SELLER_CENTRAL_HOSTS, ...VENDOR_CENTRAL_HOSTS]) {
      const regions = new Set(marketplacesOfHost(host).map((m) => m.region));
      expect(regions.size, host).toBe(1);
    }
  });

  it.each([
    ['sellercentral.amazon.com', 'NA'],
    ['SELLERCENTRAL-EUROPE.AMAZON.COM', 'EU'],
    ['vendorcentral.amazon.me', 'EU'],
    ['www.vendorcentral.in', 'EU'],
    ['sellercentral.amazon.co.jp', 'FE'],
    ['example.com', undefined],
  ])('puts %s in region %s', (host, region) => {
    expect(regionOfHost(host)).toBe(region);
  });

  it('looks hosts up by kind', () => {
    expect(marketplacesOfHost('vendorcentral.amazon.me', 'vendor').map((m) => m.code)).toEqual(['EG', 'SA', 'AE']);
    expect(marketplacesOfHost('vendorcentral.amazon.me', 'seller')).toEqual([]);
  });

  it('builds consent URLs on the first host of each list', () => {
    for (const m of MARKETPLACES) {
      expect(consentHostFor(m, 'seller')).toBe(m.sellerHosts[0]);
      expect(consentHostFor(m, 'vendor')).toBe(m.vendorHosts[0]);
    }
    expect(consentHostFor(marketplaceByCode('IN')!, 'vendor')).toBe('www.vendorcentral.in');
  });
});

describe('developerCentralUrl', () => {
  it('opens Developer Central on the Central of the entry’s kind and marketplace, else the region’s main one', () => {
    expect(developerCentralUrl('seller', 'NA', 'US')).toBe('https://sellercentral.amazon.com/sellingpartner/developerconsole');
    expect(developerCentralUrl('vendor', 'EU', 'DE')).toBe('https://vendorcentral.amazon.de/sellingpartner/developerconsole');
    expect(developerCentralUrl('seller', 'EU')).toBe('https://sellercentral-europe.amazon.com/sellingpartner/developerconsole');
    expect(developerCentralUrl('vendor', 'FE')).toBe('https://vendorcentral.amazon.co.jp/sellingpartner/developerconsole');
    // A marketplace of another region never wins over the region.
    expect(developerCentralUrl('seller', 'FE', 'US')).toBe('https://sellercentral.amazon.co.jp/sellingpartner/developerconsole');
  });
});
