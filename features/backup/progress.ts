import type { BackupProgress } from './protocol';
import { oneAtATime } from '../../platform/one-at-a-time';
import { backupProgressItem } from './storage';

export interface ProgressReporter {
  report(phase: string, done: number, total: number): void;
  /** Clears the progress and waits for every pending write. */
  finish(): Promise<void>;
}

/**
 * Throttled progress writes, in order: a phase change and the last step are always written, steps in
 * between at most every `intervalMs`, so 1,000 entries do not cost 1,000 storage writes.
 */
export function createProgressReporter(
  operation: BackupProgress['operation'],
  write: (value: BackupProgress | null) => Promise<void> = (v) => backupProgressItem.setValue(v),
  clock: () => number = () => performance.now(),
  intervalMs = 100,
): ProgressReporter {
  const writes = oneAtATime();
  let lastPhase = '';
  let lastAt = -Infinity;
  const enqueue = (value: BackupProgress | null) => {
    void writes(() => write(value)).catch(() => undefined);
  };
  return {
    report(phase, done, total) {
      const at = clock();
      if (phase === lastPhase && done < total && at - lastAt < intervalMs) return;
      lastPhase = phase;
      lastAt = at;
      enqueue({ operation, phase, done, total });
    },
    async finish() {
      enqueue(null);
      await writes.idle();
    },
  };
}
