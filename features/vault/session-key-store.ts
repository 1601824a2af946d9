import { sessionVaultKeyItem } from '../../platform/storage-items';
import { fromBase64, toBase64 } from './base64';

/** The vault service's key store, backed by storage.session (memory only, trusted contexts only). */
export const sessionKeyStore = {
  async get(): Promise<Uint8Array | undefined> {
    const value = await sessionVaultKeyItem.getValue();
    return value ? fromBase64(value) : undefined;
  },
  async set(raw: Uint8Array): Promise<void> {
    await sessionVaultKeyItem.setValue(toBase64(raw));
  },
  async clear(): Promise<void> {
    await sessionVaultKeyItem.removeValue();
  },
};
