import type { UnverifiedReason } from '../model';

/** Why a capture is unverified, for the warning beside it. */
export const UNVERIFIED_MESSAGES: Record<UnverifiedReason, string> = {
  'no-pending':
    'No authorization was waiting when this redirect came back (none started here, or it had expired), so LWA Vault cannot tell whose it is. It was not attached to anything.',
  'state-mismatch':
    'Its state matches none of the authorizations you started here: it belongs to another attempt, so it was not attached. Do not hand it to Cleo as yours.',
  'no-state': 'It carries no state, so it cannot be matched to an authorization you started. It was not attached.',
  'pending-without-state':
    'Your authorization started from a consent URL without a state, so this redirect cannot be verified. Use it only if it came from the sign-in you just did.',
};

export const CONNECTOR_LABELS = {
  'cleo-amp': 'Cleo (Amazon)',
  'shopctrl-3p': 'ShopCtrl 3P',
  'shopctrl-1p': 'ShopCtrl 1P',
  other: 'Other',
} as const;

export const REGION_LABELS = { NA: 'North America', EU: 'Europe', FE: 'Far East' } as const;
export const KIND_LABELS = { seller: 'Seller Central', vendor: 'Vendor Central' } as const;
