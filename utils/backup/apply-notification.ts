import { parseRotationNotification, type RotationNotification } from '../amazon/notifications';
import { rotateStoredEntry } from '../background/rotate-entry';
import { VaultError } from '../errors';
import { formatDay, runtimeTimeZone } from '../rotation/calendar';
import type { EntryMeta } from '../vault/schema';
import type { VaultService } from '../vault/vault';

type NotificationVault = Pick<VaultService, 'listEntries' | 'getEntry' | 'updateEntry' | 'appendEvent'>;

export interface AppliedNotification {
  entries: EntryMeta[];
  message: string;
}

/**
 * A pasted Amazon rotation notification applied to every entry with its client id: Amazon's dates replace
 * computed ones, and a NEW_SECRET notification's secret goes through the two-slot rotation. A notification
 * older than the entry's current secret changes nothing.
 */
export async function applyRotationNotification(
  vault: NotificationVault,
  text: string,
  timeZone: string = runtimeTimeZone(),
): Promise<AppliedNotification> {
  const parsed = parseRotationNotification(text);
  if (!parsed.ok) throw new VaultError('bad-request', parsed.message);
  const notification = parsed.notification;
  const { entries } = await vault.listEntries();
  const matches = entries.filter((meta) => meta.clientId === notification.clientId);
  if (matches.length === 0) {
    throw new VaultError(
      'not-found',
      `No entry in the vault has the client id ${notification.clientId}. Add it to the entry this notification is for, then paste it again.`,
    );
  }
  const day = (at: number) => formatDay(at, timeZone, 'en-GB');
  const applied: EntryMeta[] = [];
  const lines: string[] = [];
  for (const meta of matches) {
    const outcome = await applyTo(vault, meta, notification, day);
    lines.push(`${meta.alias}: ${outcome.line}`);
    if (outcome.meta) applied.push(outcome.meta);
  }
  if (applied.length === 0) throw new VaultError('bad-request', lines.join(' '));
  return { entries: applied, message: lines.join(' ') };
}

async function applyTo(
  vault: NotificationVault,
  meta: EntryMeta,
  notification: RotationNotification,
  day: (at: number) => string,
): Promise<{ meta?: EntryMeta; line: string }> {
  const stale = meta.secretIssuedAt !== undefined && meta.secretIssuedAt > notification.eventTime;
  const staleLine = `this notification (${day(notification.eventTime)}) is older than the entry’s current secret (issued ${day(meta.secretIssuedAt ?? 0)}), so nothing changed.`;

  if (notification.type === 'secret-expiry') {
    if (stale) return { line: staleLine };
    const updated = await vault.updateEntry(meta.id, { secretExpiresAt: notification.expiresAt }, {});
    await vault.appendEvent({ entryId: meta.id, type: 'updated', detail: `secret expiry stated by Amazon (${notification.reason})` });
    return { meta: updated, line: `the client secret expires ${day(notification.expiresAt)}, as Amazon stated.` };
  }

  const { secrets } = await vault.getEntry(meta.id);
  const dates = `the new secret expires ${day(notification.newSecretExpiresAt)}, the previous one ${day(notification.oldSecretExpiresAt)}.`;
  if (secrets.clientSecret === notification.newClientSecret) {
    // Saved already (from the console page): only Amazon's exact dates are new.
    const updated = await vault.updateEntry(
      meta.id,
      {
        secretIssuedAt: notification.eventTime,
        secretExpiresAt: notification.newSecretExpiresAt,
        ...(secrets.previousClientSecret === undefined ? {} : { previousSecretExpiresAt: notification.oldSecretExpiresAt }),
      },
      {},
    );
    await vault.appendEvent({ entryId: meta.id, type: 'updated', detail: 'rotation dates stated by Amazon' });
    return { meta: updated, line: `this secret was already saved; Amazon’s dates now apply: ${dates}` };
  }
  if (secrets.previousClientSecret === notification.newClientSecret) {
    return { line: 'this notification’s secret is already the previous one; a newer secret is current, so nothing changed.' };
  }
  if (stale) return { line: staleLine };
  const updated = await rotateStoredEntry(vault, meta.id, {
    newSecret: notification.newClientSecret,
    issuedAt: notification.eventTime,
    statedExpiresAt: notification.newSecretExpiresAt,
    statedPreviousExpiresAt: notification.oldSecretExpiresAt,
    detail: 'new secret from an Amazon notification',
  });
  return { meta: updated, line: `new client secret saved; ${dates}` };
}
