/**
 * Knowing whether a secret on screen was just generated.
 *
 * - `watchRotateClicks` notices clicks (capture phase, so before the page's own handler replaces anything) on a
 *   button or link whose accessible name reads "Rotate secret" / "Rotate keys" (Amazon's two wordings,
 *   amazon-facts.md §4.1), also inside open shadow roots (via `composedPath`). The callback runs synchronously
 *   inside the click, so the caller can still read the secrets visible *before* the rotation (e.g.
 *   `scanForSecrets(doc)` into a `PreRotationMemory`). The confirm dialog's second "Rotate secret" click
 *   simply reports again with a later time.
 * - `classifyFinding` is the pure decision 'new' | 'up-to-date' | 'seen'.
 * - `createPreRotationMemory` remembers which secret each client id showed before the click, so the caller can
 *   put the old one into the vault's previous slot.
 */

export const ROTATE_LABEL = /\brotate\s+(?:client\s+)?(?:secret|keys)\b/i;
/** A secret first seen this long after a Rotate click counts as freshly generated. */
export const ROTATION_WINDOW_MS = 5 * 60 * 1000;

export interface RotateClick {
  at: number;
  /** The button or link clicked. */
  element: Element;
}

export interface RotateClickOptions {
  now?: () => number;
  /** The label to look for; default `ROTATE_LABEL` (English console). */
  label?: RegExp;
}

export function watchRotateClicks(
  doc: Document,
  onRotateClick: (click: RotateClick) => void,
  opts: RotateClickOptions = {},
): () => void {
  const now = opts.now ?? Date.now;
  const label = opts.label ?? ROTATE_LABEL;
  const onClick = (event: Event): void => {
    const element = rotateControlInPath(event.composedPath(), label);
    if (element) onRotateClick({ at: now(), element });
  };
  doc.addEventListener('click', onClick, true);
  return () => doc.removeEventListener('click', onClick, true);
}

/**
 * The clicked control, when it is named like `label`: the innermost button-like element of the event path (at
 * most 8 deep) that has a name. Nameless ones (the inner `<button><slot>` of a `<kat-button label=…>`) pass the
 * question to their host; a named one that does not match ends the search, so "Cancel" inside a button group
 * whose text also says "Rotate secret" is not a rotation.
 */
export function rotateControlInPath(path: readonly EventTarget[], label: RegExp): Element | undefined {
  for (const target of path.slice(0, 8)) {
    const el = target as Element;
    if (el.nodeType !== 1 || !isButtonLike(el)) continue;
    const name = accessibleName(el);
    if (name) return label.test(name) ? el : undefined;
  }
  return undefined;
}

function isButtonLike(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'BUTTON' || tag === 'A' || tag.includes('BUTTON')) return true; // also <kat-button> and the like
  if (tag === 'INPUT') return /^(button|submit)$/i.test(el.getAttribute('type') ?? '');
  return /^(button|link|menuitem)$/.test(el.getAttribute('role') ?? '');
}

/** A modest accessible name: aria-labelledby, aria-label, a `label` attribute, input value, text, title. */
export function accessibleName(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map((id) => (id && typeof root.getElementById === 'function' ? root.getElementById(id)?.textContent : ''))
    .join(' ');
  const candidates = [
    labelledBy,
    el.getAttribute('aria-label'),
    el.getAttribute('label'),
    el.tagName === 'INPUT' ? (el as HTMLInputElement).value : '',
    el.textContent,
    el.getAttribute('title'),
  ];
  for (const text of candidates) {
    const name = (text ?? '').replace(/\s+/g, ' ').trim();
    if (name) return name;
  }
  return '';
}

export type FindingStatus = 'new' | 'up-to-date' | 'seen';

export interface ClassifyContext {
  /** When the last Rotate click happened, if any. */
  rotateClickedAt?: number | undefined;
  now: number;
  /** The vault's current secret per client id. */
  knownSecrets?: ReadonlyMap<string, string>;
  /** Secrets already seen on this page before this sighting (add to it *after* classifying). */
  seenBefore: ReadonlySet<string>;
  /** Default `ROTATION_WINDOW_MS`. */
  windowMs?: number;
}

/**
 * - 'up-to-date': the vault's current secret for this client id (or, unpaired, any vault secret) equals it.
 * - 'new': not seen before on this page, and either it appears within the window after a Rotate click, or the
 *   vault holds a *different* current secret for this client id (rotated elsewhere).
 * - 'seen': anything else: already seen on this page, or nothing says it is newer than what the vault knows
 *   (e.g. the vault has no entry for this client id and no Rotate click happened).
 */
export function classifyFinding(
  finding: { secret: string; clientId?: string | undefined },
  context: ClassifyContext,
): FindingStatus {
  const { secret, clientId } = finding;
  const known = context.knownSecrets;
  const current = clientId === undefined ? undefined : known?.get(clientId);
  if (current === secret) return 'up-to-date';
  if (clientId === undefined && known && [...known.values()].includes(secret)) return 'up-to-date';
  if (context.seenBefore.has(secret)) return 'seen';
  const clickedAt = context.rotateClickedAt;
  const sinceClick = clickedAt === undefined ? -1 : context.now - clickedAt;
  if (sinceClick >= 0 && sinceClick <= (context.windowMs ?? ROTATION_WINDOW_MS)) return 'new';
  return current !== undefined ? 'new' : 'seen';
}

export interface PreRotationMemory {
  /** Remember the secrets visible now, e.g. `scanForSecrets(doc)` inside the Rotate click callback. */
  remember(findings: readonly { secret: string; clientId?: string | undefined }[]): void;
  /**
   * The secret visible before the rotation for this client id, if it differs from `newSecret`. Unpaired
   * (`clientId` undefined, or nothing remembered for it): only when exactly one other secret was remembered.
   */
  previousSecret(clientId: string | undefined, newSecret: string): string | undefined;
  clear(): void;
}

export function createPreRotationMemory(): PreRotationMemory {
  const byClientId = new Map<string, string>();
  const all = new Set<string>();
  return {
    remember(findings) {
      for (const { secret, clientId } of findings) {
        all.add(secret);
        if (clientId !== undefined) byClientId.set(clientId, secret);
      }
    },
    previousSecret(clientId, newSecret) {
      const paired = clientId === undefined ? undefined : byClientId.get(clientId);
      if (paired !== undefined) return paired === newSecret ? undefined : paired;
      const others = [...all].filter((secret) => secret !== newSecret);
      return others.length === 1 ? others[0] : undefined;
    },
    clear() {
      byClientId.clear();
      all.clear();
    },
  };
}

