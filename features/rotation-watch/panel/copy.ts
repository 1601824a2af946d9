import { ClearNotScheduledError, copyWithAutoClear, scheduleClear } from '../../../platform/clipboard/copy';

type Notify = (hash: string) => Promise<{ clearsInSeconds: number }>;

/**
 * Copies from the panel frame: the async clipboard API first (the frame is allowed `clipboard-write`), and
 * `execCommand('copy')` when the page's permissions policy denies it to frames (the extension's
 * `clipboardWrite` permission covers that path). Either way the background clears it later.
 */
export async function copyFromPanel(text: string, notify: Notify, doc: Document = document): Promise<number> {
  try {
    return await copyWithAutoClear(text, notify);
  } catch (error) {
    if (error instanceof ClearNotScheduledError) throw error; // copied: its message says the clear is missing
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.append(area);
    area.select();
    const ok = doc.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('copy refused');
    return scheduleClear(text, notify);
  }
}
