import { DEFAULT_REMINDER_THRESHOLDS, normalizeThresholds } from '../reminders';

// Amazon's own cadence (the default) plus 3 days before.
const CHOICES = [90, 60, 30, 15, 7, 3, 1, 0] as const;

function labelOf(days: number): string {
  if (days === 0) return 'When it is overdue';
  return days === 1 ? '1 day before' : `${days} days before`;
}

/** Which reminders to show before a secret expires or an authorization is due. */
export function ReminderThresholds({ value, disabled, onChange }: { value?: readonly number[]; disabled: boolean; onChange: (next: number[]) => void }) {
  const chosen = new Set(value ?? DEFAULT_REMINDER_THRESHOLDS);
  const toggle = (days: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(days);
    else next.delete(days);
    onChange(normalizeThresholds([...next]));
  };
  return (
    <fieldset aria-describedby="reminder-hint">
      <legend>Remind me</legend>
      {CHOICES.map((days) => (
        <label class="checkbox">
          <input type="checkbox" checked={chosen.has(days)} disabled={disabled} onChange={(e) => toggle(days, e.currentTarget.checked)} />
          {labelOf(days)}
        </label>
      ))}
      <p id="reminder-hint" class="field-hint">One notification per deadline and choice, never repeated.</p>
    </fieldset>
  );
}
