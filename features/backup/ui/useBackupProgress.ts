import { useEffect, useState } from 'preact/hooks';
import { backupProgressItem } from '../storage';
import type { BackupProgress } from '../protocol';

/** The background's progress for the running export or import (null when none runs). */
export function useBackupProgress(): BackupProgress | null {
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  useEffect(() => {
    void backupProgressItem.getValue().then(setProgress);
    return backupProgressItem.watch((value) => setProgress(value));
  }, []);
  return progress;
}
