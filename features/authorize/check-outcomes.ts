import type { CheckOutcome } from '../vault/schema';

/** The outcome of a credential check in plain words, and what to do next (shown in the entry and its history). */
export const CHECK_OUTCOMES: Record<CheckOutcome, { label: string; next: 'none' | 'rotate' | 'renew' | 'retry' | 'roles'; failing: boolean }> = {
  working: { label: 'working', next: 'none', failing: false },
  'secret-rejected': { label: 'secret rejected', next: 'rotate', failing: true },
  'authorization-lapsed': { label: 'authorization lapsed', next: 'renew', failing: true },
  'secret-expired': { label: 'SP-API says the secret expired', next: 'rotate', failing: true },
  'not-authorized': { label: 'not authorized for this operation', next: 'roles', failing: true },
  'unreachable': { label: 'could not reach Amazon', next: 'retry', failing: false },
  'bad-answer': { label: 'unusable answer', next: 'retry', failing: false },
};
