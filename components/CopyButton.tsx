import { useEffect, useState } from 'preact/hooks';
import { send } from '../platform/client';
import { ClearNotScheduledError, copyWithAutoClear } from '../platform/clipboard/copy';

interface Props {
  /** The value to copy. */
  text: string;
  /** What is copied, for the button's name: "client secret" → "Copy client secret". */
  label: string;
  /** After a successful copy (e.g. to log it; never log the value). */
  onCopied?: () => void;
}

/** Copies with the background's clipboard clearing, and says when the clipboard will be cleared. */
export function CopyButton({ text, label, onCopied }: Props) {
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (!status || status.startsWith('Copied, but')) return; // a warning stays until the next copy
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    try {
      const seconds = await copyWithAutoClear(text, (hash) => send('clipboard.copied', { hash }));
      setStatus(seconds > 0 ? `Copied. Clears in ${seconds} s.` : 'Copied.');
      onCopied?.();
    } catch (error) {
      if (error instanceof ClearNotScheduledError) {
        setStatus(error.message);
        onCopied?.();
      } else setStatus('Could not copy. Click the button again.');
    }
  };

  // Success shows on the button itself, which keeps its size: nothing moves under the pointer. A warning stays in words.
  const copied = status.startsWith('Copied') && !status.startsWith('Copied, but');
  return (
    <span class="copy">
      <button type="button" onClick={copy} aria-label={`Copy ${label}`} data-copied={copied || undefined}>
        {copied ? 'Copied ✓' : 'Copy'}
      </button>
      <span class={copied ? 'sr-only' : 'copy-status'} role="status">
        {status}
      </span>
    </span>
  );
}
