import { z } from 'zod';
import { message } from '../../platform/message';
import { passphraseSchema } from '../../platform/schemas';

export interface VaultStatus {
  exists: boolean;
  unlocked: boolean;
  /** Milliseconds the last key derivation took on this machine, for the progress bar. */
  lastDeriveMs?: number;
}

/** Vault messages: create, unlock, lock, change the passphrase. Extension pages only. */
export const vaultProtocol = {
  'vault.status': message('extension', z.object({})).replies<VaultStatus>(),
  'vault.create': message('extension', z.object({ passphrase: passphraseSchema })).replies<VaultStatus>(),
  'vault.unlock': message('extension', z.object({ passphrase: passphraseSchema })).replies<VaultStatus>(),
  'vault.lock': message('extension', z.object({})).replies<VaultStatus>(),
  'vault.changePassphrase': message(
    'extension',
    z.object({ current: passphraseSchema, next: passphraseSchema }),
  ).replies<null>(),
} as const;
