import type { Handlers } from '../router';
import type { Settings, VaultStatus } from '../vault/protocol';
import type { VaultService } from '../vault/vault';

export interface VaultHandlerDeps {
  vault: VaultService;
  settings: { get(): Promise<Settings>; set(value: Settings): Promise<void> };
  lastDeriveMs: { get(): Promise<number>; set(ms: number): Promise<void> };
  autoLock: { arm(minutes: number): Promise<void>; disarm(): Promise<void> };
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
export function createVaultHandlers({ vault, settings, lastDeriveMs, autoLock }: VaultHandlerDeps): VaultHandlers {
  const status = async (): Promise<VaultStatus> => ({ ...(await vault.status()), lastDeriveMs: await lastDeriveMs.get() });
  const touch = async () => {
    if ((await vault.status()).unlocked) await autoLock.arm((await settings.get()).autoLockMinutes);
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
    'entries.list': async () => {
      await touch();
      return vault.listEntries();
    },
    'entries.get': async ({ id }) => {
      await touch();
      return vault.getEntry(id);
    },
    'entries.create': async ({ meta, secrets }) => {
      await touch();
      return { meta: await vault.createEntry(meta, secrets) };
    },
    'entries.update': async ({ id, meta, secrets }) => {
      await touch();
      return { meta: await vault.updateEntry(id, meta, secrets) };
    },
    'entries.delete': async ({ id }) => {
      await touch();
      await vault.deleteEntry(id);
      return null;
    },
    'entries.events': async ({ id }) => {
      await touch();
      return { events: await vault.events(id) };
    },
  };
}
