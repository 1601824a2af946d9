import type { BackgroundFeature } from '../../platform/background-feature';
import type { VaultService } from '../vault/vault';
import { createEntriesHandlers, entriesInUse, type EntriesApi } from './handlers';

export function entriesBackground({ vault, touch }: { vault: VaultService; touch: () => Promise<void> }) {
  return {
    /** What the Authorize wizard writes through: the same calls, the same idle-timer re-arm. */
    api: entriesInUse({ vault, touch }) as EntriesApi,
    handlers: createEntriesHandlers({ vault, now: Date.now, touch }),
  } satisfies BackgroundFeature<keyof ReturnType<typeof createEntriesHandlers>> & { api: EntriesApi };
}
