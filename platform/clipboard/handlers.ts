import { VaultError } from '../errors';
import type { Handlers } from '../router';
import { originOf } from '../sender';
import type { createClipboardClearer } from './clear-schedule';

type ClipboardHandlers = Pick<Handlers, 'clipboard.copied'>;

/**
 * `clipboard.copied` only from our own pages: the popup, the pop-out and the panel frame (an extension page a
 * console page cannot script). A content script — so a compromised console page — may not schedule clears.
 */
export function clipboardHandlersFor(
  clearer: ReturnType<typeof createClipboardClearer>,
  sender: { url?: string },
  extensionOrigin: string,
): ClipboardHandlers {
  return {
    'clipboard.copied': async ({ hash }) => {
      let origin: string | undefined;
      try {
        origin = sender.url ? originOf(sender.url) : undefined;
      } catch {
        origin = undefined;
      }
      if (origin !== extensionOrigin) throw new VaultError('forbidden', 'Only LWA Vault’s own pages may schedule a clipboard clear.');
      return clearer.copied(hash);
    },
  };
}
