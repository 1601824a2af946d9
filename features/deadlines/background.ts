import type { BackgroundFeature } from '../../platform/background-feature';
import { settings } from '../settings/storage';
import type { VaultService } from '../vault/vault';
import { createBackgroundClock, ensureClockAlarm, refreshQuietly, ROTATION_CLOCK_ALARM } from './background-clock';
import { createDeadlinesHandlers } from './handlers';
import { REMINDER_NOTIFICATION_PREFIX } from './reminder-notifications';

/** The toolbar clock: badge and reminders from metadata alone, so they work while the vault is locked. */
export function deadlinesBackground({ vault }: { vault: Pick<VaultService, 'listEntries'> }) {
  const thresholds = async () => (await settings.get()).reminderThresholds;
  const { clock, notifier } = createBackgroundClock({ listEntries: () => vault.listEntries(), thresholds });
  const repaint = () => refreshQuietly(clock);
  return {
    clock,
    repaint,
    handlers: createDeadlinesHandlers({ vault, clock, thresholds, now: Date.now }),
    alarms: { [ROTATION_CLOCK_ALARM]: repaint },
    notificationClicks: { [`${REMINDER_NOTIFICATION_PREFIX}*`]: (id) => notifier.clicked(id) },
    started: async () => {
      await ensureClockAlarm().catch(() => undefined);
      await repaint();
    },
  } satisfies BackgroundFeature<'deadlines.refreshBadge' | 'deadlines.due' | 'deadlines.calendar'> & { clock: unknown; repaint: () => Promise<void> };
}
