import { createPreRotationMemory, watchRotateClicks } from '../../detect/rotation-clicks';
import { scanForSecrets, type Finding } from '../../detect/scan';
import { watchForSecrets, type WatchOptions } from '../../detect/watcher';
import type { Request } from '../../messages';
import type { SightingReplies } from '../protocol';
import { createPanelFrames } from './panel-frame';
import { showQuietMark } from './quiet-mark';

/**
 * The content script's whole job on an Amazon console page: watch for client secrets (`watchForSecrets`),
 * remember what was on screen when a Rotate control is clicked (`watchRotateClicks` + `PreRotationMemory`),
 * report each distinct secret once, and show what the background answers: the panel for a new one, a quiet
 * mark for one that is up to date (or unknown while locked), nothing otherwise.
 *
 * Each frame's content script handles its own document. Same-origin `about:` frames (srcdoc, about:blank),
 * where no content script runs, are handled by the frame that contains them.
 */
export interface CaptureDeps {
  doc: Document;
  report(data: Request<'sighting.report'>): Promise<SightingReplies['sighting.report']>;
  /** `chrome-extension://<id>/panel.html` */
  panelUrl: string;
  extensionOrigin: string;
  now?: () => number;
  watch?: WatchOptions;
}

interface Shown {
  reanchor(element: Element): void;
  remove(): void;
}

export function startSecretCapture(deps: CaptureDeps): () => void {
  const { doc } = deps;
  const now = deps.now ?? Date.now;
  const memory = createPreRotationMemory();
  let rotateClickedAt: number | undefined;
  /** Every secret handled on this page (reported once), with what is shown for it. */
  const handled = new Map<string, Shown | null>();
  /** The element currently showing each secret (the page may re-render it). */
  const shownBy = new Map<string, Element>();
  let stopped = false;
  const panels = createPanelFrames(doc, deps.panelUrl, deps.extensionOrigin);

  const inScope = (finding: Finding): boolean => {
    const owner = finding.element.ownerDocument;
    return owner === doc || owner.location?.protocol === 'about:';
  };

  const stopClicks = watchRotateClicks(
    doc,
    (click) => {
      // Inside the click, before the page swaps anything: the secret now visible is the one being replaced.
      memory.remember(scanForSecrets(doc).filter(inScope));
      rotateClickedAt = click.at;
      panels.warmUp(); // a new secret is on its way
    },
    { now },
  );

  const stopWatching = watchForSecrets(
    doc,
    (findings) => {
      for (const finding of findings) {
        if (!inScope(finding)) continue;
        const { secret, element } = finding;
        if (handled.has(secret)) {
          // Follow the secret to a new element only when the old one is gone or hidden (a re-render, a reveal).
          const before = shownBy.get(secret);
          if (before && before.isConnected && before.getClientRects().length > 0) continue;
          shownBy.set(secret, element);
          handled.get(secret)?.reanchor(element);
        } else {
          shownBy.set(secret, element);
          handled.set(secret, null);
          void handle(finding);
        }
      }
    },
    deps.watch,
  );

  async function handle(finding: Finding): Promise<void> {
    const { secret, clientId, statedDate } = finding;
    const clickedAt = rotateClickedAt;
    const previousSecret = clickedAt === undefined ? undefined : memory.previousSecret(clientId, secret);
    let reply: SightingReplies['sighting.report'];
    try {
      reply = await deps.report({
        secret,
        ...(clientId ? { clientId } : {}),
        ...(statedDate !== undefined ? { statedDate } : {}),
        ...(clickedAt !== undefined ? { rotateClickedAt: clickedAt } : {}),
        ...(previousSecret ? { previousSecret } : {}),
      });
    } catch {
      handled.delete(secret); // the extension was busy or reloading: try again when the page shows it next
      return;
    }
    if (stopped) return;
    // Where the secret is now; if it left the page, the UI appears when it comes back (reanchor).
    const anchor = shownBy.get(secret) ?? finding.element;
    if (reply.status === 'new' && reply.id) {
      const dismissed = () => void handled.set(secret, null); // dismissed stays dismissed on this page
      handled.set(secret, panels.open(anchor, secret, reply.id, dismissed));
    } else if (reply.status === 'up-to-date' || reply.status === 'locked') {
      handled.set(secret, showQuietMark(anchor, secret, reply.status));
    }
  }

  return () => {
    stopped = true;
    stopClicks();
    stopWatching();
    for (const shown of handled.values()) shown?.remove();
    handled.clear();
    panels.dispose();
  };
}
