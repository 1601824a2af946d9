import { browser } from 'wxt/browser';
import type { Reminder } from './reminders';

/**
 * Reminders as system notifications. The notification id carries the entry id, so a click opens that entry
 * even after the worker that showed it has stopped.
 */

const PREFIX = 'lwa-vault-reminder:';
/** Every reminder notification's id starts so, the summary's too: a click on one is the clock's to answer. */
export const REMINDER_NOTIFICATION_PREFIX = 'lwa-vault-reminder';
export const SUMMARY_NOTIFICATION_ID = 'lwa-vault-reminders-more';
/** More reminders than this at once (first run, a long absence) are shown as one summary instead. */
export const MAX_SEPARATE_NOTIFICATIONS = 4;

export function reminderNotificationId(reminder: Pick<Reminder, 'entryId' | 'deadlineKind' | 'threshold'>): string {
  return `${PREFIX}${encodeURIComponent(reminder.entryId)}:${reminder.deadlineKind}:${reminder.threshold}`;
}

/** The entry a reminder notification is about; undefined for other notifications (the summary, other features). */
export function entryIdOfNotification(notificationId: string): string | undefined {
  if (!notificationId.startsWith(PREFIX)) return undefined;
  const encoded = notificationId.slice(PREFIX.length).split(':')[0];
  if (!encoded) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/** The popup UI in a tab, scrolled to one entry when given. */
export function entryPagePath(entryId?: string): string {
  return entryId === undefined ? '/popup.html?popout=1' : `/popup.html?popout=1#entry=${encodeURIComponent(entryId)}`;
}

export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string; priority?: number }): Promise<string>;
  clear(id: string): Promise<boolean>;
}

export interface ReminderNotifierDeps {
  notifications?: NotificationsApi;
  getURL?: (path: string) => string;
  openTab?: (url: string) => Promise<unknown>;
}

export function createReminderNotifier(deps: ReminderNotifierDeps = {}) {
  const notifications = deps.notifications ?? (browser.notifications as unknown as NotificationsApi);
  const getURL = deps.getURL ?? ((path: string) => browser.runtime.getURL(path as Parameters<typeof browser.runtime.getURL>[0]));
  const openTab = deps.openTab ?? ((url: string) => browser.tabs.create({ url }));
  const iconUrl = () => getURL('/icon/128.png');

  return {
    /** Shows the most severe reminders one by one and folds the rest into one summary. Returns the ids shown. */
    async show(reminders: readonly Reminder[]): Promise<string[]> {
      const separate = reminders.length > MAX_SEPARATE_NOTIFICATIONS ? reminders.slice(0, MAX_SEPARATE_NOTIFICATIONS - 1) : reminders;
      const shown: string[] = [];
      for (const reminder of separate) {
        const id = reminderNotificationId(reminder);
        const priority = reminder.threshold <= 7 ? 2 : 0;
        await notifications.create(id, { type: 'basic', iconUrl: iconUrl(), title: reminder.title, message: reminder.message, priority });
        shown.push(id);
      }
      const rest = reminders.length - separate.length;
      if (rest > 0) {
        await notifications.create(SUMMARY_NOTIFICATION_ID, {
          type: 'basic',
          iconUrl: iconUrl(),
          title: `${rest} more LWA Vault deadlines need attention`,
          message: 'Open LWA Vault to see every entry that is due.',
          priority: 1,
        });
        shown.push(SUMMARY_NOTIFICATION_ID);
      }
      return shown;
    },

    /** notifications.onClicked: opens the entry (or the list, for the summary) in a tab. Ignores other ids. */
    async clicked(notificationId: string): Promise<boolean> {
      const entryId = entryIdOfNotification(notificationId);
      if (entryId === undefined && notificationId !== SUMMARY_NOTIFICATION_ID) return false;
      await notifications.clear(notificationId);
      await openTab(getURL(entryPagePath(entryId)));
      return true;
    },
  };
}

export type ReminderNotifier = ReturnType<typeof createReminderNotifier>;
