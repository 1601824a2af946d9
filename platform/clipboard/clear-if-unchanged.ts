import { sha256Hex } from './hash';

/**
 * Runs in a document with a DOM (Chrome's offscreen document, Firefox's background page). Reads the clipboard
 * through a paste into a textarea (focus-free, needs clipboardRead) and, when it still holds the value whose
 * hash we remember, replaces it with an empty string through a copy event.
 */
export async function clearClipboardIfHolds(doc: Document, hash: string): Promise<boolean> {
  const area = doc.createElement('textarea');
  doc.body.append(area);
  try {
    area.focus();
    doc.execCommand('paste');
    if ((await sha256Hex(area.value)) !== hash) return false;
    const onCopy = (event: ClipboardEvent) => {
      event.clipboardData?.setData('text/plain', '');
      event.preventDefault();
    };
    doc.addEventListener('copy', onCopy);
    try {
      return doc.execCommand('copy');
    } finally {
      doc.removeEventListener('copy', onCopy);
    }
  } finally {
    area.remove();
  }
}
