import { useState } from 'preact/hooks';
import { RequestError } from '../platform/client';

export interface Feedback {
  kind: 'error' | 'success';
  text: string;
}

/**
 * A form's submission: busy while it runs, then the task's sentence on success, or the background's own sentence
 * for a refused request (any other failure shows `failure`, which must say what was and was not done).
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Feedback>();
  const run = async (task: () => Promise<string>, failure: string): Promise<void> => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage({ kind: 'success', text: await task() });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof RequestError ? e.message : failure });
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, setMessage, run };
}
