import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { fillCheckedPage, type CheckedFillRequest } from '../../features/shopctrl/in-page';
import { SHOPCTRL_FILL_GLOBAL } from '../../features/shopctrl/tabs';

// Injected on demand by the background into the user's ShopCtrl tab (isolated world); see features/shopctrl/tabs.ts.
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[SHOPCTRL_FILL_GLOBAL] = (request: CheckedFillRequest) =>
    fillCheckedPage(document, request);
});
