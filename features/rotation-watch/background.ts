import { browser } from 'wxt/browser';
import type { BackgroundFeature } from '../../platform/background-feature';
import { budgeted, SESSION_BUDGETS } from '../../platform/storage-items';
import { browserShopCtrlTabs } from '../shopctrl/tabs';
import type { VaultService } from '../vault/vault';
import { createRotationWatchHandlers } from './handlers';
import { createSightingStore } from './sightings';
import { sightingStorage } from './storage';

/** Secrets the content script reports, the panel's actions, the ShopCtrl hand-off. */
export function rotationWatchBackground({ vault }: { vault: VaultService }) {
  const watch = createRotationWatchHandlers({
    vault,
    sightings: createSightingStore(
      { get: sightingStorage.get, set: budgeted(sightingStorage.set, SESSION_BUDGETS.sightings, 'rotation sightings') },
      Date.now,
    ),
    shopCtrl: browserShopCtrlTabs(browser),
    now: Date.now,
    newId: () => crypto.randomUUID(),
  });
  // A save asked for while locked completes as soon as the vault is unlocked.
  return { handlers: watch.handlers, unlocked: () => watch.completePendingSaves() } satisfies BackgroundFeature<
    keyof typeof watch.handlers
  >;
}
