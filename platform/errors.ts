export type ErrorCode =
  | 'bad-request'
  | 'forbidden'
  | 'no-vault'
  | 'vault-exists'
  | 'locked'
  | 'wrong-passphrase'
  | 'weak-passphrase'
  | 'header-damaged'
  | 'kdf-too-weak'
  | 'entry-damaged'
  | 'not-found'
  | 'same-secret'
  | 'backup-damaged'
  | 'internal';

/** What the background answers to every message: the handler's reply, or a code and a sentence for the user. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** An error the user is meant to read: its message is shown as is, its code lets the UI react. */
export class VaultError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}
