import { developerCentralUrl } from '../../amazon/hosts';
import { formatDate } from '../../../platform/dates';
import { daysAndLevel, deadlinesOf, secretDateUnknown, type Deadline } from '../countdown';
import type { EntryMeta } from '../../vault/schema';
import { todayOf } from './Countdown';

type Step = { breaks: string; todo: string };

/** What stops working and what to do, for the deadline that needs the user now (docs/amazon.md §2, §4). */
function stepFor(deadline: Deadline, overdue: boolean, date: string): Step {
  switch (deadline.kind) {
    case 'secret':
      return {
        breaks: overdue
          ? `The client secret expired on ${date}: token requests fail with invalid_client.`
          : `After ${date} token requests with this client secret fail with invalid_client.`,
        todo: 'Rotate the secret in Developer Central (LWA credentials → View → Rotate secret), then save the new one here.',
      };
    case 'previous-secret':
      return {
        breaks: overdue
          ? `The previous client secret stopped working on ${date}: a system still using it gets invalid_client.`
          : `After ${date} a system still using the previous client secret gets invalid_client.`,
        todo: 'Put the new secret into every system, then retire the previous one here.',
      };
    case 'authorization':
    case 'result-code':
      return {
        breaks: overdue
          ? `The authorization lapsed on ${date}: refreshing the access token fails with invalid_grant.`
          : `After ${date} the authorization lapses: refreshing the access token fails with invalid_grant.`,
        todo: 'Authorize the app again from Developer Central, then save the new Result URL here.',
      };
  }
}

/** Shown for urgent, overdue and unknown deadlines: what breaks, what to do, and where (the entry's own Developer Central). */
export function NextStep({ meta, now }: { meta: EntryMeta; now: number }) {
  const today = todayOf(now);
  const pressing = deadlinesOf(meta, now)
    .filter((d) => d.kind !== 'result-code')
    .map((deadline) => ({ deadline, ...daysAndLevel(deadline.at, now, today.dayNumber, today.timeZone) }))
    .filter(({ level }) => level === 'urgent' || level === 'overdue')
    .sort((a, b) => a.deadline.at - b.deadline.at);
  const steps: Step[] = pressing.map(({ deadline, level }) =>
    stepFor(deadline, level === 'overdue', formatDate(deadline.at, today.timeZone)),
  );
  if (secretDateUnknown(meta)) {
    steps.unshift({
      breaks: 'LWA Vault does not know when this client secret expires, so it cannot warn you before token requests fail with invalid_client.',
      todo: 'Read the expiry in Developer Central (LWA credentials → View) and set it here.',
    });
  }
  if (steps.length === 0) return null;
  const url = developerCentralUrl(meta.kind, meta.region, meta.marketplace);
  return (
    <section class="alert warning next-step" aria-labelledby="next-step-title">
      <h3 id="next-step-title">Next step</h3>
      {steps.map((step) => (
        <p key={step.breaks}>
          {step.breaks} {step.todo}
        </p>
      ))}
      <a href={url} target="_blank" rel="noreferrer">
        Open {meta.kind === 'vendor' ? 'Vendor' : 'Seller'} Central Developer Central ({new URL(url).host})
      </a>
    </section>
  );
}
