import type { Handlers } from '../../platform/router';
import type { VaultService } from '../vault/vault';
import type { RotationClock } from './clock';
import { badgeFor } from './badge';
import { calendarFor } from './ics';

export interface DeadlinesDeps {
  vault: Pick<VaultService, 'listEntries'>;
  clock: RotationClock;
  thresholds: () => Promise<readonly number[]>;
  now: () => number;
}

export const CALENDAR_FILE_NAME = 'lwa-vault-deadlines.ics';

export function createDeadlinesHandlers(deps: DeadlinesDeps): Pick<Handlers, 'deadlines.refreshBadge' | 'deadlines.due' | 'deadlines.calendar'> {
  return {
    'deadlines.refreshBadge': async () => {
      const run = await deps.clock.refresh();
      return { text: run.badge.text, title: run.badge.title, ms: Math.round(run.badgeMs * 100) / 100 };
    },
    'deadlines.due': async () => {
      const { due, more } = badgeFor((await deps.vault.listEntries()).entries, deps.now());
      return { due, more };
    },
    'deadlines.calendar': async () => {
      const { entries } = await deps.vault.listEntries();
      const text = calendarFor(entries, deps.now(), { thresholds: await deps.thresholds() });
      const events = text.split('\r\nBEGIN:VEVENT\r\n').length - 1;
      return { fileName: CALENDAR_FILE_NAME, text, events };
    },
  };
}
