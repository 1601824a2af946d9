import { drafts } from '../entries/drafts';
import type { VaultService } from '../vault/vault';
import { servePopupPage } from './serve-popup-page';

/**
 * The popup's part of the background (Chrome): popup.html is served with the answers its first screen would ask
 * for (serve-popup-page.ts). The popup still asks `vault.status` once it runs, which also keeps the toolbar
 * button pointed as after any status.
 */
export function popupBackground({ vault }: { vault: Pick<VaultService, 'status' | 'listEntries'> }) {
  servePopupPage({
    status: () => vault.status(),
    listing: () => vault.listEntries({ recent: true }),
    hasDraft: async () => (await drafts.latest()) !== undefined,
    now: Date.now,
  });
}
