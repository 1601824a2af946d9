import type { ErrorCode } from './protocol';

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
