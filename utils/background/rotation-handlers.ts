import { normalizePasted } from '../amazon/identifiers';
import type { RotationClock } from '../reminders/clock';
import type { Handlers } from '../router';
import type { VaultService } from '../vault/vault';
import { rotateStoredEntry } from './rotate-entry';

export interface RotationHandlerDeps {
  vault: Pick<VaultService, 'getEntry' | 'updateEntry' | 'appendEvent'>;
  clock: RotationClock;
  now: () => number;
  /** Re-arms the auto-lock timer, as every call from an extension page does. */
  touch: () => Promise<void>;
}

type RotationHandlers = Pick<Handlers, 'entries.rotate' | 'entries.logEvent' | 'badge.refresh'>;

export function createRotationHandlers({ vault, clock, now, touch }: RotationHandlerDeps): RotationHandlers {
  // One rotation at a time: two quick saves of the same entry must not both move "current" to "previous".
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    'entries.rotate': async ({ id, newSecret, statedExpiresAt }) => {
      await touch();
      const meta = await oneAtATime(() =>
        rotateStoredEntry(vault, id, {
          newSecret: normalizePasted(newSecret),
          issuedAt: now(),
          statedExpiresAt,
          detail: statedExpiresAt === undefined ? 'new client secret saved' : 'new client secret saved with the expiry Amazon stated',
        }),
      );
      return { meta };
    },
    'entries.logEvent': async ({ id, type, detail }) => {
      await touch();
      await vault.appendEvent({ entryId: id, type, detail });
      return null;
    },
    'badge.refresh': async () => {
      const run = await clock.refresh();
      return { text: run.badge.text, title: run.badge.title, ms: Math.round(run.badgeMs * 100) / 100 };
    },
  };
}
