import { appearedWhereClicked, createPreRotationMemory, ROTATION_WINDOW_MS, watchConsoleClicks, type ConsoleClick } from '../scan/rotation-clicks';
import { scanForSecrets, type Finding } from '../scan/scan';
import { watchForSecrets, type WatchOptions } from '../scan/watcher';
import type { Replies, Request } from '../../../platform/protocol';
import { createDock } from './dock';

/**
 * The content script's whole job on an Amazon console page: watch for client secrets (`watchForSecrets`),
 * report each distinct one once with what the page showed about it, and list it in the one docked panel
 * (`dock.ts`). The background answers only the panel frame; this script learns a one-time token per secret
 * and nothing about the vault, so the page cannot either.
 *
 * Rotation, in any console language: a secret is reported as rotated when it replaced another secret shown for
 * the same client id on this page (`previousSecret`), or when it appeared where the user had just clicked a
 * control (trusted clicks only: inside the same dialog, in the region of the same client id, or anywhere after
 * an English "Rotate secret"; `rotateClickedAt`). Inside such a click, before the page swaps anything, the
 * secrets on screen are remembered as the ones being replaced.
 *
 * Each frame's content script handles its own document. Same-origin `about:` frames (srcdoc, about:blank),
 * where no content script runs, are handled by the frame that contains them.
 */
export interface ReportSecretsDeps {
  doc: Document;
  report(data: Request<'rotationWatch.report'>): Promise<Replies['rotationWatch.report']>;
  /** `chrome-extension://<dynamic id>/panel.html` */
  panelUrl: string;
  now?: () => number;
  watch?: WatchOptions;
}

export function startReportingSecrets(deps: ReportSecretsDeps): () => void {
  const { doc } = deps;
  const now = deps.now ?? Date.now;
  const memory = createPreRotationMemory();
  let lastClick: ConsoleClick | undefined;
  /** Every secret reported on this page. */
  const handled = new Set<string>();
  /** The secret last shown for each client id on this page. */
  const shownFor = new Map<string, string>();
  const dock = createDock(doc, deps.panelUrl);

  const inScope = (finding: Finding): boolean => {
    const owner = finding.element.ownerDocument;
    return owner === doc || owner.location?.protocol === 'about:';
  };

  const stopClicks = watchConsoleClicks(
    doc,
    (click) => {
      memory.remember(scanForSecrets(doc).filter(inScope));
      lastClick = click;
      dock.warmUp(); // a new secret may be on its way
    },
    { now },
  );

  const stopWatching = watchForSecrets(
    doc,
    (findings) => {
      for (const finding of findings) {
        if (!inScope(finding)) continue;
        const { secret, clientId, element } = finding;
        if (handled.has(secret)) {
          dock.track(secret, element);
          continue;
        }
        handled.add(secret);
        const replaced = clientId === undefined ? undefined : shownFor.get(clientId);
        if (clientId !== undefined) shownFor.set(clientId, secret);
        report(finding, replaced);
      }
    },
    deps.watch,
  );

  function report(finding: Finding, replaced: string | undefined): void {
    const { secret, clientId, statedDate, element } = finding;
    const click = lastClick && now() - lastClick.at <= ROTATION_WINDOW_MS && appearedWhereClicked(lastClick, element, clientId) ? lastClick : undefined;
    const previousSecret = replaced ?? (click ? memory.previousSecret(clientId, secret) : undefined);
    const data: Request<'rotationWatch.report'> = {
      secret,
      ...(clientId ? { clientId } : {}),
      ...(statedDate !== undefined ? { statedDate } : {}),
      ...(click ? { rotateClickedAt: click.at } : {}),
      ...(previousSecret && previousSecret !== secret ? { previousSecret } : {}),
    };
    let first: Promise<string> | undefined = deps.report(data).then((reply) => reply.token);
    // The first token comes from this report; a reloaded frame needs a fresh one (a token works once).
    const issue = () => {
      const token = first ?? deps.report(data).then((reply) => reply.token);
      first = undefined;
      return token;
    };
    first.then(
      () => dock.add(secret, element, issue),
      () => handled.delete(secret), // the extension was busy or reloading: try again when the page shows it next
    );
  }

  return () => {
    stopClicks();
    stopWatching();
    dock.dispose();
  };
}
