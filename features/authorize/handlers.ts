import type { Handlers } from '../../platform/router';
import type { CheckService } from './check-service';
import type { CaptureService, StartSource } from './service';

export type CaptureHandlers = Pick<
  Handlers,
  | 'authorize.state'
  | 'authorize.start'
  | 'authorize.open'
  | 'authorize.cancel'
  | 'authorize.dismiss'
  | 'authorize.attach'
  | 'authorize.save'
  | 'authorize.exchange'
  | 'authorize.settings'
  | 'authorize.check'
>;

/** The capture messages, each a thin call into the service (validation already happened in the router). */
export function createCaptureHandlers(service: CaptureService, checks: CheckService): CaptureHandlers {
  return {
    'authorize.state': () => service.view(),
    'authorize.start': ({ data: { draft, source } }) => service.start(draft, dropUndefined(source) as StartSource),
    'authorize.open': ({ data: { pendingId, incognito } }) => service.open(pendingId, incognito),
    'authorize.cancel': async ({ data: { pendingId } }) => {
      await service.cancel(pendingId);
      return null;
    },
    'authorize.dismiss': async ({ data: { captureId } }) => {
      await service.dismiss(captureId);
      return null;
    },
    'authorize.attach': ({ data: { captureId, pendingId } }) => service.attach(captureId, pendingId),
    'authorize.save': ({ data: { pendingId, resultUrl } }) => service.save(pendingId, resultUrl),
    'authorize.exchange': ({ data: { pendingId, clientId, clientSecret } }) =>
      service.exchange(pendingId, dropUndefined({ clientId, clientSecret })),
    'authorize.settings': ({ data: patch }) => service.setSettings(dropUndefined(patch)),
    'authorize.check': ({ data }) => checks.check(data),
  };
}

/** zod's optional keys come back as `key: undefined`; exactOptionalPropertyTypes-style callers want them gone. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
