import type { Page } from '@playwright/test';

/** Time in the e2e tests: one day, dates as Amazon's English consoles print them, and the controlled clock. */

export const DAY = 86_400_000;

/** 23 May 2027, noon UTC (the test browser runs in UTC): where the controlled clock starts. */
export const CLOCK_START = Date.parse('2027-05-23T12:00:00Z');

/** Puts `page` on Playwright's controlled clock at `time`; the page reads it from its next load. */
export async function installClock(page: Page, time = CLOCK_START): Promise<void> {
  await page.clock.install({ time });
}

/** UTC midnight of the day `ms` falls in (what a console's target date means). */
export function utcMidnight(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** A date `days` from now as the English console fixtures print it ("4 Jun 2027"). */
export const inDays = (days: number) =>
  new Date(Date.now() + days * DAY).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
