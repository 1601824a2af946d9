/**
 * Where a box goes beside the secret on screen (viewport coordinates): to its right, else below, else above,
 * else to its left; along that side it is clamped into the viewport. It never overlaps the secret: when no
 * side has room, it goes below and may run off screen rather than cover it.
 *
 * The side and the edge the box hangs from are decided with a *nominal* height, so the box does not jump when
 * its content grows (a form opening in the panel): it grows away from the secret and is capped by the viewport
 * (its content scrolls then). Only the page moving the secret moves the box.
 */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Side = 'right' | 'below' | 'above' | 'left';

export interface Placement {
  left: number;
  top: number;
  /** The height to give the box: its wanted height, capped by the room on its side. */
  height: number;
  side: Side;
}

export const GAP = 8;
/** Below this the capped box would be unusable; it keeps this height and runs off screen instead. */
const MIN_HEIGHT = 80;

export function placeBeside(target: Rect, box: Size, viewport: Size, nominalHeight = box.height): Placement {
  const nominal = { width: box.width, height: Math.min(nominalHeight, box.height) };
  const fitsX = (x: number) => x >= 0 && x + nominal.width <= viewport.width;
  const fitsY = (y: number) => y >= 0 && y + nominal.height <= viewport.height;
  const clampX = (x: number) => Math.max(0, Math.min(x, viewport.width - nominal.width));
  const clampY = (y: number) => Math.max(0, Math.min(y, viewport.height - nominal.height));
  const downFrom = (top: number) => Math.max(Math.min(box.height, viewport.height - top), Math.min(box.height, MIN_HEIGHT));

  const right = target.right + GAP;
  if (fitsX(right)) {
    const top = clampY(target.top);
    return { left: right, top, height: downFrom(top), side: 'right' };
  }
  const below = target.bottom + GAP;
  if (fitsY(below)) return { left: clampX(target.left), top: below, height: downFrom(below), side: 'below' };
  const bottom = target.top - GAP;
  if (fitsY(bottom - nominal.height)) {
    const height = Math.max(Math.min(box.height, bottom), Math.min(box.height, MIN_HEIGHT));
    return { left: clampX(target.left), top: bottom - height, height, side: 'above' };
  }
  const left = target.left - GAP - nominal.width;
  if (fitsX(left)) {
    const top = clampY(target.top);
    return { left, top, height: downFrom(top), side: 'left' };
  }
  return { left: clampX(target.left), top: below, height: box.height, side: 'below' };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Room kept between a docked box and the viewport's edge. */
export const DOCK_MARGIN = 8;

/**
 * Where the rotation panel docks: the first spot, in order of preference (bottom-right, bottom-left, top-right,
 * top-left corner, then the middle of the right, left, bottom and top edges), that overlaps none of `avoid` (the
 * page's controls and every secret and client id on screen). When every spot overlaps something, the one that
 * covers the least area of them.
 */
export function chooseDock(box: Size, viewport: Size, avoid: readonly Rect[]): Rect {
  const m = DOCK_MARGIN;
  const w = Math.min(box.width, viewport.width - 2 * m);
  const h = Math.min(box.height, viewport.height - 2 * m);
  const right = viewport.width - m - w;
  const bottom = viewport.height - m - h;
  const midX = Math.round((viewport.width - w) / 2);
  const midY = Math.round((viewport.height - h) / 2);
  const spots: [number, number][] = [
    [right, bottom], [m, bottom], [right, m], [m, m],
    [right, midY], [m, midY], [midX, bottom], [midX, m],
  ];
  let best: Rect | undefined;
  let bestCover = Infinity;
  for (const [left, top] of spots) {
    const spot = { left, top, right: left + w, bottom: top + h };
    const cover = avoid.reduce((sum, r) => sum + overlapArea(spot, r), 0);
    if (cover === 0) return spot;
    if (cover < bestCover) [best, bestCover] = [spot, cover];
  }
  return best!;
}

function overlapArea(a: Rect, b: Rect): number {
  const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return x > 0 && y > 0 ? x * y : 0;
}

/** Set `!important` on our host elements, so the page's stylesheets cannot override them (its scripts still can: see the click guard). */
export const HOST_RESET_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  inset: 'auto',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  overflow: 'visible',
  'z-index': '2147483647',
  'color-scheme': 'normal',
};
