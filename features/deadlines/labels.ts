import type { DeadlineKind } from './countdown';

/** Short names of deadlines, as used in the badge tooltip. */
export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  secret: 'secret',
  'previous-secret': 'previous secret',
  authorization: 'authorization',
  'result-code': 'Result URL code',
};
