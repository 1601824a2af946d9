import type { ShopCtrlFieldName } from './fields';

/** The ShopCtrl field names as the settings page labels them (docs/amazon.md §7). */
export const FIELD_NAMES: Readonly<Record<ShopCtrlFieldName, string>> = {
  clientSecret: 'LWA Client Secret',
  clientId: 'LWA Client Id',
  refreshToken: 'Refresh Token',
  vendorCode: 'Vendor code',
};
