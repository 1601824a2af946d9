import { describe, expect, it, vi } from 'vitest';
import { createClipboardClearer, type PendingClear } from '../../../utils/clipboard/clear-schedule';

function setup(delaySeconds = 30) {
  let now = 1_000_000;
  let pending: PendingClear | null = null;
  const timers: { fn: () => void; ms: number }[] = [];
  const deps = {
    delaySeconds: async () => delaySeconds,
    pending: { get: async () => pending, set: async (v: PendingClear | null) => void (pending = v) },
    clearIfHolds: vi.fn(async () => true),
    alarm: { create: vi.fn(async () => {}), clear: vi.fn(async () => {}) },
    now: () => now,
    setTimer: (fn: () => void, ms: number) => timers.push({ fn, ms }),
  };
  return { clearer: createClipboardClearer(deps), deps, timers, advance: (ms: number) => (now += ms), pending: () => pending };
}

describe('clipboard clearing', () => {
  it('clears the copied value once the delay has passed', async () => {
    const { clearer, deps, timers, advance } = setup(30);
    await expect(clearer.copied('a'.repeat(64))).resolves.toEqual({ clearsInSeconds: 30 });
    expect(timers[0]?.ms).toBe(30_000);
    expect(await clearer.clearIfDue()).toBe(false);
    advance(30_000);
    expect(await clearer.clearIfDue()).toBe(true);
    expect(deps.clearIfHolds).toHaveBeenCalledWith('a'.repeat(64));
  });

  it('keeps an alarm as a backstop no earlier than Chrome allows', async () => {
    const { clearer, deps } = setup(10);
    await clearer.copied('b'.repeat(64));
    expect(deps.alarm.create).toHaveBeenCalledWith(1_000_000 + 30_000);
  });

  it('clears only the latest copy, at its own time', async () => {
    const { clearer, deps, advance } = setup(30);
    await clearer.copied('a'.repeat(64));
    advance(20_000);
    await clearer.copied('c'.repeat(64));
    advance(10_000);
    expect(await clearer.clearIfDue()).toBe(false);
    advance(20_000);
    await clearer.clearIfDue();
    expect(deps.clearIfHolds).toHaveBeenCalledTimes(1);
    expect(deps.clearIfHolds).toHaveBeenCalledWith('c'.repeat(64));
  });

  it('does nothing when the user turned clearing off', async () => {
    const { clearer, deps, timers, pending } = setup(0);
    await expect(clearer.copied('a'.repeat(64))).resolves.toEqual({ clearsInSeconds: 0 });
    expect(timers).toHaveLength(0);
    expect(pending()).toBeNull();
    expect(deps.alarm.create).not.toHaveBeenCalled();
  });
});
