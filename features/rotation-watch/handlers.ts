import { oneAtATime } from '../../platform/one-at-a-time';
import { kindOfHost } from '../amazon/hosts';
import { VaultError } from '../../platform/errors';
import type { Handlers } from '../../platform/router';
import { ROTATION_WINDOW_MS } from './scan/rotation-clicks';
import { answerFor } from './answers';
import type { NewEntryInput, SaveOutcome, ShopCtrlOutcome, SightingView } from './protocol';
import { matchingEntry, saveSighting, suggestNewEntry } from './save';
import type { Sighting, SightingStore } from './sightings';
import type { SenderLike, SenderRole } from '../../platform/sender';
import type { PageFillRequest } from '../shopctrl/in-page';
import { handOffToShopCtrl, type ShopCtrlTabs } from '../shopctrl/send';
import { parseShopCtrlUrl, shopCtrlDirections } from '../shopctrl/url';
import type { CheckOutcome } from '../authorize/check-outcomes';
import type { EntryMeta } from '../vault/schema';
import type { VaultService } from '../vault/vault';

/**
 * The background side of the rotation watch. The router has already checked the message (zod) and that the
 * sender is at least content-level; these handlers also check *which* content-level sender it is:
 * - `rotationWatch.report` only from a content script (a page URL on an Amazon console host); it learns a one-time
 *   token and nothing about the vault (same reply whatever the vault holds);
 * - `rotationWatch.claim` only from the panel page (`/panel.html`, an extension frame a page cannot script or click
 *   for the user) in the same tab, once per token; every action after that only from the frame that claimed it.
 * No stored secret ever goes back to either: the panel learns the answer and the entry's alias.
 */

export interface RotationWatchDeps {
  vault: VaultService;
  sightings: SightingStore;
  shopCtrl: ShopCtrlTabs;
  now: () => number;
  newId: () => string;
  /** The credential check (features/authorize): a refresh-token grant with the entry's current secret. */
  checkSaved: (entryId: string) => Promise<{ outcome?: CheckOutcome; message: string }>;
  /** How long the ShopCtrl page may take to show its fields after loading. */
  shopCtrlWaitMs?: number;
  /** How long the ShopCtrl tab may take to load (and reload) before giving up. */
  shopCtrlLoadTimeoutMs?: number;
}

type SightingHandlers = Pick<
  Handlers,
  | 'rotationWatch.report'
  | 'rotationWatch.claim'
  | 'rotationWatch.view'
  | 'rotationWatch.copy'
  | 'rotationWatch.save'
  | 'rotationWatch.setShopCtrlUrl'
  | 'rotationWatch.sendToShopCtrl'
  | 'rotationWatch.check'
>;

export interface RotationWatchHandlers {
  handlers: SightingHandlers;
  /** Saves asked for while the vault was locked; call when it has been unlocked. */
  completePendingSaves(): Promise<void>;
}

const OUTDATED = 'This LWA Vault panel is out of date. Reload the page to see the secret again.';

export function createRotationWatchHandlers(deps: RotationWatchDeps): RotationWatchHandlers {
  const { vault, sightings, now } = deps;

  // Saves run one at a time: a click, the unlock watcher and a panel refresh may all try at once.
  const exclusive = oneAtATime();
  // Whether a save may be waiting for the unlock: set when one is queued, and at start (a restarted worker has
  // not looked). While it is false and no run is under way, a card's view skips the queued saves altogether.
  let mayWait = true;
  let running: Promise<void> | undefined;

  const vaultState = async (): Promise<SightingView['vault']> => {
    const status = await vault.status();
    return !status.exists ? 'missing' : status.unlocked ? 'unlocked' : 'locked';
  };

  /** Saves now (vault unlocked); records the result on the sighting. */
  const saveNow = (id: string, newEntry: NewEntryInput | undefined): Promise<SaveOutcome> =>
    exclusive(async () => {
      const sighting = await sightings.get(id);
      if (!sighting) throw new VaultError('not-found', OUTDATED);
      if (sighting.saved) return { state: 'saved', alias: sighting.saved.alias, rotated: false };
      const result = await saveSighting(vault, sighting, newEntry ?? sighting.pendingSave?.newEntry, now());
      if (result.state === 'needs-entry') {
        await sightings.update(id, ({ pendingSave: _, ...rest }) => rest);
        return result;
      }
      const saved = { entryId: result.entryId, alias: result.alias, at: now() };
      await sightings.update(id, ({ pendingSave: _, ...rest }) => ({ ...rest, saved }));
      return { state: 'saved', alias: result.alias, rotated: result.rotated };
    });

  const save = async (sighting: Sighting, newEntry: NewEntryInput | undefined): Promise<SaveOutcome> => {
    if (sighting.saved) return { state: 'saved', alias: sighting.saved.alias, rotated: false };
    const state = await vaultState();
    if (state === 'missing') {
      // A fresh install: the entry is described now, the save completes once the first-run screen made the vault.
      const described = newEntry ?? sighting.pendingSave?.newEntry;
      if (!described) return { state: 'needs-entry' };
      await sightings.update(sighting.id, (s) => ({ ...s, pendingSave: { newEntry: described } }));
      mayWait = true;
      return { state: 'pending-first-run' };
    }
    if (state === 'locked') {
      await sightings.update(sighting.id, (s) => ({ ...s, pendingSave: newEntry ? { newEntry } : (s.pendingSave ?? {}) }));
      mayWait = true;
      return { state: 'pending-unlock' };
    }
    return saveNow(sighting.id, newEntry);
  };

  // Many cards ask at once: a recent list answers them (every vault write drops it).
  const recentEntries = { listEntries: () => vault.listEntries({ recent: true }) };
  const entryOf = async (sighting: Sighting): Promise<EntryMeta | undefined> => {
    if (sighting.saved) {
      const saved = (await recentEntries.listEntries()).entries.find((e) => e.id === sighting.saved!.entryId);
      if (saved) return saved;
    }
    return matchingEntry(recentEntries, sighting.clientId);
  };

  const sendToShopCtrl = async (sighting: Sighting): Promise<ShopCtrlOutcome> => {
    const entry = await entryOf(sighting);
    if (!entry) return { state: 'needs-entry' };
    const settings = entry.shopCtrlUrl ? parseShopCtrlUrl(entry.shopCtrlUrl) : undefined;
    if (!settings) return { state: 'needs-url' };
    // One click keeps vault and ShopCtrl in step: save first (or queue the save until the unlock).
    const state = await vaultState();
    if (state !== 'missing') await save(sighting, undefined);
    const secrets = state === 'unlocked' ? (await vault.getEntry(entry.id)).secrets : undefined;
    const request: PageFillRequest = {
      clientSecret: sighting.secret,
      extras: { clientId: entry.clientId, refreshToken: secrets?.refreshToken, vendorCode: secrets?.sellingPartnerId },
      waitMs: deps.shopCtrlWaitMs ?? 6000,
      directions: shopCtrlDirections(entry.kind),
    };
    let outcome: ShopCtrlOutcome;
    try {
      const { result } = await handOffToShopCtrl(deps.shopCtrl, settings, request, deps.shopCtrlLoadTimeoutMs, now);
      outcome = result.present
        ? { state: 'filled', host: settings.host, filled: result.filled, unchanged: result.unchanged, offered: result.offered }
        : { state: 'no-section', host: settings.host, directions: request.directions };
    } catch {
      outcome = { state: 'failed', message: `LWA Vault could not fill the ShopCtrl page on ${settings.host}. Is the tab still open and logged in?` };
    }
    if (outcome.state === 'filled') {
      const what = outcome.filled.length ? 'LWA Client Secret filled' : 'LWA Client Secret already current';
      await vault.appendEvent({ entryId: entry.id, type: 'sent-to-shopctrl', detail: `${what} on ${settings.host}` });
    }
    await sightings.update(sighting.id, (s) => ({ ...s, shopCtrl: outcome }));
    return outcome;
  };

  const tabOf = (sender: SenderLike): number | undefined => sender.tab?.id;
  const fromPage = (role: SenderRole, sender: SenderLike): { host: string; tabId: number } => {
    const tabId = tabOf(sender);
    if (role !== 'page' || tabId === undefined) throw new VaultError('forbidden', 'Only the page itself reports secrets.');
    return { host: new URL(sender.url!).hostname, tabId };
  };
  /** The panel's own sighting: one reported from the tab the panel is framed into, claimed by this frame. */
  const own = async (role: SenderRole, sender: SenderLike, id: string): Promise<Sighting> => {
    const tabId = tabOf(sender);
    if (role !== 'panel' || tabId === undefined) throw new VaultError('forbidden', 'Only the LWA Vault panel may do that.');
    const sighting = await sightings.get(id);
    if (!sighting || sighting.tabId !== tabId || sighting.claimedBy !== sender.frameId) throw new VaultError('not-found', OUTDATED);
    return sighting;
  };

  /** One run for every caller that asks while it is under way (the unlock watcher and all the cards' views). */
  function completePendingSaves(): Promise<void> {
    running ??= (async () => {
      if ((await vaultState()) !== 'unlocked') return;
      mayWait = false; // before the read: a save queued after it sets it again
      for (const sighting of await sightings.all()) {
        if (sighting.pendingSave && !sighting.saved) {
          await saveNow(sighting.id, undefined).catch(() => {
            mayWait = true;
          });
        }
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    handlers: {
      'rotationWatch.report': async ({ data: report, role, sender }) => {
        const { host, tabId } = fromPage(role, sender);
        const at = now();
        const sinceClick = report.rotateClickedAt === undefined ? -1 : at - report.rotateClickedAt;
        const sighting: Sighting = {
          id: deps.newId(),
          token: deps.newId(),
          tabId,
          host,
          secret: report.secret,
          afterRotateClick: sinceClick >= 0 && sinceClick <= ROTATION_WINDOW_MS,
          at,
          ...(report.clientId ? { clientId: report.clientId } : {}),
          ...(report.statedDate !== undefined ? { statedDate: report.statedDate } : {}),
          ...(report.previousSecret && report.previousSecret !== report.secret ? { previousSecret: report.previousSecret } : {}),
        };
        await sightings.add(sighting);
        return { token: sighting.token };
      },

      'rotationWatch.claim': async ({ data: { token }, role, sender }) => {
        const tabId = tabOf(sender);
        if (role !== 'panel' || tabId === undefined || sender.frameId === undefined) {
          throw new VaultError('forbidden', 'Only the LWA Vault panel may do that.');
        }
        const frameId = sender.frameId;
        const match = (await sightings.all()).find((s) => s.token === token && s.tabId === tabId && s.claimedBy === undefined);
        if (!match) throw new VaultError('not-found', OUTDATED);
        const claimed = await sightings.update(match.id, (s) => (s.claimedBy === undefined ? { ...s, claimedBy: frameId } : s));
        if (claimed?.claimedBy !== frameId) throw new VaultError('not-found', OUTDATED);
        return { id: match.id };
      },

      'rotationWatch.view': async ({ data: { id }, role, sender }) => {
        let sighting = await own(role, sender, id);
        const state = await vaultState();
        // Saves waiting for the unlock change every card's answer (the old secret becomes the previous one), and
        // the unlock watcher may not have run yet: they complete before any card is answered.
        if (running || (mayWait && state === 'unlocked')) {
          await completePendingSaves();
          sighting = await own(role, sender, id);
        }
        const entries = (await recentEntries.listEntries()).entries;
        const { answer, entry: about } = await answerFor(
          { secret: sighting.secret, clientId: sighting.clientId, rotationSeen: sighting.afterRotateClick || sighting.previousSecret !== undefined },
          { state, entries, secretsOf: (entryId) => vault.getEntry(entryId).then((v) => v.secrets, () => undefined) },
        );
        const entry = (sighting.saved && entries.find((e) => e.id === sighting.saved!.entryId)) || about || (await entryOf(sighting));
        const shopCtrlHost = entry?.shopCtrlUrl ? parseShopCtrlUrl(entry.shopCtrlUrl)?.host : undefined;
        const previousUntil = answer === 'previous' ? entry?.previousSecretExpiresAt : undefined;
        return {
          answer,
          ...(previousUntil !== undefined ? { previousDaysLeft: Math.max(0, Math.ceil((previousUntil - now()) / DAY_MS)) } : {}),
          host: sighting.host,
          kind: kindOfHost(sighting.host) ?? 'seller',
          ...(sighting.clientId ? { clientId: sighting.clientId } : {}),
          ...(sighting.statedDate !== undefined ? { statedDate: sighting.statedDate } : {}),
          afterRotateClick: sighting.afterRotateClick,
          hasPrevious: sighting.previousSecret !== undefined,
          vault: state,
          ...(entry ? { entry: { alias: entry.alias, ...(shopCtrlHost ? { shopCtrlHost } : {}) } } : {}),
          suggestion: suggestNewEntry(sighting.host, sighting.clientId),
          save: sighting.saved ? 'saved' : sighting.pendingSave ? (state === 'missing' ? 'pending-first-run' : 'pending-unlock') : 'not-saved',
          ...(sighting.saved ? { savedAlias: sighting.saved.alias } : {}),
          ...(sighting.shopCtrl ? { shopCtrl: sighting.shopCtrl } : {}),
        };
      },

      'rotationWatch.copy': async ({ data: { id }, role, sender }) => {
        const sighting = await own(role, sender, id);
        const entry = await entryOf(sighting);
        if (entry) {
          await vault.appendEvent({ entryId: entry.id, type: 'copied', detail: `new client secret copied on ${sighting.host}` });
        }
        return { secret: sighting.secret };
      },

      'rotationWatch.save': async ({ data: { id, newEntry }, role, sender }) => {
        const sighting = await own(role, sender, id);
        if (newEntry?.shopCtrlUrl && !parseShopCtrlUrl(newEntry.shopCtrlUrl)) throw new VaultError('bad-request', NOT_SHOPCTRL);
        return save(sighting, newEntry);
      },

      'rotationWatch.setShopCtrlUrl': async ({ data: { id, url }, role, sender }) => {
        const sighting = await own(role, sender, id);
        const settings = parseShopCtrlUrl(url);
        if (!settings) throw new VaultError('bad-request', NOT_SHOPCTRL);
        const entry = await entryOf(sighting);
        if (!entry) throw new VaultError('not-found', 'Save the secret to an entry first; the ShopCtrl address belongs to the entry.');
        await vault.updateEntry(entry.id, { shopCtrlUrl: settings.href }, {});
        return { host: settings.host };
      },

      'rotationWatch.check': async ({ data: { id }, role, sender }) => {
        const sighting = await own(role, sender, id);
        if (!sighting.saved) throw new VaultError('bad-request', 'Save the secret to an entry first; then LWA Vault can check it.');
        const { outcome, message } = await deps.checkSaved(sighting.saved.entryId);
        return outcome === undefined ? { message } : { outcome, message };
      },

      'rotationWatch.sendToShopCtrl': async ({ data: { id }, role, sender }) => sendToShopCtrl(await own(role, sender, id)),
    },

    completePendingSaves,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const NOT_SHOPCTRL = 'That is not a ShopCtrl address. Paste the https address of your shop settings page on <your shop>.shopctrl.com.';

