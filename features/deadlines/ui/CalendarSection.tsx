import { useState } from 'preact/hooks';
import { RequestError, send } from '../../../platform/client';
import { downloadText } from '../../../components/download';

/** Every upcoming deadline as an .ics file, with alarms at the reminder thresholds. No secrets in it. */
export function CalendarSection() {
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();

  const download = async () => {
    try {
      const reply = await send('deadlines.calendar', {});
      downloadText(reply.fileName, reply.text, 'text/calendar');
      const noun = reply.events === 1 ? 'deadline' : 'deadlines';
      setMessage({ kind: 'success', text: `${reply.events} upcoming ${noun} saved as ${reply.fileName}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof RequestError ? e.message : 'The calendar was not created.' });
    }
  };

  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">Deadlines calendar</h2>
      <p class="field-hint">For Outlook, Google Calendar or Apple Calendar: names and dates only, never a secret.</p>
      {message && <p class={`alert ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <div class="form-actions">
        <button type="button" onClick={download}>Download calendar (.ics)</button>
      </div>
    </section>
  );
}
