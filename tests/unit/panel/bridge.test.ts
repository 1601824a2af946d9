// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClickGuard, GUARD_MS } from '../../../components/panel/bridge';

const click = (detail: number, isTrusted = true) => ({ detail, isTrusted }) as MouseEvent;

describe('createClickGuard (clickjacking)', () => {
  afterEach(() => vi.useRealTimers());

  it('ignores a pointer click right after the panel appeared, then lets clicks through', () => {
    let now = 1000;
    const guard = createClickGuard(() => now);
    expect(guard.allows(click(1))).toBe(false);
    now += GUARD_MS;
    expect(guard.allows(click(1))).toBe(true);
  });

  it('holds again when the panel moves', () => {
    let now = 1000;
    const guard = createClickGuard(() => now);
    now += 5000;
    guard.hold();
    expect(guard.allows(click(1))).toBe(false);
    now += GUARD_MS - 1;
    expect(guard.allows(click(1))).toBe(false);
    now += 1;
    expect(guard.allows(click(1))).toBe(true);
  });

  it('always accepts keyboard activation (a click with detail 0)', () => {
    const guard = createClickGuard(() => 0);
    expect(guard.allows(click(0))).toBe(true);
  });

  it('never accepts a synthetic event', () => {
    let now = 0;
    const guard = createClickGuard(() => now);
    now += 10 * GUARD_MS;
    expect(guard.allows(click(1, false))).toBe(false);
    expect(guard.allows(click(0, false))).toBe(false);
  });

  it('reports when it is armed', () => {
    vi.useFakeTimers();
    const states: boolean[] = [];
    createClickGuard(Date.now, (armed) => states.push(armed));
    vi.advanceTimersByTime(GUARD_MS);
    expect(states).toEqual([false, true]);
  });
});
