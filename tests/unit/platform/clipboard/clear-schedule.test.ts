import { describe, expect, it, vi } from 'vitest';
import { createClipboardClearer, MAX_PENDING_CLEARS, type PendingClear } from '../../../../platform/clipboard/clear-schedule';
import { createClipboardHandlers } from '../../../../platform/clipboard/handlers';
import type { VaultError } from '../../../../platform/errors';
import type { SenderLike } from '../../../../platform/sender';
import { asSender, TEST_EXTENSION_ORIGIN } from '../../support/callers';
import { isOwnWorker } from '../../../../platform/clipboard/offscreen';
import { CLEAR_NOT_SCHEDULED, ClearNotScheduledError, scheduleClear } from '../../../../platform/clipboard/copy';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

function setup(delaySeconds = 30) {
  let now = 1_000_000;
  let pending: PendingClear[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const deps = {
    delaySeconds: async () => delaySeconds,
    pending: { get: async () => structuredClone(pending), set: vi.fn(async (v: PendingClear[]) => void (pending = structuredClone(v))) },
    clearIfHolds: vi.fn(async (_hash: string) => true),
    alarm: { create: vi.fn(async (_when: number) => {}), clear: vi.fn(async () => {}) },
    now: () => now,
    setTimer: (fn: () => void, ms: number) => timers.push({ fn, ms }),
  };
  return { clearer: createClipboardClearer(deps), deps, timers, advance: (ms: number) => (now += ms), pending: () => pending };
}

describe('clipboard clearing', () => {
  it('clears the copied value once the delay has passed', async () => {
    const { clearer, deps, timers, advance } = setup(30);
    await expect(clearer.copied(A)).resolves.toEqual({ clearsInSeconds: 30 });
    expect(timers[0]?.ms).toBe(30_000);
    expect(await clearer.clearIfDue()).toBe(false);
    advance(30_000);
    expect(await clearer.clearIfDue()).toBe(true);
    expect(deps.clearIfHolds).toHaveBeenCalledWith(A);
    expect(deps.alarm.clear).toHaveBeenCalled();
  });

  it('keeps an alarm as a backstop no earlier than Chrome allows', async () => {
    const { clearer, deps } = setup(10);
    await clearer.copied(B);
    expect(deps.alarm.create).toHaveBeenCalledWith(1_000_000 + 30_000);
  });

  it('keeps one pending clear per copy: a later copy never cancels an earlier one’s clear', async () => {
    const { clearer, deps, advance, pending } = setup(30);
    await clearer.copied(A);
    advance(20_000);
    await clearer.copied(C);
    advance(10_000);
    await clearer.clearIfDue();
    expect(deps.clearIfHolds.mock.calls).toEqual([[A]]);
    expect(pending()).toEqual([{ hash: C, clearAt: 1_000_000 + 50_000 }]);
    expect(deps.alarm.create).toHaveBeenLastCalledWith(1_000_000 + 30_000 + 30_000); // C's time, or Chrome's 30 s floor
    advance(20_000);
    await clearer.clearIfDue();
    expect(deps.clearIfHolds.mock.calls).toEqual([[A], [C]]);
    expect(pending()).toEqual([]);
  });

  it('keeps both of two copies made in the same tick, and the earlier time for a value copied twice', async () => {
    const { clearer, advance, pending } = setup(30);
    await Promise.all([clearer.copied(A), clearer.copied(B)]);
    advance(5_000);
    await clearer.copied(A);
    expect(pending()).toEqual([
      { hash: A, clearAt: 1_030_000 },
      { hash: B, clearAt: 1_030_000 },
    ]);
  });

  it('bounds the list: only more copies than anyone makes in one delay push out the oldest', async () => {
    const { clearer, pending } = setup(30);
    for (let i = 0; i < MAX_PENDING_CLEARS + 3; i++) await clearer.copied(i.toString(16).padStart(64, '0'));
    expect(pending()).toHaveLength(MAX_PENDING_CLEARS);
    expect(pending()[0]!.hash).toBe((3).toString(16).padStart(64, '0'));
  });

  it('does nothing when the user turned clearing off', async () => {
    const { clearer, deps, timers, pending } = setup(0);
    await expect(clearer.copied(A)).resolves.toEqual({ clearsInSeconds: 0 });
    expect(timers).toHaveLength(0);
    expect(pending()).toEqual([]);
    expect(deps.alarm.create).not.toHaveBeenCalled();
  });

  it('says so when the clear cannot be stored (storage.session full), and the UI shows that sentence', async () => {
    const { clearer, deps, pending } = setup(30);
    deps.pending.set.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const error = await clearer.copied(A).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'internal', message: CLEAR_NOT_SCHEDULED });
    expect(pending()).toEqual([]);
    const shown = await scheduleClear('the secret', () => clearer.copied(A).then(() => Promise.reject(new Error('x')))).catch((e: unknown) => e);
    expect(shown).toBeInstanceOf(ClearNotScheduledError);
    expect((shown as Error).message).toBe(
      'Copied, but LWA Vault could not schedule clearing the clipboard, so the value stays on it. Clear it yourself (copy something else) once you have pasted it.',
    );
  });
});

describe('who may schedule a clear', () => {
  const ORIGIN = TEST_EXTENSION_ORIGIN;
  const CONSOLE_TAB = { id: 1, url: 'https://sellercentral.amazon.com/apps/manage' };
  /** The handler as the background runs it for this sender (its role decided as the background decides it). */
  const call = (sender: SenderLike) => {
    const { clearer, pending } = setup(30);
    const reply = Promise.resolve(asSender(createClipboardHandlers(clearer), sender)['clipboard.copied']({ hash: A })).then(
      (data) => ({ ok: true, data }),
      (error: VaultError) => ({ ok: false, error: { code: error.code, message: error.message } }),
    );
    return { reply, pending };
  };

  it('accepts the popup and the panel frame', async () => {
    for (const sender of [{ url: `${ORIGIN}/popup.html` }, { url: `${ORIGIN}/panel.html`, tab: CONSOLE_TAB }]) {
      const { reply, pending } = call(sender);
      expect(await reply).toEqual({ ok: true, data: { clearsInSeconds: 30 } });
      expect(pending()).toHaveLength(1);
    }
  });

  it('refuses a content script (a console page) and look-alike origins, scheduling nothing', async () => {
    for (const url of ['https://sellercentral.amazon.com/apps/manage', `${ORIGIN}.evil.example/panel.html`, undefined]) {
      const { reply, pending } = call({ url, tab: CONSOLE_TAB });
      expect(await reply).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only LWA Vault’s own pages may schedule a clipboard clear.' } });
      expect(pending()).toEqual([]);
    }
  });
});

describe('the offscreen document’s sender check', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const WORKER = `chrome-extension://${ID}/background.js`;
  it('obeys its own extension’s worker only', () => {
    expect(isOwnWorker({ id: ID, url: WORKER }, ID, WORKER)).toBe(true);
    expect(isOwnWorker({ id: 'otherextensionid', url: WORKER }, ID, WORKER)).toBe(false);
    expect(isOwnWorker({ id: ID, url: `chrome-extension://${ID}/popup.html` }, ID, WORKER)).toBe(false);
    expect(isOwnWorker({ id: ID, url: 'https://sellercentral.amazon.com/', tab: { id: 3 } }, ID, WORKER)).toBe(false);
    expect(isOwnWorker({ id: ID, url: WORKER, tab: { id: 3 } }, ID, WORKER)).toBe(false);
  });
});
