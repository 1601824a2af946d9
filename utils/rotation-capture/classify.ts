import { classifyFinding } from '../detect/rotation-clicks';
import type { EntryMeta, EntrySecrets } from '../vault/schema';
import type { ReportStatus } from './protocol';

/** What the background knows when a secret is reported. `secretsOf` is only called while unlocked. */
export interface VaultKnowledge {
  locked: boolean;
  /** Entry metadata (readable while locked), in the vault's alias order. */
  entries: readonly EntryMeta[];
  secretsOf(entryId: string): Promise<Pick<EntrySecrets, 'clientSecret' | 'previousClientSecret'> | undefined>;
}

export interface ReportFacts {
  secret: string;
  clientId?: string | undefined;
  rotateClickedAt?: number | undefined;
}

/** Unpaired secrets are compared with every entry's secret only up to this many entries (each is a decrypt). */
export const MAX_UNPAIRED_COMPARISONS = 200;

/**
 * Is this sighting worth a panel? The rules of `classifyFinding` (a Rotate click shortly before; or a vault
 * secret for this client id that differs; equal means up to date), plus what only the background can know:
 * - a secret equal to the entry's *previous* secret is an old one still on screen: ignored;
 * - an entry with this client id but no secret yet: new (the vault is missing it);
 * - locked: a Rotate click still makes it new; otherwise, if the vault has this app, nobody can tell ('locked').
 */
export async function classifyReport(report: ReportFacts, vault: VaultKnowledge, now: number): Promise<ReportStatus> {
  const { secret, clientId } = report;
  const matches = clientId === undefined ? [] : vault.entries.filter((e) => e.clientId === clientId);
  const clicked = classifyFinding({ secret }, { now, rotateClickedAt: report.rotateClickedAt, seenBefore: new Set() }) === 'new';

  if (vault.locked) {
    if (clicked) return 'new';
    return matches.length > 0 ? 'locked' : 'ignored';
  }

  const currents: string[] = [];
  let missingSecret = false;
  const candidates = clientId !== undefined ? matches : vault.entries.slice(0, MAX_UNPAIRED_COMPARISONS);
  for (const entry of candidates) {
    const secrets = await vault.secretsOf(entry.id);
    if (!secrets) continue;
    if (secrets.previousClientSecret === secret && secrets.clientSecret !== secret) return 'ignored';
    if (secrets.clientSecret !== undefined) currents.push(secrets.clientSecret);
    else if (clientId !== undefined) missingSecret = true;
  }
  // Duplicates of one client id: an equal secret among them means up to date, else the first one decides.
  const knownSecrets = new Map<string, string>();
  if (clientId !== undefined && currents.length > 0) knownSecrets.set(clientId, currents.includes(secret) ? secret : currents[0]!);
  if (clientId === undefined) currents.forEach((s, i) => knownSecrets.set(`#${i}`, s));
  const status = classifyFinding(
    { secret, clientId },
    { now, rotateClickedAt: report.rotateClickedAt, knownSecrets, seenBefore: new Set() },
  );
  if (status === 'seen') return missingSecret ? 'new' : 'ignored';
  return status;
}
