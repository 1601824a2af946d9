import type { EntryMeta, EntrySecrets, EntryVersion } from '../vault/schema';
import type { BackupEntry, BackupEvent } from './format';

/**
 * How an imported entry meets this vault's copy of the same id. The newer `updatedAt` wins; the other version
 * is kept in the winner's sealed history, so an import never loses a secret. Pure: the caller reads and writes.
 */

export type LocalEntry =
  | { state: 'absent' }
  /** The record exists but fails its schema or cannot be decrypted. */
  | { state: 'damaged' }
  | { state: 'present'; meta: EntryMeta; secrets: EntrySecrets; events: readonly BackupEvent[] };

export type MergeOutcome = 'added' | 'updated' | 'kept' | 'unchanged' | 'repaired';

export interface EntryWrite {
  id: string;
  meta: EntryMeta;
  secrets: EntrySecrets;
  /** Events to append, oldest first. */
  events: BackupEvent[];
}

export interface MergeResult {
  outcome: MergeOutcome;
  /** Absent when nothing needs writing. */
  write?: EntryWrite;
}

export type ImportCounts = Record<MergeOutcome, number>;

export const REPLACED_BY_IMPORT = 'replaced-by-import';
export const OLDER_IN_IMPORT = 'older-in-import';

export function mergeEntry(local: LocalEntry, imported: BackupEntry, now: number): MergeResult {
  const id = imported.meta.id;
  const importedEvents = sortByTime(imported.events);
  if (local.state === 'absent') {
    const events = [...importedEvents, importedEvent(now, 'restored from a backup')];
    return { outcome: 'added', write: { id, meta: imported.meta, secrets: imported.secrets, events } };
  }
  if (local.state === 'damaged') {
    const events = [...importedEvents, importedEvent(now, 'the damaged record was replaced by its copy from a backup')];
    return { outcome: 'repaired', write: { id, meta: imported.meta, secrets: imported.secrets, events } };
  }

  const localPrint = fingerprint(local.meta, local.secrets);
  const importedPrint = fingerprint(imported.meta, imported.secrets);
  const newEvents = missingEvents(local.events, importedEvents);

  let outcome: MergeOutcome;
  let winner: { meta: EntryMeta; secrets: EntrySecrets };
  let loser: EntryVersion | undefined;
  if (localPrint === importedPrint) {
    outcome = 'unchanged';
    winner = local;
  } else if (imported.meta.updatedAt > local.meta.updatedAt) {
    outcome = 'updated';
    winner = imported;
    loser = versionOf(local, now, REPLACED_BY_IMPORT);
  } else {
    outcome = 'kept'; // equal times with different content also keep ours: never replace on a tie
    winner = local;
    loser = versionOf(imported, now, OLDER_IN_IMPORT);
  }

  const winnerPrint = fingerprint(winner.meta, winner.secrets);
  const history = mergeHistories(winnerPrint, [local.secrets.history, imported.secrets.history, loser ? [loser] : []]);
  const nothingNew = outcome !== 'updated' && !gainsVersions(local.secrets.history, history) && newEvents.length === 0;
  // An older import already kept in history (the same file imported again) is nothing new either.
  if (nothingNew) return { outcome: 'unchanged' };
  const secrets = withHistory(winner.secrets, history);
  const detail = {
    updated: 'replaced by a newer version from a backup; the version it replaced is kept in its history',
    kept: 'a backup held an older version; it is kept in this entry’s history',
    unchanged: 'history merged from a backup',
  }[outcome];
  return { outcome, write: { id, meta: winner.meta, secrets, events: [...newEvents, importedEvent(now, detail)] } };
}

/** "3 added, 2 updated, 1 kept older version in history, 4 already up to date". */
export function describeImport(counts: ImportCounts): string {
  const parts = [
    counts.added && `${counts.added} added`,
    counts.updated && `${counts.updated} updated`,
    counts.kept && `${counts.kept} kept older version in history`,
    counts.repaired && `${counts.repaired} damaged ${counts.repaired === 1 ? 'entry' : 'entries'} restored`,
    counts.unchanged && `${counts.unchanged} already up to date`,
  ].filter(Boolean);
  return parts.length === 0 ? 'The backup holds no entries; nothing changed.' : `${parts.join(', ')}.`;
}

export function emptyCounts(): ImportCounts {
  return { added: 0, updated: 0, kept: 0, unchanged: 0, repaired: 0 };
}

/** Identity of a version: metadata and secret fields, not its history. Key order does not matter. */
export function fingerprint(meta: EntryMeta, secrets: EntrySecrets | Record<string, string>): string {
  return canonicalJson({ meta, secrets: secretFields(secrets) });
}

function versionOf(entry: { meta: EntryMeta; secrets: EntrySecrets }, keptAt: number, reason: string): EntryVersion {
  return { keptAt, reason, meta: entry.meta, secrets: secretFields(entry.secrets) };
}

/** Union of histories without duplicates and without the winner itself, newest version first. */
function mergeHistories(winnerPrint: string, lists: ReadonlyArray<readonly EntryVersion[] | undefined>): EntryVersion[] {
  const seen = new Set([winnerPrint]);
  const merged: EntryVersion[] = [];
  for (const list of lists) {
    for (const version of list ?? []) {
      const print = fingerprint(version.meta, version.secrets);
      if (seen.has(print)) continue;
      seen.add(print);
      merged.push(version);
    }
  }
  return merged.sort((a, b) => b.meta.updatedAt - a.meta.updatedAt || b.keptAt - a.keptAt);
}

function gainsVersions(before: readonly EntryVersion[] | undefined, after: readonly EntryVersion[]): boolean {
  const known = new Set((before ?? []).map((v) => fingerprint(v.meta, v.secrets)));
  return after.some((v) => !known.has(fingerprint(v.meta, v.secrets)));
}

function withHistory(secrets: EntrySecrets, history: EntryVersion[]): EntrySecrets {
  const { history: _old, ...rest } = secrets;
  return history.length > 0 ? { ...rest, history } : rest;
}

function secretFields(secrets: EntrySecrets | Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(secrets)) if (key !== 'history' && typeof value === 'string') fields[key] = value;
  return fields;
}

function eventKey(event: BackupEvent): string {
  return `${event.at}\u0000${event.type}\u0000${event.detail ?? ''}`;
}

function missingEvents(local: readonly BackupEvent[], imported: readonly BackupEvent[]): BackupEvent[] {
  const seen = new Set(local.map(eventKey));
  return imported.filter((event) => !seen.has(eventKey(event)));
}

function sortByTime(events: readonly BackupEvent[]): BackupEvent[] {
  return [...events].sort((a, b) => a.at - b.at);
}

function importedEvent(at: number, detail: string): BackupEvent {
  return { at, type: 'imported', detail };
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
