import type { Handlers } from '../../platform/router';
import type { Settings, VaultStatus } from './protocol';
import type { VaultService } from './vault';

export interface VaultHandlerDeps {
  vault: VaultService;
  settings: { get(): Promise<Settings>; set(value: Settings): Promise<void> };
  lastDeriveMs: { get(): Promise<number>; set(ms: number): Promise<void> };
  autoLock: { disarm(): Promise<void> };
  /** Re-arms the idle timer (features/vault/auto-lock.ts `createIdleToucher`). */
  touch: () => Promise<void>;
  /** Runs after every lock, e.g. to drop unsaved drafts that may hold a typed secret. */
  onLocked?: () => Promise<void>;
}

type VaultHandlers = Pick<
  Handlers,
  | 'vault.status'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.lock'
  | 'vault.changePassphrase'
  | 'settings.get'
  | 'settings.set'
  | 'entries.list'
  | 'entries.get'
  | 'entries.create'
  | 'entries.update'
  | 'entries.delete'
  | 'entries.events'
>;

/** Lock/unlock, settings and the entries API. Every call from an extension page re-arms the idle timer. */
export function createVaultHandlers({ vault, settings, lastDeriveMs, autoLock, touch, onLocked }: VaultHandlerDeps): VaultHandlers {
  const status = async (): Promise<VaultStatus> => ({ ...(await vault.status()), lastDeriveMs: await lastDeriveMs.get() });
  /** Runs a vault call, then re-arms the idle timer without making the reply wait for it. */
  const used = async <T>(call: Promise<T>): Promise<T> => {
    const result = await call;
    void touch().catch(() => undefined);
    return result;
  };
  const remember = async (derive: Promise<{ lastDeriveMs: number }>) => {
    await lastDeriveMs.set((await derive).lastDeriveMs);
    await touch();
    return status();
  };

  return {
    'vault.status': status,
    'vault.create': ({ passphrase }) => remember(vault.create(passphrase)),
    'vault.unlock': ({ passphrase }) => remember(vault.unlock(passphrase)),
    'vault.lock': async () => {
      await vault.lock();
      await autoLock.disarm();
      await onLocked?.();
      return status();
    },
    'vault.changePassphrase': async ({ current, next }) => {
      await remember(vault.changePassphrase(current, next));
      return null;
    },
    'settings.get': () => settings.get(),
    'settings.set': async (patch) => {
      const next = { ...(await settings.get()), ...patch };
      await settings.set(next);
      await touch();
      return next;
    },
    'entries.list': () => used(vault.listEntries()),
    'entries.get': ({ id }) => used(vault.getEntry(id)),
    'entries.create': async ({ meta, secrets }) => ({ meta: await used(vault.createEntry(meta, secrets)) }),
    'entries.update': async ({ id, meta, secrets }) => ({ meta: await used(vault.updateEntry(id, meta, secrets)) }),
    'entries.delete': async ({ id }) => {
      await used(vault.deleteEntry(id));
      return null;
    },
    'entries.events': async ({ id }) => ({ events: await used(vault.events(id)) }),
  };
}
