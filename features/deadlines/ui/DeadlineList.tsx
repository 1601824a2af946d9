import { formatMmSs, deadlinesOf, type DeadlineKind } from '../countdown';
import type { EntryMeta } from '../../vault/schema';
import { Countdown } from './Countdown';

const DEADLINE_NAMES: Record<DeadlineKind, string> = {
  secret: 'Client secret expires',
  'previous-secret': 'Previous secret stops working',
  authorization: 'Authorization renewal due',
  'result-code': 'Result URL code valid for',
};

/** Every deadline of one entry with its live countdown; the Result URL's 5-minute code as mm:ss. */
export function DeadlineList({ meta, now }: { meta: EntryMeta; now: number }) {
  const deadlines = deadlinesOf(meta, now);
  if (deadlines.length === 0) {
    return <p class="muted">No dates yet: edit the entry and say when its secret was issued.</p>;
  }
  return (
    <ul class="deadlines" aria-label="Deadlines">
      {deadlines.map((deadline) => (
        <li key={deadline.kind}>
          <span class="deadline-name">{DEADLINE_NAMES[deadline.kind]}</span>
          <span class="deadline-when">
            {deadline.kind === 'result-code' ? (
              <span class="countdown level-urgent">
                <span class="countdown-level">Hurry</span>
                <span class="countdown-text">{formatMmSs(deadline.at - now)} left</span>
              </span>
            ) : (
              <Countdown at={deadline.at} now={now} />
            )}
            {deadline.kind !== 'result-code' && <span class="field-hint">{deadline.stated ? 'date stated by Amazon' : 'computed'}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
