import { parseRotationNotification, type RotationNotification } from '../amazon/notifications';
import { rotationChange } from '../entries/rotate-entry';
import { VaultError } from '../../platform/errors';
import { formatDate, runtimeTimeZone } from '../../platform/dates';
import type { EntryMeta } from '../vault/schema';
import type { EntryChange, VaultService } from '../vault/vault';
import type { EntryView } from '../entries/protocol';

type NotificationVault = Pick<VaultService, 'listEntries' | 'modifyEntry'>;

export interface AppliedNotification {
  entries: EntryMeta[];
  message: string;
}

/** Longest free text a notification may carry into an entry's history (the event detail's limit). */
const REASON_MAX = 300;

/**
 * A pasted Amazon rotation notification applied to every entry with its client id: Amazon's dates replace
 * computed ones, and a NEW_SECRET notification's secret goes through the two-slot rotation. A notification
 * older than the entry's current secret changes nothing. Every field is checked before anything is written;
 * each entry's change and its event are then written together, on the vault's write queue.
 */
export async function applyRotationNotification(
  vault: NotificationVault,
  text: string,
  timeZone: string = runtimeTimeZone(),
): Promise<AppliedNotification> {
  const parsed = parseRotationNotification(text);
  if (!parsed.ok) throw new VaultError('bad-request', parsed.message);
  const notification = parsed.notification;
  checkFields(notification);
  const { entries } = await vault.listEntries();
  const matches = entries.filter((meta) => meta.clientId === notification.clientId);
  if (matches.length === 0) {
    throw new VaultError(
      'not-found',
      `No entry in the vault has the client id ${notification.clientId}. Add it to the entry this notification is for, then paste it again.`,
    );
  }
  const day = (at: number) => formatDate(at, timeZone);
  const applied: EntryMeta[] = [];
  const lines: string[] = [];
  for (const meta of matches) {
    let outcome: { change?: EntryChange; line: string } = { line: '' };
    const updated = await vault.modifyEntry(meta.id, (entry) => {
      outcome = changeFor(entry, notification, day);
      return outcome.change;
    });
    lines.push(`${meta.alias}: ${outcome.line}`);
    if (outcome.change) applied.push(updated);
  }
  if (applied.length === 0) throw new VaultError('bad-request', lines.join(' '));
  return { entries: applied, message: lines.join(' ') };
}

/** A field a notification carries into the vault that the vault cannot hold: refused, named, nothing written. */
function checkFields(notification: RotationNotification): void {
  if (notification.type === 'secret-expiry' && notification.reason.length > REASON_MAX) {
    throw new VaultError(
      'bad-request',
      `This notification's clientSecretExpiryReason is ${notification.reason.length} characters long (at most ${REASON_MAX}), so nothing was changed.`,
    );
  }
}

/** What the notification changes in the entry as stored now (decided inside the write, so no race loses it). */
function changeFor(
  { meta, secrets }: EntryView,
  notification: RotationNotification,
  day: (at: number) => string,
): { change?: EntryChange; line: string } {
  const stale = meta.secretIssuedAt !== undefined && meta.secretIssuedAt > notification.eventTime;
  const staleLine = `this notification (${day(notification.eventTime)}) is older than the entry’s current secret (issued ${day(meta.secretIssuedAt ?? 0)}), so nothing changed.`;

  if (notification.type === 'secret-expiry') {
    if (stale) return { line: staleLine };
    return {
      change: {
        meta: { secretExpiresAt: notification.expiresAt },
        events: [{ type: 'updated', detail: clip(`secret expiry stated by Amazon (${notification.reason})`) }],
      },
      line: `the client secret expires ${day(notification.expiresAt)}, as Amazon stated.`,
    };
  }

  const dates = `the new secret expires ${day(notification.newSecretExpiresAt)}, the previous one ${day(notification.oldSecretExpiresAt)}.`;
  if (secrets.clientSecret === notification.newClientSecret) {
    // Saved already (from the console page): only Amazon's exact dates are new.
    return {
      change: {
        meta: {
          secretIssuedAt: notification.eventTime,
          secretExpiresAt: notification.newSecretExpiresAt,
          ...(secrets.previousClientSecret === undefined ? {} : { previousSecretExpiresAt: notification.oldSecretExpiresAt }),
        },
        events: [{ type: 'updated', detail: 'rotation dates stated by Amazon' }],
      },
      line: `this secret was already saved; Amazon’s dates now apply: ${dates}`,
    };
  }
  if (secrets.previousClientSecret === notification.newClientSecret) {
    return { line: 'this notification’s secret is already the previous one; a newer secret is current, so nothing changed.' };
  }
  if (stale) return { line: staleLine };
  const change = rotationChange(
    { meta, secrets },
    {
      newSecret: notification.newClientSecret,
      issuedAt: notification.eventTime,
      statedExpiresAt: notification.newSecretExpiresAt,
      statedPreviousExpiresAt: notification.oldSecretExpiresAt,
      detail: 'new secret from an Amazon notification',
    },
  );
  return { change, line: `new client secret saved; ${dates}` };
}

function clip(detail: string): string {
  return detail.length <= REASON_MAX ? detail : `${detail.slice(0, REASON_MAX - 1)}…`;
}
