/**
 * Amazon's rotation rules as numbers (docs/amazon.md §4) and the levels the UI derives from them.
 *
 * Amazon's deadlines are UTC instants: in its own NEW_SECRET notification, issued 2024-01-10T22:09Z gives a new
 * secret expiring 2024-07-08T22:09Z (exactly 180 × 24 h later) and an old secret expiring 2024-01-17T22:09Z
 * (exactly 7 × 24 h). So a deadline is `instant + days × 86 400 000 ms`. An instant has no time zone, so daylight
 * saving cannot shift it; only the local wall-clock time it is shown at changes (see calendar.ts for day counts).
 */

export const MS_PER_DAY = 86_400_000;

/** A client secret must be rotated every 180 days (D-180). */
export const SECRET_LIFETIME_DAYS = 180;
/** After a rotation the old secret keeps working for 7 days (D-ROTATE, D-LWA-FAQ). */
export const PREVIOUS_SECRET_GRACE_DAYS = 7;
/** Public-app authorizations must be renewed every 365 days (D-RENEW). */
export const AUTHORIZATION_LIFETIME_DAYS = 365;
/** An spapi_oauth_code is valid for five minutes (DG2021). */
export const CODE_LIFETIME_MS = 5 * 60 * 1000;

/**
 * Days left (local calendar days) at or under which a level starts. 90: Amazon's first notice; 30: the console
 * banner ("expires in less than 30 days"); 7: the threshold of Amazon's rotation sample. Overdue starts at the
 * deadline instant itself, not at a day boundary.
 */
export const LEVEL_THRESHOLD_DAYS = { notice: 90, soon: 30, urgent: 7 } as const;

/**
 * 'unknown': the entry holds a secret but no date it could count from (the user gave neither expiry nor issue day).
 * 'failing': its last credential check says the credential does not work now, whatever the dates say (no date has it).
 */
export type Level = 'ok' | 'notice' | 'soon' | 'unknown' | 'urgent' | 'overdue' | 'failing';

/** Least to most severe: a secret of unknown date may expire any day, so it outranks every pending level but urgent. */
export const LEVELS_BY_SEVERITY: readonly Level[] = ['ok', 'notice', 'soon', 'unknown', 'urgent', 'overdue', 'failing'];

export function severityOf(level: Level): number {
  return LEVELS_BY_SEVERITY.indexOf(level);
}

/** `at` plus whole 24-hour days: how Amazon computes its UTC deadlines (see the module comment). */
export function addDays(at: number, days: number): number {
  return at + days * MS_PER_DAY;
}
