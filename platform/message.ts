import type { z } from 'zod';

/**
 * Who may send a message: `extension` pages only, or also a `content`-level sender (the content script on an
 * Amazon console host, or the panel page framed in one).
 */
export type Access = 'extension' | 'content';

declare const replyType: unique symbol;

/** One message: who may send it, its request schema (checked with zod in the background) and its reply type. */
export interface MessageSpec<A extends Access = Access, R extends z.ZodType = z.ZodType, Reply = unknown> {
  readonly access: A;
  readonly request: R;
  /** Type only: the reply's shape, declared beside the request. */
  readonly [replyType]?: () => Reply;
}

export type ReplyOf<S> = S extends MessageSpec<Access, z.ZodType, infer Reply> ? Reply : never;

/**
 * Declares a message: `message('extension', z.object({ id })).replies<EntryView>()`. The reply type is written
 * beside the request schema, so the two cannot drift apart. Every bundle that imports a protocol builds its
 * request schemas, sent or not: a zod call is not known to be free of side effects.
 */
export function message<A extends Access, R extends z.ZodType>(access: A, request: R) {
  return { replies: <Reply>(): MessageSpec<A, R, Reply> => ({ access, request }) };
}
