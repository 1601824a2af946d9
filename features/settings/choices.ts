/**
 * The values Settings offers, apart from the schema that checks them (features/settings/protocol.ts), so the
 * screens that list them load no zod.
 */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 0] as const; // minutes; 0 = only on browser restart
export const CLIPBOARD_CLEAR_CHOICES = [0, 10, 30, 60, 120, 300] as const; // seconds; 0 = never clear
