import type { BackupProgress } from '../features/backup/protocol';

/** "Decrypting the backup: 412 of 1,000" with a determinate bar once a count is known. */
export function ProgressBar({ progress, fallback }: { progress: BackupProgress | null; fallback: string }) {
  const counted = progress !== null && progress.total > 1;
  const label = !progress ? fallback : counted ? `${progress.phase}: ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}` : `${progress.phase}…`;
  return (
    <div class="working" role="status" aria-live="polite">
      {counted ? <progress aria-label={label} max={progress.total} value={progress.done} /> : <progress aria-label={label} />}
      <span>{label}</span>
    </div>
  );
}
