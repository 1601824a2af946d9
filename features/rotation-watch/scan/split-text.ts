import { GLUED_AFTER, GLUED_BEFORE } from '../../amazon/credential-patterns';

/**
 * Credentials whose text is split across adjacent inline elements or text nodes
 * (`<span>amzn1.oa2-cs.v1.</span><span>…hex…</span>`), also with zero-width characters anywhere or whitespace
 * at the seams between the parts. The caller feeds text nodes in document order; consecutive nodes displayed
 * inside the same block (nearest ancestor that is not an inline element) form one run. A run of one node is
 * only looked at when it holds a zero-width character (the per-node scan covers the rest).
 *
 * Joining: zero-width characters are dropped; whitespace at a seam (a node's leading or trailing whitespace, a
 * whitespace-only node) is dropped but still counts as a word boundary before or after a match. Whitespace
 * inside a node's text stays, so `…63 hex… a` written in one node is never glued into a secret. The same
 * boundaries as `patterns.ts` apply, so every look-alike stays one.
 */

const INLINE = new Set(
  'A ABBR B BDI BDO CITE CODE DATA DEL DFN EM FONT I INS KBD LABEL MARK Q S SAMP SMALL SPAN STRONG SUB SUP TIME TT U VAR WBR'.split(' '),
);
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const ZERO_WIDTH_ALL = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SEPARATORS = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]+/g;

export interface SplitMatch {
  value: string;
  /** The nearest element showing every part of it. */
  element: Element;
}

export interface RunJoiner {
  text(node: Text, shownBy: Element): void;
  /** Ends the current run (call once after the walk). */
  flush(): void;
}

/**
 * Calls `onMatch` for every match of one of `patterns` (global, bare: no boundaries of their own) that only the
 * joined text of a run shows; `hints` are the substrings a joined run must contain to be looked at.
 */
export function createRunJoiner(patterns: readonly RegExp[], hints: readonly string[], onMatch: (match: SplitMatch) => void): RunJoiner {
  let block: Element | undefined;
  let nodes: Text[] = [];
  let shown: Element[] = [];
  let hasZeroWidth = false;

  function flush(): void {
    const run = nodes;
    const shownBy = shown;
    const zeroWidth = hasZeroWidth;
    nodes = [];
    shown = [];
    hasZeroWidth = false;
    block = undefined;
    if (run.length === 0 || (run.length === 1 && !zeroWidth)) return;
    const compact = run.map((n) => n.data).join('').replace(SEPARATORS, '');
    if (!hints.some((hint) => compact.includes(hint))) return;
    let joined = '';
    const gapBefore: boolean[] = [];
    const nodeAt: number[] = [];
    run.forEach((node, index) => {
      const data = node.data.replace(ZERO_WIDTH_ALL, '');
      const body = data.trim();
      let gap = body.length < data.length && /^\s/.test(data);
      for (const char of body) {
        gapBefore.push(gap);
        nodeAt.push(index);
        joined += char;
        gap = false;
      }
      if (body.length > 0 && /\s$/.test(data)) gapBefore[joined.length] = true;
      else if (body.length === 0 && data.length > 0) gapBefore[joined.length] = true;
    });
    const whole = new Set(run.flatMap((n) => patterns.flatMap((p) => n.data.match(p) ?? [])));
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(joined); m; m = pattern.exec(joined)) {
        const start = m.index;
        const end = start + m[0].length;
        const clearBefore = start === 0 || gapBefore[start] === true || !GLUED_BEFORE.test(joined[start - 1]!);
        const clearAfter = end === joined.length || gapBefore[end] === true || !GLUED_AFTER.test(joined[end]!);
        if (!clearBefore || !clearAfter || whole.has(m[0])) continue;
        onMatch({ value: m[0], element: commonElement(shownBy[nodeAt[start]!]!, shownBy[nodeAt[end - 1]!]!) });
      }
    }
  }

  return {
    text(node, shownBy) {
      const own = blockOf(shownBy);
      if (own !== block) flush();
      block = own;
      nodes.push(node);
      shown.push(shownBy);
      if (ZERO_WIDTH.test(node.data)) hasZeroWidth = true;
    },
    flush,
  };
}

export function isInline(el: Element): boolean {
  return INLINE.has(el.tagName);
}

function blockOf(el: Element): Element {
  let at = el;
  while (isInline(at) && at.parentElement) at = at.parentElement;
  return at;
}

function commonElement(first: Element, last: Element): Element {
  let at = first;
  while (!at.contains(last) && at.parentElement) at = at.parentElement;
  return at;
}
