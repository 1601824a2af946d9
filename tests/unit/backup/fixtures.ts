import type { BackupEntry } from '../../../features/backup/format';
import { entryMeta } from '../deadlines/fixtures';

export const EXPORT_PASSPHRASE = 'orbit lantern plaid fjord cobalt';
/** Tests lower the KDF cost; the production floor has its own test. */
export const TEST_ITERATIONS = 1_000;
export const SECRET_A = `amzn1.oa2-cs.v1.${'a'.repeat(64)}`;
export const SECRET_B = `amzn1.oa2-cs.v1.${'b'.repeat(64)}`;
export const SECRET_C = `amzn1.oa2-cs.v1.${'c'.repeat(64)}`;
export const CLIENT_ID = `amzn1.application-oa2-client.${'0'.repeat(32)}`;

export function backupEntry(id: string, updatedAt: number, secrets: BackupEntry['secrets'] = { clientSecret: SECRET_A }): BackupEntry {
  return {
    meta: entryMeta({ id, alias: `Entry ${id}`, clientId: CLIENT_ID, createdAt: 1_000, updatedAt }),
    secrets,
    events: [{ at: 1_000, type: 'created' }],
  };
}
