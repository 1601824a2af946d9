import { z } from 'zod';
import { message } from '../../platform/message';
import { DEFAULT_REMINDER_THRESHOLDS } from '../deadlines/reminders';
import { AUTO_LOCK_CHOICES, CLIPBOARD_CLEAR_CHOICES } from './choices';

export const settingsSchema = z.object({
  autoLockMinutes: oneOf(AUTO_LOCK_CHOICES),
  clipboardClearSeconds: oneOf(CLIPBOARD_CLEAR_CHOICES),
  /** Days before a deadline to notify at; 0 = when it is overdue. */
  reminderThresholds: z.array(z.number().int().min(0).max(365)).max(12),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  clipboardClearSeconds: 30,
  reminderThresholds: [...DEFAULT_REMINDER_THRESHOLDS],
};

function oneOf<T extends readonly number[]>(choices: T) {
  return z.number().refine((n): n is T[number] => choices.includes(n), { message: `one of ${choices.join(', ')}` });
}

/** Settings messages: auto-lock, clipboard clearing, reminder days. Extension pages only. */
export const settingsProtocol = {
  'settings.get': message('extension', z.object({})).replies<Settings>(),
  'settings.set': message('extension', settingsSchema.partial()).replies<Settings>(),
} as const;
