// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClickGuard, GUARD_MS } from '../../../../features/rotation-watch/panel/bridge';


/** A browser whose IntersectionObserver v2 says `visible` for every card. */
const seen = (visible: boolean | undefined) => ({ observe: () => undefined, of: () => visible });
const card = document.createElement('div');
card.dataset.card = '';
const target = card.appendChild(document.createElement('button'));
const click = (detail: number, isTrusted = true) => ({ detail, isTrusted, target }) as unknown as MouseEvent;

describe('createClickGuard (clickjacking)', () => {
  afterEach(() => vi.useRealTimers());

  it('ignores a pointer click right after the panel appeared, then lets clicks through', () => {
    let now = 1000;
    const guard = createClickGuard(() => now, undefined, seen(true));
    expect(guard.check(click(1))).toBe('just-moved');
    now += GUARD_MS;
    expect(guard.check(click(1))).toBe('ok');
  });

  it('holds again when the panel moves', () => {
    let now = 1000;
    const guard = createClickGuard(() => now, undefined, seen(true));
    now += 5000;
    guard.hold();
    expect(guard.check(click(1))).toBe('just-moved');
    now += GUARD_MS - 1;
    expect(guard.check(click(1))).toBe('just-moved');
    now += 1;
    expect(guard.check(click(1))).toBe('ok');
  });

  it('refuses a pointer click on a card the browser does not report fully visible and unobscured, or cannot tell', () => {
    let now = 0;
    for (const visible of [false, undefined]) {
      const guard = createClickGuard(() => now, undefined, seen(visible));
      now += 10 * GUARD_MS;
      expect(guard.check(click(1))).toBe('not-visible');
      expect(guard.check(click(0))).toBe('ok'); // the keyboard still works
    }
  });

  it('always accepts keyboard activation (a click with detail 0)', () => {
    const guard = createClickGuard(() => 0, undefined, seen(false));
    expect(guard.check(click(0))).toBe('ok');
  });

  it('never accepts a synthetic event', () => {
    let now = 0;
    const guard = createClickGuard(() => now, undefined, seen(true));
    now += 10 * GUARD_MS;
    expect(guard.check(click(1, false))).toBe('untrusted');
    expect(guard.check(click(0, false))).toBe('untrusted');
  });

  it('reports when it is armed', () => {
    vi.useFakeTimers();
    const states: boolean[] = [];
    createClickGuard(Date.now, (armed) => states.push(armed), seen(true));
    vi.advanceTimersByTime(GUARD_MS);
    expect(states).toEqual([false, true]);
  });
});
