import { VaultError } from '../errors';
import { CLEAR_NOT_SCHEDULED } from './copy';
import { oneAtATime } from '../one-at-a-time';

export const CLIPBOARD_ALARM = 'clipboard-clear';

export interface PendingClear {
  hash: string;
  clearAt: number;
}

/** More copies than this within one delay: the oldest clears can only miss (the clipboard holds one value). */
export const MAX_PENDING_CLEARS = 20;


export interface ClipboardClearDeps {
  delaySeconds: () => Promise<number>;
  /** Every copy waiting to be cleared (hashes only). */
  pending: { get(): Promise<PendingClear[]>; set(value: PendingClear[]): Promise<void> };
  clearIfHolds: (hash: string) => Promise<boolean>;
  alarm: { create(when: number): Promise<void>; clear(): Promise<void> };
  now: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/**
 * One pending clear per copy: a later copy never cancels an earlier one's clear (each clears only if the
 * clipboard still holds its own value). A short timer clears while the worker is alive; an alarm (min. 30 s
 * in Chrome) at the earliest pending clear is the backstop when the worker was stopped meanwhile.
 */
export function createClipboardClearer(deps: ClipboardClearDeps) {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  // Read-modify-write of the list, one at a time: two copies in one tick must both be kept.
  const exclusive = oneAtATime();

  async function rearm(list: PendingClear[]): Promise<void> {
    if (list.length === 0) return deps.alarm.clear();
    const earliest = Math.min(...list.map((p) => p.clearAt));
    await deps.alarm.create(Math.max(earliest, deps.now() + 30_000));
  }

  const clearIfDue = async (): Promise<boolean> => {
    const due = await exclusive(async () => {
      const list = await deps.pending.get();
      const now = deps.now();
      const [ready, waiting] = [list.filter((p) => p.clearAt <= now), list.filter((p) => p.clearAt > now)];
      if (ready.length === 0) return [];
      await deps.pending.set(waiting);
      await rearm(waiting);
      return ready;
    });
    let cleared = false;
    for (const { hash } of due) cleared = (await deps.clearIfHolds(hash)) || cleared;
    return cleared;
  };

  return {
    /** Throws VaultError (its message for the copy button) when the clear cannot be scheduled. */
    async copied(hash: string): Promise<{ clearsInSeconds: number }> {
      const seconds = await deps.delaySeconds();
      if (seconds <= 0) return { clearsInSeconds: 0 };
      const clearAt = deps.now() + seconds * 1000;
      setTimer(() => void clearIfDue(), seconds * 1000);
      try {
        await exclusive(async () => {
          const list = (await deps.pending.get()).filter((p) => p.hash !== hash || p.clearAt < clearAt);
          const next = list.some((p) => p.hash === hash) ? list : [...list, { hash, clearAt }];
          const kept = next.slice(-MAX_PENDING_CLEARS);
          await deps.pending.set(kept);
          await rearm(kept);
        });
      } catch {
        throw new VaultError('internal', CLEAR_NOT_SCHEDULED);
      }
      return { clearsInSeconds: seconds };
    },
    clearIfDue,
  };
}
