/**
 * Every outcome of a credential check: its plain words, what to do next (shown in the entry and its history), and
 * whether it says the credential does not work now (`failing`: the badge's "check failing" level). Could not reach
 * Amazon and an unusable answer say nothing about the credential itself.
 */
export const CHECK_OUTCOMES = {
  working: { label: 'working', next: 'none', failing: false },
  'secret-rejected': { label: 'secret rejected', next: 'rotate', failing: true },
  'authorization-lapsed': { label: 'authorization lapsed', next: 'renew', failing: true },
  'secret-expired': { label: 'SP-API says the secret expired', next: 'rotate', failing: true },
  'not-authorized': { label: 'not authorized for this operation', next: 'roles', failing: true },
  unreachable: { label: 'could not reach Amazon', next: 'retry', failing: false },
  'bad-answer': { label: 'unusable answer', next: 'retry', failing: false },
} as const satisfies Record<string, { label: string; next: 'none' | 'rotate' | 'renew' | 'retry' | 'roles'; failing: boolean }>;

export type CheckOutcome = keyof typeof CHECK_OUTCOMES;
