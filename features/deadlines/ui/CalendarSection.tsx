import { send } from '../../../platform/client';
import { useSubmission } from '../../../components/useSubmission';
import { downloadText } from '../../../components/download';
import { FeedbackMessage } from '../../../components/FeedbackMessage';

/** Every upcoming deadline as an .ics file, with alarms at the reminder thresholds. No secrets in it. */
export function CalendarSection() {
  const { busy, message, run } = useSubmission();

  const download = () =>
    run(async () => {
      const reply = await send('deadlines.calendar', {});
      downloadText(reply.fileName, reply.text, 'text/calendar');
      const noun = reply.events === 1 ? 'deadline' : 'deadlines';
      return `${reply.events} upcoming ${noun} saved as ${reply.fileName}.`;
    }, 'The calendar was not created.');

  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">Deadlines calendar</h2>
      <p class="field-hint">For Outlook, Google Calendar or Apple Calendar: names and dates only, never a secret.</p>
      <FeedbackMessage message={message} />
      <div class="form-actions">
        <button type="button" onClick={download} disabled={busy}>Download calendar (.ics)</button>
      </div>
    </section>
  );
}
