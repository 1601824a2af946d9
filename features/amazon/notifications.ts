import { z } from 'zod';
import { checkApplicationId, checkClientId, checkClientSecret, normalizePasted } from './identifiers';
import { isRecord } from '../../platform/is-record';

/**
 * Reads a pasted credential-rotation notification (docs/amazon.md §4): APPLICATION_OAUTH_CLIENT_NEW_SECRET
 * or APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY, either bare or wrapped in the SQS message that delivered it.
 * Dates come back as epoch milliseconds. Error messages never repeat the secret.
 */

export const NEW_SECRET_TYPE = 'APPLICATION_OAUTH_CLIENT_NEW_SECRET';
export const SECRET_EXPIRY_TYPE = 'APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY';

export interface NewSecretNotification {
  type: 'new-secret';
  clientId: string;
  applicationId?: string;
  newClientSecret: string;
  newSecretExpiresAt: number;
  oldSecretExpiresAt: number;
  /** When Amazon issued the new secret (the rotation time). */
  eventTime: number;
}

export interface SecretExpiryNotification {
  type: 'secret-expiry';
  clientId: string;
  applicationId?: string;
  expiresAt: number;
  /** PERIODIC_ROTATION in every example seen; kept as given. */
  reason: string;
  eventTime: number;
}

export type RotationNotification = NewSecretNotification | SecretExpiryNotification;
export type NotificationParse = { ok: true; notification: RotationNotification } | { ok: false; message: string };

const isoTime = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));
const metadataSchema = z.object({ applicationId: z.string().optional() }).optional();

const newSecretSchema = z.object({
  notificationType: z.literal(NEW_SECRET_TYPE),
  eventTime: isoTime,
  payload: z.object({
    applicationOAuthClientNewSecret: z.object({
      clientId: z.string(),
      newClientSecret: z.string(),
      newClientSecretExpiryTime: isoTime,
      oldClientSecretExpiryTime: isoTime,
    }),
  }),
  notificationMetadata: metadataSchema,
});

const secretExpirySchema = z.object({
  notificationType: z.literal(SECRET_EXPIRY_TYPE),
  eventTime: isoTime,
  payload: z.object({
    applicationOAuthClientSecretExpiry: z.object({
      clientId: z.string(),
      clientSecretExpiryTime: isoTime,
      clientSecretExpiryReason: z.string().min(1),
    }),
  }),
  notificationMetadata: metadataSchema,
});

const fail = (message: string): NotificationParse => ({ ok: false, message });

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * The notification inside whatever was pasted: the notification itself, a JSON string of it, an SQS message
 * ({ Body } / { body }), a ReceiveMessage answer ({ Messages: [one] }) or a Lambda event ({ Records: [one] }).
 */
function unwrap(value: unknown, depth = 0): { ok: true; value: unknown } | { ok: false; message: string } {
  if (depth > 3) return { ok: true, value };
  if (typeof value === 'string') {
    const inner = parseJson(value.trim());
    return inner.ok ? unwrap(inner.value, depth + 1) : { ok: false, message: 'The message body is not JSON.' };
  }
  if (!isRecord(value) || 'notificationType' in value) return { ok: true, value };
  const body = value.Body ?? value.body;
  if (typeof body === 'string') return unwrap(body, depth + 1);
  const list = value.Messages ?? value.Records;
  if (Array.isArray(list)) {
    if (list.length !== 1) return { ok: false, message: `This holds ${list.length} messages; paste one notification at a time.` };
    return unwrap(list[0], depth + 1);
  }
  return { ok: true, value };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key as string];
  }
  return current;
}

function describeIssue(input: unknown, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The notification does not have the expected shape.';
  const path = issue.path.map(String).join('.');
  const value = valueAt(input, issue.path);
  if (value === undefined || value === null) return `The notification is missing the field ${path}.`;
  if (path.endsWith('Time')) return `${path} is not a date and time such as 2024-07-08T22:09:17.198Z.`;
  return `The field ${path} does not have the expected form.`;
}

/** The app a notification is about, checked in this order: its client id, `otherProblem`, its application id. */
function appOf(
  clientId: string,
  applicationId: string | undefined,
  otherProblem: () => string | undefined = () => undefined,
): { ok: true; app: { clientId: string; applicationId?: string } } | { ok: false; message: string } {
  const clientIdCheck = checkClientId(clientId);
  if (!clientIdCheck.ok) return { ok: false, message: `The clientId in the notification is not an LWA client id. ${clientIdCheck.message}` };
  const other = otherProblem();
  if (other) return { ok: false, message: other };
  const applicationIdCheck = applicationId === undefined ? { ok: true as const } : checkApplicationId(applicationId);
  if (!applicationIdCheck.ok) return { ok: false, message: `notificationMetadata.applicationId is not an application id. ${applicationIdCheck.message}` };
  return {
    ok: true,
    app: {
      clientId: normalizePasted(clientId),
      ...(applicationId === undefined ? {} : { applicationId: normalizePasted(applicationId) }),
    },
  };
}

export function parseRotationNotification(text: string): NotificationParse {
  const json = parseJson(normalizePasted(text));
  if (!json.ok) return fail('This is not JSON. Paste the whole notification, from the first { to the last }.');
  const unwrapped = unwrap(json.value);
  if (!unwrapped.ok) return fail(unwrapped.message);
  const notification = unwrapped.value;
  if (!isRecord(notification)) return fail('This JSON is not an Amazon notification.');
  const type = notification.notificationType;
  if (type === undefined) return fail('This JSON is not an Amazon notification: it has no notificationType.');

  if (type === NEW_SECRET_TYPE) {
    const parsed = newSecretSchema.safeParse(notification);
    if (!parsed.success) return fail(describeIssue(notification, parsed.error));
    const body = parsed.data.payload.applicationOAuthClientNewSecret;
    const secret = checkClientSecret(body.newClientSecret);
    const about = appOf(body.clientId, parsed.data.notificationMetadata?.applicationId, () =>
      secret.ok ? undefined : `The newClientSecret in the notification is not a client secret. ${secret.message}`,
    );
    if (!about.ok) return about;
    return {
      ok: true,
      notification: {
        type: 'new-secret',
        ...about.app,
        newClientSecret: normalizePasted(body.newClientSecret),
        newSecretExpiresAt: body.newClientSecretExpiryTime,
        oldSecretExpiresAt: body.oldClientSecretExpiryTime,
        eventTime: parsed.data.eventTime,
      },
    };
  }

  if (type === SECRET_EXPIRY_TYPE) {
    const parsed = secretExpirySchema.safeParse(notification);
    if (!parsed.success) return fail(describeIssue(notification, parsed.error));
    const body = parsed.data.payload.applicationOAuthClientSecretExpiry;
    const about = appOf(body.clientId, parsed.data.notificationMetadata?.applicationId);
    if (!about.ok) return about;
    return {
      ok: true,
      notification: {
        type: 'secret-expiry',
        ...about.app,
        expiresAt: body.clientSecretExpiryTime,
        reason: body.clientSecretExpiryReason,
        eventTime: parsed.data.eventTime,
      },
    };
  }

  const shown = typeof type === 'string' ? type.slice(0, 80) : JSON.stringify(type)?.slice(0, 80);
  return fail(
    `This is a ${shown} notification; LWA Vault reads only ${NEW_SECRET_TYPE} and ${SECRET_EXPIRY_TYPE}.`,
  );
}
