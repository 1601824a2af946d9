import { formFieldsIn, labelTextsOf, matchLabel, type FormField } from './labels';

/**
 * Filling ShopCtrl's "Amazon 1P Synchronization" (and 3P "Amazon Synchronization") settings the way a person
 * would (docs/amazon.md §7): fields found by their visible label (see `labels.ts`), values set through the
 * native setter followed by `input` and `change` events. Nothing here ever clicks Save; the user does.
 *
 * Fields are looked for in the document, its same-origin iframes and open shadow roots.
 */

export type { FormField } from './labels';

export interface ShopCtrlValues {
  clientSecret?: string | undefined;
  clientId?: string | undefined;
  refreshToken?: string | undefined;
  vendorCode?: string | undefined;
}

export type ShopCtrlFieldName = keyof ShopCtrlValues;

export interface FillResult {
  /** Fields whose value changed. */
  filled: ShopCtrlFieldName[];
  /** Fields found that already held the value. */
  unchanged: ShopCtrlFieldName[];
  /** Fields asked for but not found on the page. */
  missing: ShopCtrlFieldName[];
}

/** Label texts per field, preferred first. "Seller Id" / "Merchant ID" are the 3P page's wording. */
export const SHOPCTRL_LABELS: Readonly<Record<ShopCtrlFieldName, readonly string[]>> = {
  clientId: ['LWA Client Id', 'Client Id'],
  clientSecret: ['LWA Client Secret', 'Client Secret'],
  refreshToken: ['Refresh Token'],
  vendorCode: ['Vendor code', 'Seller Id', 'Merchant ID'],
};

const SECTION_TITLE = /amazon\s*(?:1p\s*|3p\s*)?synchroni[sz]ation/i;

/** The field best labelled `label` (exact match first, then contains; stronger label sources first), or null. */
export function findFieldByLabel(doc: Document, label: string | RegExp): FormField | null {
  return rankFieldsByLabel(doc, label)[0] ?? null;
}

/** All fields matching `label`, best first (ties keep document order). */
export function rankFieldsByLabel(doc: Document, label: string | RegExp): FormField[] {
  const scored: { field: FormField; score: number }[] = [];
  for (const root of searchRoots(doc)) {
    for (const field of formFieldsIn(root)) {
      let score = 0;
      for (const { text, strength } of labelTextsOf(field)) {
        const match = matchLabel(text, label);
        if (match > 0) score = Math.max(score, match * 10 + strength);
      }
      if (score > 0) scored.push({ field, score });
    }
  }
  return scored.sort((a, b) => b.score - a.score).map(({ field }) => field);
}

/**
 * Sets the value as typing would: the native `value` setter of the element's own interface prototype (so a
 * framework's instance-level `value` override notices the change), then bubbling `input` and `change` events.
 * Returns whether the value changed; when it did not, no event is fired.
 */
export function setFieldValue(field: FormField, value: string): boolean {
  const before = field.value;
  if (before === value) return false;
  const setter = nativeValueSetter(field);
  if (setter) setter.call(field, value);
  else field.value = value;
  if (field.value === before) return false;
  const win = field.ownerDocument.defaultView;
  if (win) {
    const InputEventCtor = typeof win.InputEvent === 'function' ? win.InputEvent : win.Event;
    field.dispatchEvent(new InputEventCtor('input', { bubbles: true, composed: true }));
    field.dispatchEvent(new win.Event('change', { bubbles: true }));
  }
  return true;
}

/** Fills the given ShopCtrl values by label. Each page field is used for at most one value. Never saves. */
export function fillShopCtrlFields(doc: Document, values: ShopCtrlValues): FillResult {
  const result: FillResult = { filled: [], unchanged: [], missing: [] };
  const used = new Set<FormField>();
  for (const name of Object.keys(SHOPCTRL_LABELS) as ShopCtrlFieldName[]) {
    const value = values[name];
    if (value === undefined) continue;
    const field = SHOPCTRL_LABELS[name]
      .map((label) => rankFieldsByLabel(doc, label).find((candidate) => !used.has(candidate)))
      .find((candidate) => candidate !== undefined);
    if (!field) {
      result.missing.push(name);
      continue;
    }
    used.add(field);
    (setFieldValue(field, value) ? result.filled : result.unchanged).push(name);
  }
  return result;
}

/**
 * Draws attention to a field: focus (without the browser's jump), smooth scroll to the centre, and a
 * temporary orange outline removed after `durationMs`. Returns a function that removes the outline early.
 */
export function highlightField(field: HTMLElement, durationMs = 2500): () => void {
  const previousStyle = field.getAttribute('style');
  field.style.outline = '3px solid #ff9900';
  field.style.outlineOffset = '2px';
  field.focus({ preventScroll: true });
  if (typeof field.scrollIntoView === 'function') field.scrollIntoView({ block: 'center', behavior: 'smooth' });
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    if (previousStyle === null) field.removeAttribute('style');
    else field.setAttribute('style', previousStyle);
  };
  field.ownerDocument.defaultView?.setTimeout(restore, durationMs);
  return restore;
}

/**
 * Whether this is ShopCtrl's Amazon 1P/3P synchronization settings: a title like "Amazon 1P Synchronization"
 * is on the page *and* an LWA client secret or client id field can be found (the topic menu names the section
 * on every settings page, so the title alone is not enough).
 */
export function shopCtrlSectionPresent(doc: Document): boolean {
  const titled = searchRoots(doc).some((root) =>
    SECTION_TITLE.test((root.nodeType === 9 ? (root as Document).documentElement : root)?.textContent ?? ''),
  );
  if (!titled) return false;
  return [...SHOPCTRL_LABELS.clientSecret, ...SHOPCTRL_LABELS.clientId].some(
    (label) => findFieldByLabel(doc, label) !== null,
  );
}

/** The document, its same-origin frame documents and open shadow roots, recursively. */
function searchRoots(doc: Document): (Document | ShadowRoot)[] {
  const roots: (Document | ShadowRoot)[] = [];
  const visit = (root: Document | ShadowRoot): void => {
    roots.push(root);
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
        const frameDoc = frameDocument(el);
        if (frameDoc) visit(frameDoc);
      }
    }
  };
  visit(doc);
  return roots;
}

function frameDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

function nativeValueSetter(field: FormField): ((this: FormField, value: string) => void) | undefined {
  const win = field.ownerDocument.defaultView;
  const ctor = !win
    ? undefined
    : field.tagName === 'TEXTAREA'
      ? win.HTMLTextAreaElement
      : field.tagName === 'SELECT'
        ? win.HTMLSelectElement
        : win.HTMLInputElement;
  for (let proto = ctor?.prototype ?? Object.getPrototypeOf(field); proto; proto = Object.getPrototypeOf(proto)) {
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    if (setter) return setter as (this: FormField, value: string) => void;
  }
  return undefined;
}
