/**
 * What a form field is called, read the way a person reads the form: never from ids or names.
 *
 * Sources, strongest first:
 * - strength 3: `<label for>` and a wrapping `<label>` (via `field.labels`, the control's own text excluded),
 *   `aria-labelledby`, `aria-label`;
 * - strength 2: `placeholder`, and nearby text: the nearest preceding sibling with text, looked for at the
 *   field and up to 3 ancestors (covers a text node or `<span>` before it, the previous table cell, the `dt` of
 *   its `dd`, a caption `div` beside the field's wrapper). The search stops at a sibling that holds another
 *   field (that is someone else's label) and ignores texts longer than 80 characters.
 *
 * Matching is case- and whitespace-insensitive and ignores a leading/trailing `*`, `:`, `-`. An exact match
 * beats a "contains" match from any source; a string query "contains"-matches only on word boundaries, so
 * "LWA Client Id" never matches "LWA Client Secret" (nor the reverse).
 */

export type FormField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface LabelText {
  text: string;
  strength: number;
}

const NOT_FILLABLE_INPUT = /^(hidden|submit|button|reset|image|file|checkbox|radio)$/i;
const MAX_NEARBY_LENGTH = 80;
const NEARBY_LEVELS = 4;

export function normalizeLabel(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s*:\-–]+|[\s*:\-–]+$/g, '')
    .toLowerCase();
}

export function isFormField(el: Element): el is FormField {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !NOT_FILLABLE_INPUT.test(el.getAttribute('type') ?? '');
}

/** Fillable fields of one document or shadow root, in document order. */
export function formFieldsIn(root: Document | ShadowRoot): FormField[] {
  return Array.from(root.querySelectorAll('input, textarea, select')).filter(isFormField);
}

/** Every label-like text of `field`, normalized, with its strength. */
export function labelTextsOf(field: FormField): LabelText[] {
  const texts: LabelText[] = [];
  const push = (text: string | null | undefined, strength: number): void => {
    const normalized = normalizeLabel(text);
    if (normalized) texts.push({ text: normalized, strength });
  };
  for (const label of Array.from(field.labels ?? [])) push(textOutside(label, field), 3);
  const root = field.getRootNode() as Document | ShadowRoot;
  for (const id of (field.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
    if (id) push(root.getElementById(id)?.textContent, 3);
  }
  push(field.getAttribute('aria-label'), 3);
  push(field.getAttribute('placeholder'), 2);
  push(nearbyText(field), 2);
  return texts;
}

/** 2 for an exact match, 1 for a "contains" match, 0 for none. */
export function matchLabel(text: string, query: string | RegExp): number {
  if (typeof query === 'string') {
    const wanted = normalizeLabel(query);
    if (!wanted) return 0;
    if (text === wanted) return 2;
    const at = text.indexOf(wanted);
    if (at < 0) return 0;
    const before = text[at - 1];
    const after = text[at + wanted.length];
    return isWordChar(before) || isWordChar(after) ? 0 : 1;
  }
  const re = new RegExp(query.source, query.flags.replace(/[gy]/g, '') + (query.flags.includes('i') ? '' : 'i'));
  const m = re.exec(text);
  if (!m) return 0;
  return m[0] === text ? 2 : 1;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

/** Text of `container` without the text inside `field` (a wrapping label around a select or textarea). */
function textOutside(container: Element, field: Element): string {
  if (!container.contains(field)) return container.textContent ?? '';
  let text = '';
  const walk = (node: Node): void => {
    if (node === field) return;
    if (node.nodeType === 3) text += (node as Text).data;
    node.childNodes.forEach(walk);
  };
  walk(container);
  return text;
}

function nearbyText(field: FormField): string | undefined {
  let node: Element | null = field;
  for (let level = 0; node && level < NEARBY_LEVELS; level++, node = node.parentElement) {
    for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
      if (sibling.nodeType === 1 && holdsField(sibling as Element)) return undefined;
      const text = normalizeLabel(sibling.textContent);
      if (text) return text.length <= MAX_NEARBY_LENGTH ? text : undefined;
    }
  }
  return undefined;
}

function holdsField(el: Element): boolean {
  return isFormField(el) || Array.from(el.querySelectorAll('input, textarea, select')).some(isFormField);
}
