import { sha256Hex } from './hash';

type Notify = (hash: string) => Promise<{ clearsInSeconds: number }>;

/** The value is on the clipboard, but no clear is scheduled: the message says so (never a silent stay). */
export class ClearNotScheduledError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClearNotScheduledError';
  }
}

export const CLEAR_NOT_SCHEDULED =
  'Copied, but LWA Vault could not schedule clearing the clipboard, so the value stays on it. Clear it yourself (copy something else) once you have pasted it.';

/**
 * Asks the background to clear the clipboard later, only if it still holds this value then. Returns the
 * delay in seconds (0 = the user turned clearing off); throws ClearNotScheduledError when it could not.
 */
export async function scheduleClear(text: string, notify: Notify): Promise<number> {
  const hash = await sha256Hex(text);
  try {
    return (await notify(hash)).clearsInSeconds;
  } catch {
    throw new ClearNotScheduledError(CLEAR_NOT_SCHEDULED);
  }
}

/** Copies after a user gesture, then schedules the clear (see scheduleClear). */
export async function copyWithAutoClear(text: string, notify: Notify): Promise<number> {
  await navigator.clipboard.writeText(text);
  return scheduleClear(text, notify);
}
