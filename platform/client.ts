import { browser } from 'wxt/browser';
import type { ErrorCode, Reply } from './errors';
import type { MessageType, Replies, Request } from './protocol';

/** A refused request, carrying the background's code and its sentence for the user. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** Sends one protocol message to the background and unwraps the reply. */
export async function send<T extends MessageType>(type: T, data: Request<T>): Promise<Replies[T]> {
  const reply = (await browser.runtime.sendMessage({ type, data })) as Reply<Replies[T]> | undefined;
  if (!reply) throw new RequestError('internal', 'LWA Vault did not answer. Reload the extension and try again.');
  if (!reply.ok) throw new RequestError(reply.error.code, reply.error.message);
  return reply.data;
}
