import { send } from '../../platform/client';
import { prefetchListing } from '../entries/ui/listing';
import type { VaultStatus } from '../vault/protocol';

/**
 * Asked as soon as the popup's code runs, before its first render: the vault's status, and the entry list
 * (metadata, readable while locked, so asking early reveals nothing new). Both answers are then one round trip
 * closer when the first screen needs them.
 */
export function askOnOpening(): Promise<VaultStatus> {
  prefetchListing();
  return send('vault.status', {});
}
