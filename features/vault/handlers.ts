import type { Handlers } from '../../platform/router';
import type { VaultStatus } from './protocol';
import type { VaultService } from './vault';

export interface VaultHandlerDeps {
  vault: VaultService;
  lastDeriveMs: { get(): Promise<number>; set(ms: number): Promise<void> };
  autoLock: { disarm(): Promise<void> };
  /** Re-arms the idle timer (features/vault/auto-lock.ts `createIdleToucher`). */
  touch: () => Promise<void>;
  /** Runs after every lock, e.g. to drop unsaved drafts that may hold a typed secret. */
  onLocked?: () => Promise<void>;
  /** Runs after every status the vault reports (the toolbar button follows it), never delaying the reply. */
  onStatus?: () => Promise<void>;
}

type VaultHandlers = Pick<
  Handlers,
  | 'vault.status'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.lock'
  | 'vault.changePassphrase'
>;

/** Create, unlock, lock, change the passphrase; an unlock or a new passphrase re-arms the idle timer. */
export function createVaultHandlers({ vault, lastDeriveMs, autoLock, touch, onLocked, onStatus }: VaultHandlerDeps): VaultHandlers {
  const status = async (): Promise<VaultStatus> => {
    const current = { ...(await vault.status()), lastDeriveMs: await lastDeriveMs.get() };
    void onStatus?.().catch(() => undefined);
    return current;
  };
  const remember = async (derive: Promise<{ lastDeriveMs: number }>) => {
    await lastDeriveMs.set((await derive).lastDeriveMs);
    await touch();
    return status();
  };

  return {
    'vault.status': status,
    'vault.create': ({ data: { passphrase } }) => remember(vault.create(passphrase)),
    'vault.unlock': ({ data: { passphrase } }) => remember(vault.unlock(passphrase)),
    'vault.lock': async () => {
      await vault.lock();
      await autoLock.disarm();
      await onLocked?.();
      return status();
    },
    'vault.changePassphrase': async ({ data: { current, next } }) => {
      await remember(vault.changePassphrase(current, next));
      return null;
    },
  };
}
