import { z } from 'zod';
import { VaultError, type ErrorCode, type Reply } from './errors';
import { protocol, type MessageType, type Replies, type RequestData } from './protocol';
import type { SenderLike, SenderRole } from './sender';

/** What a handler is given: the checked request, and who sent it (the role decided once, in the router's caller). */
export interface HandlerInput<T extends MessageType> {
  data: RequestData<T>;
  role: SenderRole;
  sender: SenderLike;
}

export type Handlers = {
  [T in MessageType]: (input: HandlerInput<T>) => Promise<Replies[T]> | Replies[T];
};

const envelopeSchema = z.object({ type: z.string(), data: z.unknown() });

/**
 * Validates one incoming message and runs its handler. Never throws: every failure becomes a reply with a
 * code and a sentence for the user, and internal errors are not echoed (they may hold data).
 * `extension` messages only from our pages; `content` messages also from the panel and the content script
 * (their handlers tell those two apart).
 */
export async function route(
  message: unknown,
  caller: { role: SenderRole; sender: SenderLike },
  handlers: Partial<Handlers>,
): Promise<Reply<unknown>> {
  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) {
    return fail('bad-request', 'Unknown message.');
  }
  const type = envelope.data.type as MessageType;
  const spec = protocol[type];
  if (caller.role === 'untrusted' || (spec.access === 'extension' && caller.role !== 'extension')) {
    return fail('forbidden', 'This sender may not ask for that.');
  }
  const parsed = spec.request.safeParse(envelope.data.data ?? {});
  if (!parsed.success) {
    return fail('bad-request', `Invalid ${type} request: ${z.prettifyError(parsed.error)}`);
  }
  const handler = handlers[type] as ((input: HandlerInput<MessageType>) => Promise<unknown>) | undefined;
  if (!handler) return fail('bad-request', `No handler for ${type}.`);
  try {
    return { ok: true, data: await handler({ data: parsed.data as RequestData<MessageType>, ...caller }) };
  } catch (error) {
    if (error instanceof VaultError) return fail(error.code, error.message);
    console.error(`LWA Vault: ${type} failed`, error instanceof Error ? error.name : 'unknown error');
    return fail('internal', 'Something went wrong inside LWA Vault. Please try again.');
  }
}

function fail(code: ErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
