import { CalendarSection } from '../../deadlines/ui/CalendarSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { NotificationSection } from './NotificationSection';
import { useBackupProgress } from './useBackupProgress';

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
