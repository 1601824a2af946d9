import { sha256Hex } from './hash';

type Notify = (hash: string) => Promise<{ clearsInSeconds: number }>;

/**
 * Copies after a user gesture and asks the background to clear the clipboard later, only if it still holds
 * this value then. Returns the delay in seconds (0 = the user turned clearing off).
 */
export async function copyWithAutoClear(text: string, notify: Notify): Promise<number> {
  await navigator.clipboard.writeText(text);
  const { clearsInSeconds } = await notify(await sha256Hex(text));
  return clearsInSeconds;
}
