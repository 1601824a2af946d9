import type { EntryMeta, EntrySecrets } from '../vault/schema';
import type { SightingAnswer } from './protocol';

/** What the background knows when a panel asks about a sighting. `secretsOf` is only called while unlocked. */
export interface VaultKnowledge {
  state: 'missing' | 'locked' | 'unlocked';
  /** Entry metadata (readable while locked), in the vault's alias order. */
  entries: readonly EntryMeta[];
  secretsOf(entryId: string): Promise<Pick<EntrySecrets, 'clientSecret' | 'previousClientSecret'> | undefined>;
}

export interface SightingFacts {
  secret: string;
  clientId?: string | undefined;
  /** The page showed it after a click where it appeared, or in place of another secret for the same client id. */
  rotationSeen: boolean;
}

export interface Answer {
  answer: SightingAnswer;
  /** The entry the answer is about (up-to-date, previous, new). */
  entry?: EntryMeta;
}

/** Unpaired secrets are compared with every entry's secret only up to this many entries (each is a decrypt). */
export const MAX_UNPAIRED_COMPARISONS = 200;

/**
 * The answer for one sighted secret, decided from the vault alone (plus whether the page showed a rotation):
 * the vault's current secret → up-to-date; its previous one → previous; an entry with this client id but
 * another or no secret → new; no such entry → new when the page showed a rotation, else the offer to save.
 * An unpaired secret (no client id beside it) is looked for among the entries' secrets.
 */
export async function answerFor(facts: SightingFacts, vault: VaultKnowledge): Promise<Answer> {
  const { secret, clientId } = facts;
  const unknown: Answer = { answer: facts.rotationSeen ? 'new' : 'offer' };
  if (vault.state === 'missing') return unknown;
  const matches = clientId === undefined ? [] : vault.entries.filter((e) => e.clientId === clientId);
  if (vault.state === 'locked') return clientId === undefined || matches.length > 0 ? { answer: 'locked' } : unknown;

  const candidates = clientId !== undefined ? matches : vault.entries.slice(0, MAX_UNPAIRED_COMPARISONS);
  let previous: EntryMeta | undefined;
  for (const entry of candidates) {
    const secrets = await vault.secretsOf(entry.id);
    if (secrets?.clientSecret === secret) return { answer: 'up-to-date', entry };
    if (secrets?.previousClientSecret === secret) previous ??= entry;
  }
  if (previous) return { answer: 'previous', entry: previous };
  return matches[0] ? { answer: 'new', entry: matches[0] } : unknown;
}
