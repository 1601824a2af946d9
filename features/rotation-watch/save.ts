import { kindOfHost, marketplacesOfHost, regionOfHost } from '../amazon/hosts';
import { addDays, PREVIOUS_SECRET_GRACE_DAYS } from '../deadlines/rules';
import { rotatedMetaPatch, rotatedSecretsPatch, rotateSecret } from '../entries/rotate';
import type { EntryInputMeta } from '../entries/protocol';
import type { EntryMeta, EntrySecrets } from '../vault/schema';
import type { VaultService } from '../vault/vault';
import type { NewEntryInput } from './protocol';
import type { Sighting } from './sightings';

export type SaveVault = Pick<VaultService, 'listEntries' | 'modifyEntry' | 'createEntry' | 'appendEvent'>;

export type SaveResult =
  | { state: 'saved'; entryId: string; alias: string; rotated: boolean }
  | { state: 'needs-entry' };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The entry a sighting belongs to: the first (alias order) with the same LWA client id. */
export async function matchingEntry(vault: Pick<VaultService, 'listEntries'>, clientId: string | undefined): Promise<EntryMeta | undefined> {
  if (clientId === undefined) return undefined;
  return (await vault.listEntries()).entries.find((e) => e.clientId === clientId);
}

/**
 * Stores a sighted secret (the vault must be unlocked):
 * - into the entry with its client id, by the two-slot rule (`rotateSecret`): the vault's current secret becomes
 *   the previous one, whatever the page says it showed before (the page may lie: its "previous" only ever fills
 *   the previous slot of an entry that had none, see `pageNoted`); the secret leaving the previous slot is kept
 *   in the entry's sealed `retiredSecrets`;
 * - or into a new entry built from `newEntry` (and the host), when none matches; otherwise 'needs-entry'.
 * Events: "rotated (seen on <host>)" when the secret changed; creating logs its own "created".
 */
export async function saveSighting(
  vault: SaveVault,
  sighting: Sighting,
  newEntry: NewEntryInput | undefined,
  now: number,
): Promise<SaveResult> {
  const entry = await matchingEntry(vault, sighting.clientId);
  const detail = `seen on ${sighting.host}`;
  const statedExpiresAt = plausibleStatedExpiry(sighting.statedDate, now);
  const previous = sighting.previousSecret !== sighting.secret ? sighting.previousSecret : undefined;

  if (!entry) {
    if (!newEntry) return { state: 'needs-entry' };
    const meta: EntryInputMeta = {
      ...newEntryMeta(sighting, newEntry),
      secretIssuedAt: now,
      ...(statedExpiresAt !== undefined ? { secretExpiresAt: statedExpiresAt } : {}),
      ...(previous ? { previousSecretExpiresAt: addDays(now, PREVIOUS_SECRET_GRACE_DAYS) } : {}),
    };
    const created = await vault.createEntry(meta, {
      clientSecret: sighting.secret,
      ...(previous ? { previousClientSecret: previous } : {}),
    });
    if (sighting.afterRotateClick) await vault.appendEvent({ entryId: created.id, type: 'rotated', detail });
    return { state: 'saved', entryId: created.id, alias: created.alias, rotated: true };
  }

  // Decided on the vault's write queue against the entry as stored now: a rotation or notification meanwhile is seen.
  let rotated = false;
  const saved = await vault.modifyEntry(entry.id, ({ meta, secrets }) => {
    const result = rotateSecret(meta, pageNoted(secrets, previous), { newSecret: sighting.secret, now, statedExpiresAt });
    rotated = result.rotated;
    if (!result.rotated) return undefined;
    return {
      meta: rotatedMetaPatch(result.meta),
      secrets: rotatedSecretsPatch(result.secrets),
      events: [{ type: 'rotated', detail }],
    };
  });
  return { state: 'saved', entryId: entry.id, alias: saved.alias, rotated };
}

/**
 * The entry's secrets before the rotation, as far as the page may shape them: the page's "secret shown before"
 * counts only when it equals the vault's current one (then the two-slot rule moves it anyway), or when the entry
 * holds no secret at all (nothing is displaced). Anything else the page says is ignored.
 */
export function pageNoted(secrets: EntrySecrets, pagePrevious: string | undefined): EntrySecrets {
  return secrets.clientSecret === undefined && pagePrevious !== undefined ? { ...secrets, clientSecret: pagePrevious } : secrets;
}

/**
 * A date the page stated beside a new secret counts as its expiry only when it is plausible for one: at least
 * 30 days and at most 200 days ahead (a date still showing the *old* secret's deadline fails the first test).
 */
export function plausibleStatedExpiry(stated: number | undefined, now: number): number | undefined {
  if (stated === undefined) return undefined;
  return stated >= now + 30 * DAY_MS && stated <= now + 200 * DAY_MS ? stated : undefined;
}

/** Prefill for a new entry: kind and region from the console host, an alias naming the app by its client id. */
export function suggestNewEntry(host: string, clientId: string | undefined): { alias: string; kind: 'seller' | 'vendor'; region: 'NA' | 'EU' | 'FE' } {
  const kind = kindOfHost(host) ?? 'seller';
  const region = regionOfHost(host) ?? 'NA';
  const markets = marketplacesOfHost(host);
  const where = markets.length === 1 ? markets[0]!.code : region;
  const console = kind === 'vendor' ? 'Vendor Central' : 'Seller Central';
  const suffix = clientId ? ` …${clientId.slice(-6)}` : '';
  return { alias: `${console} ${where} app${suffix}`, kind, region };
}

function newEntryMeta(sighting: Sighting, input: NewEntryInput): EntryInputMeta {
  const markets = marketplacesOfHost(sighting.host, input.kind);
  const shopCtrlUrl = input.shopCtrlUrl || undefined;
  return {
    alias: input.alias,
    kind: input.kind,
    region: input.region,
    environment: 'production',
    connector: shopCtrlUrl ? (input.kind === 'vendor' ? 'shopctrl-1p' : 'shopctrl-3p') : 'other',
    ...(markets.length === 1 && markets[0]!.region === input.region ? { marketplace: markets[0]!.code } : {}),
    ...(sighting.clientId ? { clientId: sighting.clientId } : {}),
    ...(shopCtrlUrl ? { shopCtrlUrl } : {}),
  };
}
