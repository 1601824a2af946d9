import { describe, expect, it } from 'vitest';
import { applyRotationNotification } from '../../../features/backup/apply-notification';
import { rotateStoredEntry } from '../../../features/entries/rotate-entry';
import { saveSighting } from '../../../features/rotation-watch/save';
import { addDays } from '../../../features/deadlines/rules';
import { dumpDb, PASSPHRASE, rejection, sampleMeta, setupVault } from '../vault/helpers';
import { CLIENT_ID, SECRET_A, SECRET_B, SECRET_C } from './fixtures';

const eventTime = '2024-01-10T22:09:17.456Z';
const newSecretNotification = (secret = SECRET_B, clientId = CLIENT_ID) =>
  JSON.stringify({
    notificationVersion: '1.0',
    notificationType: 'APPLICATION_OAUTH_CLIENT_NEW_SECRET',
    payloadVersion: '2023-11-30',
    eventTime,
    payload: {
      applicationOAuthClientNewSecret: {
        clientId,
        newClientSecret: secret,
        newClientSecretExpiryTime: '2024-07-08T22:09:17.198Z',
        oldClientSecretExpiryTime: '2024-01-17T22:09:17.180Z',
      },
    },
    notificationMetadata: { subscriptionId: 's', publishTime: eventTime, notificationId: 'n' },
  });
const expiryNotificationWith = (reason: string) => JSON.stringify({
  notificationVersion: '1.0',
  notificationType: 'APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY',
  payloadVersion: '2023-11-30',
  eventTime,
  payload: {
    applicationOAuthClientSecretExpiry: {
      clientId: CLIENT_ID,
      clientSecretExpiryTime: '2024-03-03T22:06:39.224Z',
      clientSecretExpiryReason: reason,
    },
  },
});
const expiryNotification = expiryNotificationWith('PERIODIC_ROTATION');

async function withEntry(secrets = { clientSecret: SECRET_A }, secretIssuedAt = Date.parse('2023-07-14T00:00:00Z')) {
  const v = setupVault();
  await v.vault.create(PASSPHRASE);
  const meta = await v.vault.createEntry({ ...sampleMeta, clientId: CLIENT_ID, secretIssuedAt }, secrets);
  return { ...v, meta };
}

describe('pasting an Amazon rotation notification', () => {
  it('NEW_SECRET: rotates the matching entry with Amazon’s exact dates', async () => {
    const { vault, meta } = await withEntry();
    const reply = await applyRotationNotification(vault, newSecretNotification(), 'UTC');
    expect(reply.message).toBe(`${meta.alias}: new client secret saved; the new secret expires 8 Jul 2024, the previous one 17 Jan 2024.`);
    const { meta: after, secrets } = await vault.getEntry(meta.id);
    expect(secrets).toMatchObject({ clientSecret: SECRET_B, previousClientSecret: SECRET_A });
    expect(after).toMatchObject({
      secretIssuedAt: Date.parse(eventTime),
      secretExpiresAt: Date.parse('2024-07-08T22:09:17.198Z'),
      previousSecretExpiresAt: Date.parse('2024-01-17T22:09:17.180Z'),
    });
    expect((await vault.events(meta.id))[0]).toMatchObject({ type: 'rotated', detail: 'new secret from an Amazon notification' });
  });

  it('NEW_SECRET for a secret already saved: only the dates change', async () => {
    const { vault, meta } = await withEntry({ clientSecret: SECRET_B, previousClientSecret: SECRET_A } as never, Date.parse(eventTime) + 5_000);
    await applyRotationNotification(vault, newSecretNotification(), 'UTC');
    const { meta: after, secrets } = await vault.getEntry(meta.id);
    expect(secrets).toMatchObject({ clientSecret: SECRET_B, previousClientSecret: SECRET_A });
    expect(after.secretExpiresAt).toBe(Date.parse('2024-07-08T22:09:17.198Z'));
    expect(after.secretIssuedAt).toBe(Date.parse(eventTime));
  });

  it('SECRET_EXPIRY: the entry takes the stated expiry instead of issued + 180 days', async () => {
    const { vault, meta } = await withEntry();
    expect(addDays(meta.secretIssuedAt!, 180)).not.toBe(Date.parse('2024-03-03T22:06:39.224Z'));
    const reply = await applyRotationNotification(vault, expiryNotification, 'UTC');
    expect(reply.entries[0]!.secretExpiresAt).toBe(Date.parse('2024-03-03T22:06:39.224Z'));
    expect(reply.message).toMatch(/expires 3 Mar 2024, as Amazon stated/);
  });

  it('changes nothing for a notification older than the current secret', async () => {
    const { vault, meta } = await withEntry({ clientSecret: SECRET_A }, Date.parse('2024-02-01T00:00:00Z'));
    const error = await rejection(applyRotationNotification(vault, newSecretNotification(), 'UTC'));
    expect(error).toMatchObject({ code: 'bad-request', message: expect.stringMatching(/older than the entry’s current secret/) });
    expect((await vault.getEntry(meta.id)).secrets.clientSecret).toBe(SECRET_A);
  });

  it('says which client id has no entry, and passes on parse errors without the secret', async () => {
    const { vault } = await withEntry();
    const other = `amzn1.application-oa2-client.${'f'.repeat(32)}`;
    expect(await rejection(applyRotationNotification(vault, newSecretNotification(SECRET_B, other)))).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining(other),
    });
    const broken = await rejection(applyRotationNotification(vault, newSecretNotification('amzn1.oa2-cs.v1.nothex')));
    expect(broken.code).toBe('bad-request');
    expect(broken.message).not.toContain('nothex');
  });

  it('refuses a clientSecretExpiryReason over 300 characters by name, for every matching entry, changing nothing', async () => {
    const { vault, name, meta } = await withEntry();
    await vault.createEntry({ ...sampleMeta, alias: 'Second', clientId: CLIENT_ID }, { clientSecret: SECRET_A });
    const before = await dumpDb(name);
    const error = await rejection(applyRotationNotification(vault, expiryNotificationWith('R'.repeat(301)), 'UTC'));
    expect(error).toEqual(
      expect.objectContaining({
        code: 'bad-request',
        message: "This notification's clientSecretExpiryReason is 301 characters long (at most 300), so nothing was changed.",
      }),
    );
    expect(await dumpDb(name)).toEqual(before);
    expect((await vault.getEntry(meta.id)).meta.secretExpiresAt).toBeUndefined();
  });

  it('keeps a 300-character reason whole in the field check and writes the expiry with its event together', async () => {
    const { vault, meta } = await withEntry();
    await applyRotationNotification(vault, expiryNotificationWith('R'.repeat(300)), 'UTC');
    const [event] = await vault.events(meta.id);
    expect(event).toMatchObject({ type: 'updated', detail: expect.stringMatching(/^secret expiry stated by Amazon \(R+…$/) });
    expect(event!.detail).toHaveLength(300);
    expect((await vault.getEntry(meta.id)).meta.secretExpiresAt).toBe(Date.parse('2024-03-03T22:06:39.224Z'));
  });

  it('a notification arriving during a panel save of the same secret: one rotation, Amazon’s dates, previous slot right', async () => {
    const { vault, meta, clock } = await withEntry();
    clock.now = Date.parse(eventTime) + 60_000;
    const sighting = { id: 's1', tabId: 1, host: 'sellercentral.amazon.com', secret: SECRET_B, clientId: CLIENT_ID, afterRotateClick: true, status: 'new', at: clock.now } as const;
    await Promise.all([saveSighting(vault, sighting as never, undefined, clock.now), applyRotationNotification(vault, newSecretNotification(), 'UTC')]);
    const { meta: after, secrets } = await vault.getEntry(meta.id);
    expect(secrets).toMatchObject({ clientSecret: SECRET_B, previousClientSecret: SECRET_A });
    expect(after.secretExpiresAt).toBe(Date.parse('2024-07-08T22:09:17.198Z'));
    expect((await vault.events(meta.id)).filter((e) => e.type === 'rotated')).toHaveLength(1);
  });

  it('a rotation and a notification with another secret at once: both land in turn, nothing lost', async () => {
    const { vault, meta, clock } = await withEntry();
    clock.now = Date.parse(eventTime) - 60_000; // the manual save came first
    await Promise.all([
      rotateStoredEntry(vault, meta.id, { newSecret: SECRET_C, issuedAt: clock.now, detail: 'new client secret saved' }),
      applyRotationNotification(vault, newSecretNotification(), 'UTC'),
    ]);
    const { secrets } = await vault.getEntry(meta.id);
    expect(secrets).toMatchObject({ clientSecret: SECRET_B, previousClientSecret: SECRET_C });
    expect((await vault.events(meta.id)).filter((e) => e.type === 'rotated')).toHaveLength(2);
  });
});
