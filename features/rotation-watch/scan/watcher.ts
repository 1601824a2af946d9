import { mayContainSecret } from '../../amazon/credential-patterns';
import { describeSecrets, locateSecrets, type Finding, type SecretOccurrence } from './scan';
import { isInline } from './split-text';
import { isTextControl, type SubRoot } from './walk';

/**
 * Watches a document for client secrets appearing, cheaply:
 *
 * - One full scan at start (scheduled like any other batch).
 * - A MutationObserver (subtree, childList, characterData, attributes) on the document and on every open shadow
 *   root and same-origin frame document the scans enter. Mutation callbacks only *collect* nodes: added nodes
 *   and changed text nodes (text pre-tested before queueing) are scanned with their subtrees (added text or
 *   inline elements with their parent: a split secret's other parts are its siblings),
 *   elements whose attributes changed are scanned alone (their value and attributes). Once per scheduled
 *   callback (idle callback, else animation frame, else a 50 ms timer; `opts.schedule` overrides) the queue is
 *   pruned to its outermost nodes and scanned. The whole document is never rescanned because of a mutation.
 * - Values set by script (`input.value = …` changes no attribute and fires no mutation):
 *   `input` / `change` / `focusin` listeners (capture) queue the event's target, and a light poll every
 *   `pollMs` (default 2000 ms, skipped while the tab is hidden) reads `.value` of the input/textarea elements in
 *   the watched roots, but only while there are at most `maxPolledFields` (default 30) of them; a `.value`
 *   read plus an `includes` per field is all a tick costs. Pages with more fields rely on the other paths.
 *   A click anywhere (a reveal arrow, a Rotate button) also polls `pollAfterClickMs` later (default 150 and
 *   600 ms), so a secret a page script puts into a field after a click shows up without waiting for the tick.
 * - Same-origin iframes that load later: a capture `load` listener rescans the frame element.
 *
 * Each distinct (secret, element) is reported once, across all batches. Findings are paired (client id, date)
 * only after that filter. Returns `stop()`, which disconnects everything; a batch already scheduled is dropped.
 */

export interface WatchOptions {
  /** Runs the batch callback later; default requestIdleCallback (500 ms timeout) / rAF / setTimeout. */
  schedule?: (callback: () => void) => void;
  /** Interval of the light value poll in ms; 0 turns it off. Default 2000. */
  pollMs?: number;
  /** The poll is skipped while the watched roots hold more input/textarea elements than this. Default 30. */
  maxPolledFields?: number;
  /** Extra polls this long after each click (ms); `[]` turns them off. Default `[150, 600]`. */
  pollAfterClickMs?: readonly number[];
}

/** Text that may be one part of a split secret: a piece of the prefix, or a run of lowercase hex. */
const MAY_BE_PART = /amzn|oa2-|cs\.v1|[0-9a-f]{8}/;

/** Added text, or an added inline element: scanned with its parent, which may hold the other parts. */
function partOfRun(node: Node): boolean {
  return node.nodeType === 3 || (node.nodeType === 1 && isInline(node as Element));
}

const OBSERVE: MutationObserverInit = { subtree: true, childList: true, characterData: true, attributes: true };
const FIELD_EVENTS = ['input', 'change', 'focusin'] as const;

export function watchForSecrets(
  doc: Document,
  onFindings: (findings: Finding[]) => void,
  opts: WatchOptions = {},
): () => void {
  const win = doc.defaultView;
  if (!win) return () => {};
  const schedule = opts.schedule ?? defaultSchedule(win);
  const maxPolledFields = opts.maxPolledFields ?? 30;

  const subtrees = new Set<Node>();
  const lone = new Set<Element>();
  const reported = new WeakMap<Element, Set<string>>();
  const roots = new Set<SubRoot>();
  let scheduled = false;
  let stopped = false;

  const observer = new win.MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach((node) => subtrees.add(partOfRun(node) ? (record.target as Node) : node));
      else if (record.type === 'characterData') {
        // A part of a split secret changed: its neighbours are needed to see the whole.
        const text = record.target.nodeValue ?? '';
        if (mayContainSecret(text) || MAY_BE_PART.test(text)) subtrees.add(record.target.parentNode ?? record.target);
      } else if (record.target.nodeType === 1) lone.add(record.target as Element);
    }
    requestBatch();
  });

  const onFieldEvent = (event: Event): void => {
    const target = event.composedPath()[0];
    if (target && (target as Node).nodeType === 1 && isTextControl(target as Element)) {
      lone.add(target as Element);
      requestBatch();
    }
  };
  const pollAfterClick = opts.pollAfterClickMs ?? [150, 600];
  const clickTimers = new Set<number>();
  const onClick = (): void => {
    if (opts.pollMs === 0 && opts.pollAfterClickMs === undefined) return; // polling turned off altogether
    for (const delay of pollAfterClick) {
      const timer = win.setTimeout(() => {
        clickTimers.delete(timer);
        pollValues();
      }, delay);
      clickTimers.add(timer);
    }
  };
  const onLoad = (event: Event): void => {
    const target = event.target as Element | null;
    if (target && (target.tagName === 'IFRAME' || target.tagName === 'FRAME')) {
      subtrees.add(target);
      requestBatch();
    }
  };

  function watchRoot(root: SubRoot): void {
    if (roots.has(root)) return;
    roots.add(root);
    observer.observe(root, OBSERVE);
    if (root.nodeType === 9) {
      for (const type of FIELD_EVENTS) root.addEventListener(type, onFieldEvent, true);
      root.addEventListener('load', onLoad, true);
      root.addEventListener('click', onClick, true);
    }
  }

  function requestBatch(): void {
    if (scheduled || stopped) return;
    scheduled = true;
    schedule(runBatch);
  }

  function runBatch(): void {
    scheduled = false;
    if (stopped) return;
    const outer = outermost(subtrees);
    const single = [...lone].filter((el) => !insideAny(el, outer));
    subtrees.clear();
    lone.clear();
    const found: SecretOccurrence[] = [];
    for (const node of outer) {
      if (node.isConnected) found.push(...locateSecrets(node, { onSubRoot: watchRoot }));
    }
    for (const el of single) if (el.isConnected) found.push(...locateSecrets(el, { deep: false }));
    report(found);
  }

  function report(found: readonly SecretOccurrence[]): void {
    const fresh = found.filter(({ secret, element }) => {
      let secrets = reported.get(element);
      if (!secrets) reported.set(element, (secrets = new Set()));
      if (secrets.has(secret)) return false;
      secrets.add(secret);
      return true;
    });
    if (fresh.length > 0) onFindings(describeSecrets(fresh));
  }

  function pollValues(): void {
    if (stopped || doc.visibilityState === 'hidden') return;
    const fields: Element[] = [];
    for (const root of [...roots]) {
      const alive = root.nodeType === 9 || (root as ShadowRoot).host.isConnected;
      if (!alive) roots.delete(root);
      else fields.push(...Array.from(root.querySelectorAll('input, textarea')));
      if (fields.length > maxPolledFields) return;
    }
    let queued = false;
    for (const field of fields) {
      if (isTextControl(field) && mayContainSecret(field.value)) {
        lone.add(field);
        queued = true;
      }
    }
    if (queued) requestBatch();
  }

  watchRoot(doc);
  subtrees.add(doc);
  requestBatch();
  const pollMs = opts.pollMs ?? 2000;
  const poll = pollMs > 0 ? win.setInterval(pollValues, pollMs) : undefined;

  return () => {
    stopped = true;
    observer.disconnect();
    if (poll !== undefined) win.clearInterval(poll);
    for (const root of roots) {
      if (root.nodeType !== 9) continue;
      for (const type of FIELD_EVENTS) root.removeEventListener(type, onFieldEvent, true);
      root.removeEventListener('load', onLoad, true);
      root.removeEventListener('click', onClick, true);
    }
    for (const timer of clickTimers) win.clearTimeout(timer);
    roots.clear();
  };
}

/** The nodes of `nodes` that have no ancestor (light-DOM parent chain) in `nodes`. */
function outermost(nodes: ReadonlySet<Node>): Set<Node> {
  const outer = new Set<Node>();
  for (const node of nodes) if (!insideAny(node.parentNode, nodes)) outer.add(node);
  return outer;
}

function insideAny(node: Node | null, set: ReadonlySet<Node>): boolean {
  for (let n = node; n; n = n.parentNode) if (set.has(n)) return true;
  return false;
}

function defaultSchedule(win: Window): (callback: () => void) => void {
  if (typeof win.requestIdleCallback === 'function') {
    return (callback) => win.requestIdleCallback(() => callback(), { timeout: 500 });
  }
  if (typeof win.requestAnimationFrame === 'function') return (callback) => win.requestAnimationFrame(() => callback());
  return (callback) => win.setTimeout(callback, 50);
}
