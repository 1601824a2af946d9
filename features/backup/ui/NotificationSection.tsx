import { useState } from 'preact/hooks';
import { send } from '../../../platform/client';
import { useSubmission } from '../../../components/useSubmission';
import { FeedbackMessage } from '../../../components/FeedbackMessage';

/** Paste an Amazon rotation notification: the entry with its client id takes Amazon's exact dates (and new secret). */
export function NotificationSection() {
  const [text, setText] = useState('');
  const { busy, message, run } = useSubmission();

  const submit = async (event: Event) => {
    event.preventDefault();
    await run(async () => {
      const reply = await send('backup.applyNotification', { text });
      setText(''); // it may hold a new secret
      return reply.message;
    }, 'The notification was not applied.');
  };

  return (
    <form onSubmit={submit} aria-labelledby="notification-title">
      <h2 id="notification-title">Apply an Amazon notification</h2>
      <label for="notification-json">Notification JSON</label>
      <textarea
        id="notification-json"
        class="mono"
        value={text}
        spellcheck={false}
        autoComplete="off"
        aria-describedby="notification-hint"
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <p id="notification-hint" class="field-hint">
        An APPLICATION_OAUTH_CLIENT_NEW_SECRET or APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY message from your SQS queue.
        The entry with the same client id takes Amazon’s dates, and the new secret when there is one.
      </p>
      <FeedbackMessage message={message} />
      <div class="form-actions">
        <button type="submit" disabled={busy || !text.trim()}>{busy ? 'Applying…' : 'Apply notification'}</button>
      </div>
    </form>
  );
}
