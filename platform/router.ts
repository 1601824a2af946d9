import { z } from 'zod';
import { VaultError } from './errors';
import { protocol, type MessageType, type Replies, type Reply } from './protocol';
import type { SenderTrust } from './sender';

export type Handlers = {
  [T in MessageType]: (data: z.output<(typeof protocol)[T]['request']>) => Promise<Replies[T]> | Replies[T];
};

const envelopeSchema = z.object({ type: z.string(), data: z.unknown() });

/**
 * Validates one incoming message and runs its handler. Never throws: every failure becomes a reply with a
 * code and a sentence for the user, and internal errors are not echoed (they may hold data).
 */
export async function route(message: unknown, trust: SenderTrust, handlers: Partial<Handlers>): Promise<Reply<unknown>> {
  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) {
    return fail('bad-request', 'Unknown message.');
  }
  const type = envelope.data.type as MessageType;
  const spec = protocol[type];
  if (trust === 'untrusted' || (spec.access === 'extension' && trust !== 'extension')) {
    return fail('forbidden', 'This sender may not ask for that.');
  }
  const parsed = spec.request.safeParse(envelope.data.data ?? {});
  if (!parsed.success) {
    return fail('bad-request', `Invalid ${type} request: ${z.prettifyError(parsed.error)}`);
  }
  const handler = handlers[type] as ((data: unknown) => Promise<unknown>) | undefined;
  if (!handler) return fail('bad-request', `No handler for ${type}.`);
  try {
    return { ok: true, data: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof VaultError) return fail(error.code, error.message);
    console.error(`LWA Vault: ${type} failed`, error instanceof Error ? error.name : 'unknown error');
    return fail('internal', 'Something went wrong inside LWA Vault. Please try again.');
  }
}

function fail(code: VaultError['code'], message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
