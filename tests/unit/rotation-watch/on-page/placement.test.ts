import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps, placeBeside, type Rect } from '../../../../features/rotation-watch/on-page/placement';

const VIEWPORT = { width: 1280, height: 720 };
const BOX = { width: 360, height: 200 };
const rect = (left: number, top: number, width: number, height: number): Rect => ({ left, top, right: left + width, bottom: top + height });
const boxAt = (p: { left: number; top: number; height: number }) => rect(p.left, p.top, BOX.width, p.height);

describe('placeBeside', () => {
  it('goes to the right of the secret, top-aligned', () => {
    expect(placeBeside(rect(100, 200, 500, 20), BOX, VIEWPORT)).toEqual({ left: 608, top: 200, height: 200, side: 'right' });
  });

  it('goes below when the right side has no room', () => {
    expect(placeBeside(rect(500, 200, 600, 20), BOX, VIEWPORT)).toMatchObject({ left: 500, top: 228, side: 'below' });
  });

  it('goes above when neither right nor below has room', () => {
    expect(placeBeside(rect(500, 600, 600, 20), BOX, VIEWPORT)).toMatchObject({ top: 392, side: 'above' });
  });

  it('goes to the left as a last side', () => {
    expect(placeBeside(rect(700, 100, 570, 560), BOX, VIEWPORT)).toMatchObject({ left: 332, side: 'left' });
  });

  it('keeps its place when its content grows, and caps the height at the viewport', () => {
    const target = rect(100, 500, 500, 20);
    const small = placeBeside(target, BOX, VIEWPORT);
    const tall = placeBeside(target, { width: 360, height: 500 }, VIEWPORT, BOX.height);
    expect(tall.top).toBe(small.top);
    expect(tall.left).toBe(small.left);
    expect(tall.height).toBe(VIEWPORT.height - small.top);
  });

  it('never covers the secret, wherever it is and however tall the panel wants to be', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 1400 }),
        fc.integer({ min: -200, max: 900 }),
        fc.integer({ min: 1, max: 1300 }),
        fc.integer({ min: 1, max: 700 }),
        fc.integer({ min: 60, max: 700 }),
        (left, top, width, height, wanted) => {
          const target = rect(left, top, width, height);
          const placed = placeBeside(target, { width: BOX.width, height: wanted }, VIEWPORT, BOX.height);
          expect(overlaps(boxAt(placed), target)).toBe(false);
        },
      ),
    );
  });
});
