import { CalendarSection } from '../backup/CalendarSection';
import { ExportSection } from '../backup/ExportSection';
import { ImportSection } from '../backup/ImportSection';
import { NotificationSection } from '../backup/NotificationSection';
import { useBackupProgress } from '../backup/useBackupProgress';

/** Backup and import: encrypted export, merging import, Amazon notifications, and the deadlines calendar. */
export function Backup() {
  const progress = useBackupProgress();
  const popout = document.body.classList.contains('popout');
  return (
    <section aria-label="Backup and import">
      <ExportSection progress={progress} />
      <ImportSection progress={progress} popout={popout} />
      <NotificationSection />
      <CalendarSection />
    </section>
  );
}
