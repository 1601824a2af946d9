export const CLIPBOARD_ALARM = 'clipboard-clear';

export interface PendingClear {
  hash: string;
  clearAt: number;
}

export interface ClipboardClearDeps {
  delaySeconds: () => Promise<number>;
  pending: { get(): Promise<PendingClear | null>; set(value: PendingClear | null): Promise<void> };
  clearIfHolds: (hash: string) => Promise<boolean>;
  alarm: { create(when: number): Promise<void>; clear(): Promise<void> };
  now: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/**
 * Remembers the last copy and clears it after the chosen delay. A short timer does it while the worker is
 * alive; an alarm (min. 30 s in Chrome) is the backstop when the worker was stopped meanwhile.
 */
export function createClipboardClearer(deps: ClipboardClearDeps) {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));

  async function clearIfDue(): Promise<boolean> {
    const pending = await deps.pending.get();
    if (!pending || deps.now() < pending.clearAt) return false;
    await deps.pending.set(null);
    await deps.alarm.clear();
    return deps.clearIfHolds(pending.hash);
  }

  return {
    async copied(hash: string): Promise<{ clearsInSeconds: number }> {
      const seconds = await deps.delaySeconds();
      if (seconds <= 0) {
        await deps.pending.set(null);
        return { clearsInSeconds: 0 };
      }
      const clearAt = deps.now() + seconds * 1000;
      await deps.pending.set({ hash, clearAt });
      await deps.alarm.create(Math.max(clearAt, deps.now() + 30_000));
      setTimer(() => void clearIfDue(), seconds * 1000);
      return { clearsInSeconds: seconds };
    },
    clearIfDue,
  };
}
