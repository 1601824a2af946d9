import type { Handlers } from '../../platform/router';
import type { CaptureService, StartSource } from './service';

export type CaptureHandlers = Pick<
  Handlers,
  | 'capture.state'
  | 'capture.start'
  | 'capture.open'
  | 'capture.cancel'
  | 'capture.dismiss'
  | 'capture.attach'
  | 'capture.save'
  | 'capture.exchange'
  | 'capture.settings'
>;

/** The capture messages, each a thin call into the service (validation already happened in the router). */
export function createCaptureHandlers(service: CaptureService): CaptureHandlers {
  return {
    'capture.state': () => service.view(),
    'capture.start': ({ draft, source }) => service.start(draft, dropUndefined(source) as StartSource),
    'capture.open': ({ pendingId, incognito }) => service.open(pendingId, incognito),
    'capture.cancel': async ({ pendingId }) => {
      await service.cancel(pendingId);
      return null;
    },
    'capture.dismiss': async ({ captureId }) => {
      await service.dismiss(captureId);
      return null;
    },
    'capture.attach': ({ captureId, pendingId }) => service.attach(captureId, pendingId),
    'capture.save': ({ pendingId, resultUrl }) => service.save(pendingId, resultUrl),
    'capture.exchange': ({ pendingId, clientId, clientSecret }) =>
      service.exchange(pendingId, dropUndefined({ clientId, clientSecret })),
    'capture.settings': (patch) => service.setSettings(dropUndefined(patch)),
  };
}

/** zod's optional keys come back as `key: undefined`; exactOptionalPropertyTypes-style callers want them gone. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
