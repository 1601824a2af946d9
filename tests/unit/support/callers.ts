import type { RequestData } from '../../../platform/protocol';
import type { Handlers } from '../../../platform/router';
import { senderRole, type SenderLike } from '../../../platform/sender';

export const TEST_EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const TEST_EXTENSION_ORIGIN = `chrome-extension://${TEST_EXTENSION_ID}`;
/** The popup, as the background sees it send. */
export const POPUP_SENDER: SenderLike = { url: `${TEST_EXTENSION_ORIGIN}/popup.html` };

type Callable<H> = {
  [T in keyof H & keyof Handlers]: (data: RequestData<T>) => ReturnType<Handlers[T]>;
};

/**
 * The handlers as one sender reaches them through the router: the request already checked, the sender's role
 * decided as the background decides it (`senderRole`).
 */
export function asSender<H extends Partial<Handlers>>(handlers: H, sender: SenderLike = POPUP_SENDER): Callable<H> {
  const role = senderRole({ id: TEST_EXTENSION_ID, ...sender }, TEST_EXTENSION_ID, TEST_EXTENSION_ORIGIN);
  return new Proxy({} as Callable<H>, {
    get: (_, type) => (data: unknown) => (handlers[type as keyof Handlers] as (input: unknown) => unknown)({ data, role, sender }),
  });
}

/** How the router is called for a message from the popup, from the content script, from a stranger. */
export const FROM_EXTENSION = { role: 'extension', sender: POPUP_SENDER } as const;
export const FROM_PAGE = {
  role: 'page',
  sender: { url: 'https://sellercentral.amazon.com/x', tab: { id: 1, url: 'https://sellercentral.amazon.com/x' } },
} as const;
export const FROM_STRANGER = { role: 'untrusted', sender: { url: 'https://evil.example/' } } as const;
