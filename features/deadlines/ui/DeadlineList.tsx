import { formatMmSs, deadlinesOf, secretDateUnknown, type Deadline, type DeadlineKind } from '../countdown';
import { addDays, PREVIOUS_SECRET_GRACE_DAYS } from '../rules';
import type { EntryMeta } from '../../vault/schema';
import { Countdown, LEVEL_LABELS } from './Countdown';
import { NextStep } from './NextStep';

const DEADLINE_NAMES: Record<DeadlineKind, string> = {
  secret: 'Client secret expires',
  'previous-secret': 'Previous secret stops working',
  authorization: 'Authorization renewal due',
  'result-code': 'Result URL code valid for',
};

/** Where a date comes from, so a computed one never reads as Amazon's. */
function sourceOf(deadline: Deadline, meta: EntryMeta): string {
  switch (deadline.kind) {
    case 'secret':
      return deadline.stated ? 'date Amazon shows' : '180 days after it was issued';
    case 'previous-secret':
      // rotate.ts sets it to the rotation + 7 days unless Amazon stated another instant.
      return meta.secretIssuedAt !== undefined && deadline.at === addDays(meta.secretIssuedAt, PREVIOUS_SECRET_GRACE_DAYS)
        ? '7 days after the rotation'
        : 'date Amazon stated';
    case 'authorization':
      return deadline.stated ? 'date Amazon stated' : '365 days after it was authorized';
    case 'result-code':
      return '';
  }
}

interface Props {
  meta: EntryMeta;
  now: number;
  /** Opens the editor at the secret's date (Date unknown). */
  onSetDate?: () => void;
  /** Every system uses the new secret: retire the previous one. */
  onRetire?: () => void;
}

/** Every deadline of one entry with its live countdown and, when it is close, the next step; the 5-minute code as mm:ss. */
export function DeadlineList({ meta, now, onSetDate, onRetire }: Props) {
  const deadlines = deadlinesOf(meta, now);
  const unknown = secretDateUnknown(meta);
  if (deadlines.length === 0 && !unknown) {
    return <p class="muted">{meta.hasSecret === false ? 'No client secret saved: nothing to count down yet.' : 'No dates yet.'}</p>;
  }
  return (
    <>
      <ul class="deadlines" aria-label="Deadlines">
        {unknown && (
          <li key="unknown">
            <span class="deadline-name">{DEADLINE_NAMES.secret}</span>
            <span class="deadline-when">
              <span class="countdown level-unknown" data-level="unknown">
                <span class="countdown-level">{LEVEL_LABELS.unknown}</span>
              </span>
              {onSetDate && (
                <button type="button" class="link" onClick={onSetDate}>
                  Set the expiry date
                </button>
              )}
            </span>
          </li>
        )}
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
              {deadline.kind !== 'result-code' && <span class="field-hint">{sourceOf(deadline, meta)}</span>}
              {deadline.kind === 'previous-secret' && onRetire && (
                <span class="retire-question">
                  Does every system use the new secret now?{' '}
                  <button type="button" onClick={onRetire}>
                    Yes, retire the previous secret
                  </button>
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
      <NextStep meta={meta} now={now} />
    </>
  );
}
