import { describe, expect, it } from 'vitest';
import { parseRotationNotification } from '../../../features/amazon/notifications';
import { APPLICATION_ID, CLIENT_ID, CLIENT_SECRET, LEGACY_CLIENT_SECRET } from '../../support/identifiers';

/** Amazon's examples (docs/amazon.md §4, ROT-SAMPLE), with synthetic identifiers. */
const newSecret = () => ({
  notificationVersion: '1.0',
  notificationType: 'APPLICATION_OAUTH_CLIENT_NEW_SECRET',
  payloadVersion: '2023-11-30',
  eventTime: '2024-01-10T22:09:17.456Z',
  payload: {
    applicationOAuthClientNewSecret: {
      clientId: CLIENT_ID,
      newClientSecret: CLIENT_SECRET,
      newClientSecretExpiryTime: '2024-07-08T22:09:17.198Z',
      oldClientSecretExpiryTime: '2024-01-17T22:09:17.180Z',
    },
  },
  notificationMetadata: {
    applicationId: APPLICATION_ID,
    subscriptionId: 'sub-1',
    publishTime: '2024-01-10T22:09:18.000Z',
    notificationId: 'n-1',
  },
});

const secretExpiry = () => ({
  notificationVersion: '1.0',
  notificationType: 'APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY',
  payloadVersion: '2023-11-30',
  eventTime: '2024-01-10T02:15:10.045Z',
  payload: {
    applicationOAuthClientSecretExpiry: {
      clientId: CLIENT_ID,
      clientSecretExpiryTime: '2024-03-03T22:06:39.224Z',
      clientSecretExpiryReason: 'PERIODIC_ROTATION',
    },
  },
  notificationMetadata: {
    applicationId: APPLICATION_ID,
    subscriptionId: 'sub-1',
    publishTime: '2024-01-10T02:15:14.269Z',
    notificationId: 'n-2',
  },
});

const NEW_SECRET_RESULT = {
  type: 'new-secret',
  clientId: CLIENT_ID,
  applicationId: APPLICATION_ID,
  newClientSecret: CLIENT_SECRET,
  newSecretExpiresAt: Date.UTC(2024, 6, 8, 22, 9, 17, 198),
  oldSecretExpiresAt: Date.UTC(2024, 0, 17, 22, 9, 17, 180),
  eventTime: Date.UTC(2024, 0, 10, 22, 9, 17, 456),
};

const messageOf = (text: string) => {
  const parsed = parseRotationNotification(text);
  return parsed.ok ? '' : parsed.message;
};

describe('parseRotationNotification', () => {
  it('reads a NEW_SECRET notification with dates in epoch milliseconds', () => {
    expect(parseRotationNotification(JSON.stringify(newSecret(), null, 2))).toEqual({ ok: true, notification: NEW_SECRET_RESULT });
  });

  it('matches Amazon’s 180-day and 7-day rules in its own example', () => {
    const parsed = parseRotationNotification(JSON.stringify(newSecret()));
    if (!parsed.ok || parsed.notification.type !== 'new-secret') throw new Error('expected a new-secret notification');
    const day = 86_400_000;
    const n = parsed.notification;
    expect(Math.round((n.newSecretExpiresAt - n.eventTime) / day)).toBe(180);
    expect(Math.round((n.oldSecretExpiresAt - n.eventTime) / day)).toBe(7);
  });

  it('reads a SECRET_EXPIRY notification', () => {
    expect(parseRotationNotification(JSON.stringify(secretExpiry()))).toEqual({
      ok: true,
      notification: {
        type: 'secret-expiry',
        clientId: CLIENT_ID,
        applicationId: APPLICATION_ID,
        expiresAt: Date.UTC(2024, 2, 3, 22, 6, 39, 224),
        reason: 'PERIODIC_ROTATION',
        eventTime: Date.UTC(2024, 0, 10, 2, 15, 10, 45),
      },
    });
  });

  it.each([
    ['with whitespace and newlines around it', `\n\n  ${JSON.stringify(newSecret(), null, 4)}  \n`],
    ['inside an SQS message Body', JSON.stringify({ MessageId: 'm-1', ReceiptHandle: 'r', Body: JSON.stringify(newSecret()) })],
    ['inside a Lambda SQS event record', JSON.stringify({ Records: [{ messageId: 'm-1', body: JSON.stringify(newSecret(), null, 2) }] })],
    ['inside a ReceiveMessage answer', JSON.stringify({ Messages: [{ Body: JSON.stringify(newSecret()) }] })],
    ['as a JSON string of the notification', JSON.stringify(JSON.stringify(newSecret()))],
  ])('reads a notification %s', (_name, text) => {
    expect(parseRotationNotification(text)).toEqual({ ok: true, notification: NEW_SECRET_RESULT });
  });

  it('leaves the application id out when the metadata has none', () => {
    const { notificationMetadata: _, ...bare } = newSecret();
    const parsed = parseRotationNotification(JSON.stringify(bare));
    expect(parsed.ok && parsed.notification).not.toHaveProperty('applicationId');
    expect(parsed.ok).toBe(true);
  });

  it('accepts dates with a UTC offset', () => {
    const n = secretExpiry();
    n.payload.applicationOAuthClientSecretExpiry.clientSecretExpiryTime = '2024-03-03T23:06:39.224+01:00';
    const parsed = parseRotationNotification(JSON.stringify(n));
    expect(parsed.ok && parsed.notification.type === 'secret-expiry' && parsed.notification.expiresAt).toBe(Date.UTC(2024, 2, 3, 22, 6, 39, 224));
  });

  it('rejects text that is not JSON', () => {
    expect(messageOf('Your new client secret is ready')).toMatch(/^This is not JSON/);
  });

  it('rejects an SQS message whose Body is not JSON', () => {
    expect(messageOf(JSON.stringify({ Body: 'hello' }))).toMatch(/body is not JSON/);
  });

  it('rejects several messages at once', () => {
    expect(messageOf(JSON.stringify({ Records: [{ body: '{}' }, { body: '{}' }] }))).toMatch(/holds 2 messages/);
  });

  it('rejects JSON that is not a notification', () => {
    expect(messageOf('{"hello": 1}')).toMatch(/has no notificationType/);
    expect(messageOf('[1, 2]')).toMatch(/not an Amazon notification/);
  });

  it('rejects an unknown notificationType and names it', () => {
    const n = { ...newSecret(), notificationType: 'ANY_OFFER_CHANGED' };
    expect(messageOf(JSON.stringify(n))).toBe(
      'This is a ANY_OFFER_CHANGED notification; LWA Vault reads only APPLICATION_OAUTH_CLIENT_NEW_SECRET and APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY.',
    );
  });

  it.each([
    ['newClientSecret', 'payload.applicationOAuthClientNewSecret.newClientSecret'],
    ['newClientSecretExpiryTime', 'payload.applicationOAuthClientNewSecret.newClientSecretExpiryTime'],
    ['clientId', 'payload.applicationOAuthClientNewSecret.clientId'],
  ] as const)('names the missing field %s', (field, path) => {
    const n = newSecret();
    delete (n.payload.applicationOAuthClientNewSecret as Partial<typeof n.payload.applicationOAuthClientNewSecret>)[field];
    expect(messageOf(JSON.stringify(n))).toBe(`The notification is missing the field ${path}.`);
  });

  it('names a missing eventTime and a missing payload', () => {
    const { eventTime: _e, ...noEventTime } = newSecret();
    expect(messageOf(JSON.stringify(noEventTime))).toBe('The notification is missing the field eventTime.');
    const { payload: _p, ...noPayload } = secretExpiry();
    expect(messageOf(JSON.stringify(noPayload))).toBe('The notification is missing the field payload.');
  });

  it('rejects the EXPIRY field name inside a NEW_SECRET notification', () => {
    const n = newSecret();
    const { newClientSecretExpiryTime, ...rest } = n.payload.applicationOAuthClientNewSecret;
    const wrong = { ...n, payload: { applicationOAuthClientNewSecret: { ...rest, clientSecretExpiryTime: newClientSecretExpiryTime } } };
    expect(messageOf(JSON.stringify(wrong))).toMatch(/missing the field .*newClientSecretExpiryTime/);
  });

  it('rejects a date that is not a date', () => {
    const n = secretExpiry();
    n.payload.applicationOAuthClientSecretExpiry.clientSecretExpiryTime = 'next Tuesday';
    expect(messageOf(JSON.stringify(n))).toMatch(/clientSecretExpiryTime is not a date and time/);
  });

  it('rejects a client id of the wrong format', () => {
    const n = secretExpiry();
    n.payload.applicationOAuthClientSecretExpiry.clientId = APPLICATION_ID;
    expect(messageOf(JSON.stringify(n))).toMatch(/clientId in the notification is not an LWA client id/);
  });

  it('rejects a new secret of the wrong format without repeating it', () => {
    const n = newSecret();
    n.payload.applicationOAuthClientNewSecret.newClientSecret = LEGACY_CLIENT_SECRET;
    const message = messageOf(JSON.stringify(n));
    expect(message).toMatch(/newClientSecret in the notification is not a client secret/);
    expect(message).not.toContain(LEGACY_CLIENT_SECRET);
  });

  it('rejects an application id of the wrong format', () => {
    const n = newSecret();
    n.notificationMetadata.applicationId = CLIENT_ID;
    expect(messageOf(JSON.stringify(n))).toMatch(/applicationId is not an application id/);
  });
});
