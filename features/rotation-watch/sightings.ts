import { oneAtATime } from '../../platform/one-at-a-time';
import type { NewEntryInput, ShopCtrlOutcome } from './protocol';

/**
 * A client secret a content script reported, as the background keeps it while the panel is open. Held in
 * `storage.session` (memory only, not readable by content scripts) so a restarted service worker still
 * knows it, and dropped after `SIGHTING_TTL_MS`: a pending save completes only if the vault is unlocked
 * within that time.
 */
export interface Sighting {
  id: string;
  tabId: number;
  /** The console host the secret was seen on (from the sender, not from the page). */
  host: string;
  secret: string;
  clientId?: string;
  statedDate?: number;
  /** The secret the page showed for this client id before this one (a rotation on the page). */
  previousSecret?: string;
  afterRotateClick: boolean;
  at: number;
  /** One-time: the content script hands it to its panel frame, which claims it once (`rotationWatch.claim`). */
  token: string;
  /** The frame (`sender.frameId`) that claimed the token: the only one that may act on this sighting. */
  claimedBy?: number;
  /** Save asked for while the vault was locked or not created yet: completes when it is unlocked. */
  pendingSave?: { newEntry?: NewEntryInput };
  saved?: { entryId: string; alias: string; at: number };
  shopCtrl?: ShopCtrlOutcome;
}

export const SIGHTING_TTL_MS = 30 * 60 * 1000;
export const MAX_SIGHTINGS = 40;
export const MAX_SIGHTINGS_PER_TAB = 12;

/** Where the sightings are kept (a storage item in the extension, a variable in tests). */
export interface SightingStorage {
  get(): Promise<Record<string, Sighting>>;
  set(value: Record<string, Sighting>): Promise<void>;
}

export interface SightingStore {
  get(id: string): Promise<Sighting | undefined>;
  add(sighting: Sighting): Promise<void>;
  /** Applies `change` to the stored sighting (if still there) and stores the result. */
  update(id: string, change: (s: Sighting) => Sighting): Promise<Sighting | undefined>;
  all(): Promise<Sighting[]>;
}

/** Serialized read-modify-write over `storage`, pruning expired sightings and capping how many are kept. */
export function createSightingStore(storage: SightingStorage, now: () => number): SightingStore {
  const exclusive = oneAtATime();
  const live = async (): Promise<Record<string, Sighting>> => prune(await storage.get(), now());

  return {
    get: (id) => exclusive(async () => (await live())[id]),
    add: (sighting) =>
      exclusive(async () => {
        const all = await live();
        all[sighting.id] = sighting;
        await storage.set(cap(all));
      }),
    update: (id, change) =>
      exclusive(async () => {
        const all = await live();
        const current = all[id];
        if (!current) return undefined;
        const next = change(current);
        all[id] = next;
        await storage.set(all);
        return next;
      }),
    all: () => exclusive(async () => Object.values(await live())),
  };
}

function prune(all: Record<string, Sighting>, now: number): Record<string, Sighting> {
  return Object.fromEntries(Object.entries(all).filter(([, s]) => now - s.at < SIGHTING_TTL_MS));
}

/** Oldest first out, per tab and overall; a sighting waiting for an unlock is kept over a plain one. */
function cap(all: Record<string, Sighting>): Record<string, Sighting> {
  const byAge = Object.values(all).sort((a, b) => keepScore(b) - keepScore(a) || b.at - a.at);
  const perTab = new Map<number, number>();
  const kept: Sighting[] = [];
  for (const s of byAge) {
    const n = perTab.get(s.tabId) ?? 0;
    if (n >= MAX_SIGHTINGS_PER_TAB || kept.length >= MAX_SIGHTINGS) continue;
    perTab.set(s.tabId, n + 1);
    kept.push(s);
  }
  return Object.fromEntries(kept.map((s) => [s.id, s]));
}

function keepScore(s: Sighting): number {
  return s.pendingSave && !s.saved ? 1 : 0;
}
