import { VaultError } from '../errors';
import type { Handlers } from '../router';
import type { createClipboardClearer } from './clear-schedule';

/**
 * `clipboard.copied` only from our own pages: the popup, the pop-out and the panel frame (an extension page a
 * console page cannot script). A content script — so a compromised console page — may not schedule clears.
 */
export function createClipboardHandlers(clearer: ReturnType<typeof createClipboardClearer>): Pick<Handlers, 'clipboard.copied'> {
  return {
    'clipboard.copied': async ({ data: { hash }, role }) => {
      if (role !== 'extension' && role !== 'panel') {
        throw new VaultError('forbidden', 'Only LWA Vault’s own pages may schedule a clipboard clear.');
      }
      return clearer.copied(hash);
    },
  };
}
