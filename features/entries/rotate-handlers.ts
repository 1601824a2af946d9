import { normalizePasted } from '../amazon/identifiers';
import type { RotationClock } from '../deadlines/clock';
import type { Handlers } from '../../platform/router';
import type { VaultService } from '../vault/vault';
import { rotateStoredEntry } from './rotate-entry';

export interface RotationHandlerDeps {
  vault: Pick<VaultService, 'modifyEntry' | 'appendEvent'>;
  clock: RotationClock;
  now: () => number;
  /** Re-arms the auto-lock timer, as every call from an extension page does. */
  touch: () => Promise<void>;
}

type RotationHandlers = Pick<Handlers, 'entries.rotate' | 'entries.logEvent' | 'badge.refresh'>;

export function createRotationHandlers({ vault, clock, now, touch }: RotationHandlerDeps): RotationHandlers {
  return {
    'entries.rotate': async ({ id, newSecret, statedExpiresAt }) => {
      await touch();
      // On the vault's write queue: two quick saves of one entry never both move "current" to "previous".
      const meta = await rotateStoredEntry(vault, id, {
        newSecret: normalizePasted(newSecret),
        issuedAt: now(),
        statedExpiresAt,
        detail: statedExpiresAt === undefined ? 'new client secret saved' : 'new client secret saved with the expiry Amazon stated',
      });
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
