import { describe, expect, it } from 'vitest';
import { checkShopCtrlUrl, isSameSettingsPage, parseShopCtrlUrl, shopCtrlDirections } from '../../../features/shopctrl/url';

describe('parseShopCtrlUrl', () => {
  it.each([
    'https://acme.shopctrl.com/Configuration/Shops/Edit/7',
    'https://acme.shopctrl.com:52222/Configuration/Shops/Edit/7',
    'https://eu.acme-shop.shopctrl.com/',
    '  https://ACME.ShopCtrl.com/x  ',
  ])('accepts a tenant page: %s', (url) => {
    expect(parseShopCtrlUrl(url)?.protocol).toBe('https:');
  });

  it.each([
    ['plain http', 'http://acme.shopctrl.com/'],
    ['a look-alike suffix', 'https://acme.shopctrl.com.evil.example/'],
    ['a look-alike prefix', 'https://evilshopctrl.com/'],
    ['the bare domain', 'https://shopctrl.com/'],
    ['credentials in the URL', 'https://user:pass@acme.shopctrl.com/'],
    ['not a URL', 'acme.shopctrl.com'],
    ['javascript', 'javascript:alert(1)'],
  ])('refuses %s', (_name, url) => {
    expect(parseShopCtrlUrl(url)).toBeUndefined();
  });

  it('drops the fragment', () => {
    expect(parseShopCtrlUrl('https://acme.shopctrl.com/x#top')!.href).toBe('https://acme.shopctrl.com/x');
  });
});

describe('isSameSettingsPage', () => {
  const settings = parseShopCtrlUrl('https://acme.shopctrl.com:52222/Configuration/Shops/Edit/7')!;
  it('matches the same origin and path, whatever the query or hash', () => {
    expect(isSameSettingsPage('https://acme.shopctrl.com:52222/Configuration/Shops/Edit/7/?tab=sync#x', settings)).toBe(true);
  });
  it('does not match another port, host or page', () => {
    expect(isSameSettingsPage('https://acme.shopctrl.com/Configuration/Shops/Edit/7', settings)).toBe(false);
    expect(isSameSettingsPage('https://other.shopctrl.com:52222/Configuration/Shops/Edit/7', settings)).toBe(false);
    expect(isSameSettingsPage('https://acme.shopctrl.com:52222/Dashboard', settings)).toBe(false);
    expect(isSameSettingsPage(undefined, settings)).toBe(false);
  });
});

describe('shopCtrlDirections', () => {
  it('names the path to the 1P section for vendors and the 3P one for sellers', () => {
    expect(shopCtrlDirections('vendor')).toContain('Configuration > Shops > choose your shop > Edit > Shop synchronization > Amazon 1P Synchronization');
    expect(shopCtrlDirections('seller')).toContain('Amazon Synchronization (3P)');
  });
});

describe('checkShopCtrlUrl', () => {
  it('accepts the customer’s https ShopCtrl host, port included', () => {
    expect(checkShopCtrlUrl('https://acme.shopctrl.com:52222/Configuration/Shops/Edit/12').ok).toBe(true);
    expect(checkShopCtrlUrl(' https://acme.shopctrl.com/ ').ok).toBe(true);
  });

  it('refuses other hosts, look-alikes, http and embedded credentials', () => {
    for (const url of [
      'http://acme.shopctrl.com/',
      'https://shopctrl.com.evil.example/',
      'https://evilshopctrl.com/',
      'https://shopctrl.com/',
      'https://user:pw@acme.shopctrl.com/',
      'acme.shopctrl.com',
    ]) {
      expect(checkShopCtrlUrl(url).ok, url).toBe(false);
    }
  });
});
