import type { Feedback } from './useSubmission';

/** A form's outcome: an error is announced at once (alert), a success politely (status). */
export function FeedbackMessage({ message }: { message: Feedback | undefined }) {
  if (!message) return null;
  return (
    <p class={`alert ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      {message.text}
    </p>
  );
}
