import { CLIENT_ID_BARE, CLIENT_ID_HINT, findClientIdsInText, findSecretsInText, mayContainClientId, mayContainSecret, SECRET_BARE, SECRET_HINT } from '../../amazon/credential-patterns';
import { createRunJoiner } from './split-text';
import { parseStatedDate } from './stated-date';
import { composedAncestry, isTextControl, walkComposed, type SubRoot } from './walk';

/**
 * Finding LWA client secrets in a DOM subtree and the client id shown beside each.
 *
 * Two stages, so the watcher can drop already-reported sightings before paying for pairing:
 * 1. `locateSecrets(root)`: where secrets are (text nodes, text split across adjacent inline elements or text
 *    nodes (`split-text.ts`), input/textarea `.value`, any attribute), walking open shadow roots and same-origin
 *    iframes. Every string gets the cheap `includes` pre-test before any regex.
 * 2. `describeSecrets(occurrences)`: pairs each with a client id and reads a stated date near it.
 *
 * Pairing rule: walk up the composed tree from the element showing the secret; the first ancestor (the element
 * itself included) that contains exactly one distinct client id gives the pairing. The walk stops, unpaired, at
 * an ancestor containing two or more different client ids (an app list), so rows never get mixed. A modal
 * appended to `<body>` therefore pairs only when it shows its own client id.
 * Client ids are looked for in the whole composed document the secret lives in (text, values, attributes,
 * shadow roots, frames), collected once per `describeSecrets` call.
 *
 * Stated date: the nearest ancestor, up to the last one before an ancestor holding several client ids (the
 * region that belongs to this app), whose `textContent` holds a keyword-introduced date (see `stated-date.ts`).
 * Text inside shadow roots is not read for dates.
 */

export type FindingSource = 'text' | 'value' | 'attribute';

export interface SecretOccurrence {
  secret: string;
  /** The element that shows it: text's parent element, the input/textarea, or the attribute's owner. */
  element: Element;
  source: FindingSource;
}

export interface Finding extends SecretOccurrence {
  clientId?: string;
  /** A date the page states next to the secret (rotation target / expiry), ms at UTC midnight. */
  statedDate?: number | undefined;
}

export interface ScanOptions {
  /** `false`: only the root element's own value and attributes (for attribute mutations). Default `true`. */
  deep?: boolean;
  /** Told about each open shadow root and same-origin frame document entered (the watcher observes them). */
  onSubRoot?: (root: SubRoot) => void;
}

/** Every (secret, element) shown in `root` and below, each once. */
export function locateSecrets(root: Node, opts: ScanOptions = {}): SecretOccurrence[] {
  const found: SecretOccurrence[] = [];
  const seen = new Map<Element, Set<string>>();
  const add = (text: string, element: Element, source: FindingSource): void => {
    if (!mayContainSecret(text)) return;
    for (const secret of findSecretsInText(text)) {
      let secrets = seen.get(element);
      if (!secrets) seen.set(element, (secrets = new Set()));
      if (secrets.has(secret)) continue;
      secrets.add(secret);
      found.push({ secret, element, source });
    }
  };
  const runs = createRunJoiner([SECRET_BARE], [SECRET_HINT], ({ value, element }) => add(value, element, 'text'));
  walkComposed(
    root,
    {
      text: (node, shownBy) => {
        add(node.data, shownBy, 'text');
        runs.text(node, shownBy);
      },
      element: (el) => {
        if (isTextControl(el)) add(el.value, el, 'value');
        for (const attr of Array.from(el.attributes)) add(attr.value, el, 'attribute');
      },
      subRoot: opts.onSubRoot,
    },
    opts.deep ?? true,
  );
  runs.flush();
  return found;
}

/** Adds the paired client id and the stated date to each occurrence. */
export function describeSecrets(occurrences: readonly SecretOccurrence[]): Finding[] {
  const clientIdsByTop = new Map<Node, Map<Node, Set<string>>>();
  return occurrences.map((occurrence) => {
    const chain = composedAncestry(occurrence.element);
    const top = chain[chain.length - 1]!;
    let clientIdsIn = clientIdsByTop.get(top);
    if (!clientIdsIn) clientIdsByTop.set(top, (clientIdsIn = indexClientIds(top)));
    return describeOne(occurrence, chain, clientIdsIn);
  });
}

/** `locateSecrets` then `describeSecrets`: every secret shown under `root`, paired and dated. */
export function scanForSecrets(root: Node, opts: ScanOptions = {}): Finding[] {
  return describeSecrets(locateSecrets(root, opts));
}

function describeOne(
  occurrence: SecretOccurrence,
  chain: readonly Node[],
  clientIdsIn: Map<Node, Set<string>>,
): Finding {
  let clientId: string | undefined;
  let scopeEnd = chain.length;
  for (let i = 0; i < chain.length; i++) {
    const ids = clientIdsIn.get(chain[i]!);
    if (!ids) continue;
    if (ids.size > 1) {
      scopeEnd = i;
      break;
    }
    [clientId] = ids;
  }
  const finding: Finding = { ...occurrence, statedDate: statedDateNear(chain.slice(0, scopeEnd)) };
  if (clientId) finding.clientId = clientId;
  return finding;
}

function statedDateNear(scope: readonly Node[]): number | undefined {
  let lastText: string | undefined;
  for (const node of scope) {
    const text = node.textContent ?? '';
    if (text === lastText) continue; // same text as the child just read
    lastText = text;
    const date = parseStatedDate(text);
    if (date !== undefined) return date;
  }
  return undefined;
}

/** For every composed node that contains a client id: the distinct client ids it contains. */
function indexClientIds(top: Node): Map<Node, Set<string>> {
  const index = new Map<Node, Set<string>>();
  visitClientIds(top, (clientId, element) => {
    for (const node of composedAncestry(element)) {
      let ids = index.get(node);
      if (!ids) index.set(node, (ids = new Set()));
      if (ids.has(clientId)) break; // ancestors above already have it
      ids.add(clientId);
    }
  });
  return index;
}

/** The distinct client ids shown in `root` (text, split text, values, attributes, shadow roots, frames). */
export function clientIdsIn(root: Node): string[] {
  const ids = new Set<string>();
  visitClientIds(root, (clientId) => ids.add(clientId));
  return [...ids];
}

function visitClientIds(root: Node, found: (clientId: string, element: Element) => void): void {
  const note = (text: string, element: Element): void => {
    if (mayContainClientId(text)) for (const clientId of findClientIdsInText(text)) found(clientId, element);
  };
  const runs = createRunJoiner([CLIENT_ID_BARE], [CLIENT_ID_HINT], ({ value, element }) => note(value, element));
  walkComposed(root, {
    text: (node, shownBy) => {
      note(node.data, shownBy);
      runs.text(node, shownBy);
    },
    element: (el) => {
      if (isTextControl(el)) note(el.value, el);
      for (const attr of Array.from(el.attributes)) note(attr.value, el);
    },
  });
  runs.flush();
}
