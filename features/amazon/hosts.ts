/**
 * Seller Central, Vendor Central and Solution Provider Portal hosts per region and marketplace
 * (docs/amazon.md §1). MV3 match patterns cannot wildcard a TLD, so every host
 * is listed; the content script's `matches` and the sender check are both derived from this one table.
 */
export type Region = 'NA' | 'EU' | 'FE';
export type Kind = 'seller' | 'vendor';

export interface Marketplace {
  /** ISO-like country code used in the UI. */
  code: string;
  name: string;
  region: Region;
  /** Amazon marketplace id (D-MKT). */
  marketplaceId: string;
  /** Seller Central base host; the first one is used to build consent URLs. */
  sellerHosts: string[];
  /** Vendor Central base hosts; the first one is used to build consent URLs. */
  vendorHosts: string[];
}

export const MARKETPLACES: readonly Marketplace[] = [
  { code: 'CA', name: 'Canada', region: 'NA', marketplaceId: 'A2EUQ1WTGCTBG2', sellerHosts: ['sellercentral.amazon.ca'], vendorHosts: ['vendorcentral.amazon.ca'] },
  { code: 'US', name: 'United States', region: 'NA', marketplaceId: 'ATVPDKIKX0DER', sellerHosts: ['sellercentral.amazon.com'], vendorHosts: ['vendorcentral.amazon.com'] },
  { code: 'MX', name: 'Mexico', region: 'NA', marketplaceId: 'A1AM78C64UM0Y8', sellerHosts: ['sellercentral.amazon.com.mx'], vendorHosts: ['vendorcentral.amazon.com.mx'] },
  { code: 'BR', name: 'Brazil', region: 'NA', marketplaceId: 'A2Q3Y263D00KWC', sellerHosts: ['sellercentral.amazon.com.br'], vendorHosts: ['vendorcentral.amazon.com.br'] },
  { code: 'IE', name: 'Ireland', region: 'EU', marketplaceId: 'A28R8C7NBKEWEA', sellerHosts: ['sellercentral-europe.amazon.com', 'sellercentral.amazon.ie'], vendorHosts: ['vendorcentral.amazon.ie'] },
  { code: 'ES', name: 'Spain', region: 'EU', marketplaceId: 'A1RKKUPIHCS9HS', sellerHosts: ['sellercentral-europe.amazon.com', 'sellercentral.amazon.es'], vendorHosts: ['vendorcentral.amazon.es'] },
  { code: 'UK', name: 'United Kingdom', region: 'EU', marketplaceId: 'A1F83G8C2ARO7P', sellerHosts: ['sellercentral-europe.amazon.com', 'sellercentral.amazon.co.uk'], vendorHosts: ['vendorcentral.amazon.co.uk'] },
  { code: 'FR', name: 'France', region: 'EU', marketplaceId: 'A13V1IB3VIYZZH', sellerHosts: ['sellercentral-europe.amazon.com', 'sellercentral.amazon.fr'], vendorHosts: ['vendorcentral.amazon.fr'] },
  { code: 'BE', name: 'Belgium', region: 'EU', marketplaceId: 'AMEN7PMS3EDWL', sellerHosts: ['sellercentral.amazon.com.be'], vendorHosts: ['vendorcentral.amazon.com.be'] },
  { code: 'NL', name: 'Netherlands', region: 'EU', marketplaceId: 'A1805IZSGTT6HS', sellerHosts: ['sellercentral.amazon.nl'], vendorHosts: ['vendorcentral.amazon.nl'] },
  { code: 'DE', name: 'Germany', region: 'EU', marketplaceId: 'A1PA6795UKMFR9', sellerHosts: ['sellercentral-europe.amazon.com', 'sellercentral.amazon.de'], vendorHosts: ['vendorcentral.amazon.de'] },
  { code: 'IT', name: 'Italy', region: 'EU', marketplaceId: 'APJ6JRA9NG5V4', sellerHosts: ['sellercentral-europe.amazon.com', 'sellercentral.amazon.it'], vendorHosts: ['vendorcentral.amazon.it'] },
  { code: 'SE', name: 'Sweden', region: 'EU', marketplaceId: 'A2NODRKZP88ZB9', sellerHosts: ['sellercentral.amazon.se'], vendorHosts: ['vendorcentral.amazon.se'] },
  { code: 'ZA', name: 'South Africa', region: 'EU', marketplaceId: 'AE08WJ6YKNBMC', sellerHosts: ['sellercentral.amazon.co.za'], vendorHosts: ['vendorcentral.amazon.co.za'] },
  { code: 'PL', name: 'Poland', region: 'EU', marketplaceId: 'A1C3SOZRARQ6R3', sellerHosts: ['sellercentral.amazon.pl'], vendorHosts: ['vendorcentral.amazon.pl'] },
  { code: 'EG', name: 'Egypt', region: 'EU', marketplaceId: 'ARBP9OOSHTCHU', sellerHosts: ['sellercentral.amazon.eg'], vendorHosts: ['vendorcentral.amazon.me'] },
  { code: 'TR', name: 'Turkey', region: 'EU', marketplaceId: 'A33AVAJ2PDY3EV', sellerHosts: ['sellercentral.amazon.com.tr'], vendorHosts: ['vendorcentral.amazon.com.tr'] },
  { code: 'SA', name: 'Saudi Arabia', region: 'EU', marketplaceId: 'A17E79C6D8DWNP', sellerHosts: ['sellercentral.amazon.sa'], vendorHosts: ['vendorcentral.amazon.me'] },
  { code: 'AE', name: 'United Arab Emirates', region: 'EU', marketplaceId: 'A2VIGQ35RCS4UG', sellerHosts: ['sellercentral.amazon.ae'], vendorHosts: ['vendorcentral.amazon.me'] },
  { code: 'IN', name: 'India', region: 'EU', marketplaceId: 'A21TJRUUN4KGV', sellerHosts: ['sellercentral.amazon.in'], vendorHosts: ['www.vendorcentral.in', 'vendorcentral.amazon.in'] },
  { code: 'SG', name: 'Singapore', region: 'FE', marketplaceId: 'A19VAU5U5O7RUS', sellerHosts: ['sellercentral.amazon.sg'], vendorHosts: ['vendorcentral.amazon.com.sg'] },
  { code: 'AU', name: 'Australia', region: 'FE', marketplaceId: 'A39IBJ37TRP1C6', sellerHosts: ['sellercentral.amazon.com.au'], vendorHosts: ['vendorcentral.amazon.com.au'] },
  { code: 'JP', name: 'Japan', region: 'FE', marketplaceId: 'A1VC38T7YXB528', sellerHosts: ['sellercentral.amazon.co.jp'], vendorHosts: ['vendorcentral.amazon.co.jp'] },
];

export const SOLUTION_PROVIDER_PORTAL_HOST = 'solutionproviderportal.amazon.com';

const unique = (hosts: string[]) => [...new Set(hosts)];

export const SELLER_CENTRAL_HOSTS = unique(MARKETPLACES.flatMap((m) => m.sellerHosts));
export const VENDOR_CENTRAL_HOSTS = unique(MARKETPLACES.flatMap((m) => m.vendorHosts));

/** Every host on which Amazon shows consent pages or the Developer Console. */
export const AMAZON_CONSOLE_HOSTS: readonly string[] = [
  ...SELLER_CENTRAL_HOSTS,
  ...VENDOR_CENTRAL_HOSTS,
  SOLUTION_PROVIDER_PORTAL_HOST,
];

/** Match patterns for the content script: the explicit hosts above, https only. */
export const AMAZON_CONSOLE_MATCHES = AMAZON_CONSOLE_HOSTS.map((host) => `https://${host}/*`);

export function isAmazonConsoleHost(hostname: string): boolean {
  return AMAZON_CONSOLE_HOSTS.includes(hostname.toLowerCase());
}

export function kindOfHost(hostname: string): Kind | undefined {
  const host = hostname.toLowerCase();
  if (SELLER_CENTRAL_HOSTS.includes(host)) return 'seller';
  if (VENDOR_CENTRAL_HOSTS.includes(host)) return 'vendor';
  return undefined;
}

export function marketplaceByCode(code: string): Marketplace | undefined {
  return MARKETPLACES.find((m) => m.code === code);
}

/** Marketplaces whose Seller Central (or Vendor Central) hosts include `hostname`, in table order. */
export function marketplacesOfHost(hostname: string, kind?: Kind): Marketplace[] {
  const host = hostname.toLowerCase();
  return MARKETPLACES.filter(
    (m) => (kind !== 'vendor' && m.sellerHosts.includes(host)) || (kind !== 'seller' && m.vendorHosts.includes(host)),
  );
}

/** The region a Seller/Vendor Central host serves (every host in the table serves a single region). */
export function regionOfHost(hostname: string): Region | undefined {
  return marketplacesOfHost(hostname)[0]?.region;
}

/** The host consent URLs are built on: the first Seller or Vendor Central host of the marketplace. */
export function consentHostFor(marketplace: Marketplace, kind: Kind): string | undefined {
  return (kind === 'seller' ? marketplace.sellerHosts : marketplace.vendorHosts)[0];
}

/** The marketplace whose Central stands for a region when the entry names none (the region's main host, docs/amazon.md §1). */
const MAIN_MARKETPLACE_OF_REGION: Record<Region, string> = { NA: 'US', EU: 'DE', FE: 'JP' };

/** Developer Central of an app: `/sellingpartner/developerconsole` on its Seller or Vendor Central host (docs/amazon.md §1). */
export function developerCentralUrl(kind: Kind, region: Region, marketplaceCode?: string): string {
  const named = marketplaceCode === undefined ? undefined : marketplaceByCode(marketplaceCode);
  const marketplace = named?.region === region ? named : marketplaceByCode(MAIN_MARKETPLACE_OF_REGION[region])!;
  return `https://${consentHostFor(marketplace, kind)}/sellingpartner/developerconsole`;
}
