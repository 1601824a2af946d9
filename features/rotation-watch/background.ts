import { browser } from 'wxt/browser';
import type { BackgroundFeature } from '../../platform/background-feature';
import { budgeted, SESSION_BUDGETS } from '../../platform/storage-items';
import { browserShopCtrlTabs } from '../shopctrl/tabs';
import type { CheckService } from '../authorize/check-service';
import type { VaultService } from '../vault/vault';
import { createRotationWatchHandlers } from './handlers';
import { createSightingStore } from './sightings';
import { sightingStorage } from './storage';

/** Secrets the content script reports, the panel's actions, the ShopCtrl hand-off. */
export function rotationWatchBackground({ vault, checks }: { vault: VaultService; checks: Pick<CheckService, 'check'> }) {
  const watch = createRotationWatchHandlers({
    vault,
    sightings: createSightingStore(
      { get: sightingStorage.get, set: budgeted(sightingStorage.set, SESSION_BUDGETS.sightings, 'rotation sightings') },
      Date.now,
    ),
    shopCtrl: browserShopCtrlTabs(browser),
    now: Date.now,
    newId: () => crypto.randomUUID(),
    checkSaved: async (entryId) => {
      const reply = await checks.check({ entryId, secret: 'current', spApi: false });
      // A permission is asked for from a click in LWA Vault's own page, not from a panel on Amazon's.
      if (reply.problem === 'no-access') return { message: `${reply.message} Check it once from the entry in LWA Vault, which asks for it.` };
      return reply.outcome === undefined ? { message: reply.message } : { outcome: reply.outcome, message: reply.message };
    },
  });
  // A save asked for while locked completes as soon as the vault is unlocked.
  return { handlers: watch.handlers, unlocked: () => watch.completePendingSaves() } satisfies BackgroundFeature<
    keyof typeof watch.handlers
  >;
}
