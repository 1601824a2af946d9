/**
 * Where a box goes beside the secret on screen (viewport coordinates): to its right, else below, else above,
 * else to its left; clamped into the viewport along the side it sits on. It never overlaps the secret: when
 * no side has room, it goes below and may run off screen rather than cover it.
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

export function placeBeside(target: Rect, box: Size, viewport: Size, gap = 8): { left: number; top: number } {
  const fitsX = (x: number) => x >= 0 && x + box.width <= viewport.width;
  const fitsY = (y: number) => y >= 0 && y + box.height <= viewport.height;
  const clampX = (x: number) => Math.max(0, Math.min(x, viewport.width - box.width));
  const clampY = (y: number) => Math.max(0, Math.min(y, viewport.height - box.height));

  const right = target.right + gap;
  if (fitsX(right)) return { left: right, top: clampY(target.top) };
  const below = target.bottom + gap;
  if (fitsY(below)) return { left: clampX(target.left), top: below };
  const above = target.top - gap - box.height;
  if (fitsY(above)) return { left: clampX(target.left), top: above };
  const left = target.left - gap - box.width;
  if (fitsX(left)) return { left, top: clampY(target.top) };
  return { left: clampX(target.left), top: below };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
