import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRotationWatchHandlers } from '../../../features/rotation-watch/handlers';
import type { RequestData } from '../../../platform/protocol';
import type { SenderLike } from '../../../platform/sender';
import { asSender, TEST_EXTENSION_ORIGIN as ORIGIN } from '../support/callers';
import { createSightingStore } from '../../../features/rotation-watch/sightings';
import type { PageFillResult } from '../../../features/shopctrl/in-page';
import { PASSPHRASE, rejection, setupVault, T0 } from '../vault/helpers';
import { clientId, fakeTabs, memoryStorage, secret } from './helpers';

const CONSOLE = 'https://sellercentral.amazon.com/sellingpartner/developerconsole';
const SHOP = 'https://acme.shopctrl.com:52222/Configuration/Shops/Edit/7';
const DAY = 86_400_000;

const page = (tabId = 1): SenderLike => ({ url: CONSOLE, tab: { id: tabId, url: CONSOLE } });
const panel = (tabId = 1, frameId = 7): SenderLike => ({ url: `${ORIGIN}/panel.html`, frameId, tab: { id: tabId, url: CONSOLE } });

function setup(answer?: () => PageFillResult) {
  const v = setupVault();
  const storage = memoryStorage();
  const tabs = fakeTabs(answer ? { answer } : {});
  let n = 0;
  const checked: string[] = [];
  const detect = createRotationWatchHandlers({
    vault: v.vault,
    sightings: createSightingStore(storage, () => v.clock.now),
    shopCtrl: tabs.api,
    now: () => v.clock.now,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    checkSaved: async (entryId) => {
      checked.push(entryId);
      return { outcome: 'working', message: 'Working: Amazon accepted the client id, the secret and the refresh token.' };
    },
  });
  const forPanel = (t?: number, frame?: number) => asSender(detect.handlers, panel(t, frame));
  /** A report from the page, its token claimed by the panel frame of the same tab (as the content script hands it over). */
  const sight = async (report: RequestData<'rotationWatch.report'>, tabId = 1) => {
    const { token } = await asSender(detect.handlers, page(tabId))['rotationWatch.report'](report);
    return forPanel(tabId)['rotationWatch.claim']({ token });
  };
  return { ...v, storage, tabs, detect, checked, forPage: (t?: number) => asSender(detect.handlers, page(t)), forPanel, sight };
}

type Setup = ReturnType<typeof setup>;

async function withEntry(s: Setup, extra: { shopCtrlUrl?: string; secrets?: Record<string, string> } = {}) {
  await s.vault.create(PASSPHRASE);
  const meta = await s.vault.createEntry(
    { alias: 'US seller', kind: 'seller', region: 'NA', clientId: clientId(1), ...(extra.shopCtrlUrl ? { shopCtrlUrl: extra.shopCtrlUrl } : {}) },
    { clientSecret: secret(1), refreshToken: 'Atzr|stored-refresh', sellingPartnerId: 'A1SELLER', ...extra.secrets },
  );
  return meta.id;
}

/** A rotation seen on the page just now: the new secret 2 replacing 1. */
async function reportRotation(s: Setup, data: Partial<{ clientId: string; previousSecret: string; statedDate: number }> = {}) {
  return s.sight({
    secret: secret(2),
    clientId: clientId(1),
    rotateClickedAt: s.clock.now - 500,
    ...data,
  });
}

describe('detect handlers: who may ask what', () => {
  let s: Setup;
  beforeEach(async () => {
    s = setup();
    await withEntry(s);
  });

  it('takes reports only from the page, claims only from a panel of the same tab, actions only from the claiming frame', async () => {
    expect((await rejection(Promise.resolve(s.forPanel()['rotationWatch.report']({ secret: secret(2) })))).code).toBe('forbidden');
    const { token } = await s.forPage()['rotationWatch.report']({ secret: secret(2), clientId: clientId(1) });
    expect((await rejection(Promise.resolve(s.forPage()['rotationWatch.claim']({ token })))).code).toBe('forbidden');
    expect((await rejection(Promise.resolve(s.forPanel(2)['rotationWatch.claim']({ token })))).code).toBe('not-found');
    const { id } = await s.forPanel(1, 7)['rotationWatch.claim']({ token });
    // One-time: the same token claimed again (by this frame or a frame the page made) gives nothing.
    expect((await rejection(Promise.resolve(s.forPanel(1, 7)['rotationWatch.claim']({ token })))).code).toBe('not-found');
    expect((await rejection(Promise.resolve(s.forPanel(1, 9)['rotationWatch.claim']({ token })))).code).toBe('not-found');
    expect((await rejection(Promise.resolve(s.forPanel(1, 9)['rotationWatch.view']({ id })))).code).toBe('not-found');
    expect((await rejection(Promise.resolve(s.forPanel(1, 9)['rotationWatch.save']({ id })))).code).toBe('not-found');
    expect((await rejection(Promise.resolve(s.forPage()['rotationWatch.view']({ id })))).code).toBe('forbidden');
    expect((await rejection(Promise.resolve(s.forPage()['rotationWatch.copy']({ id })))).code).toBe('forbidden');
    expect((await rejection(Promise.resolve(s.forPanel(2)['rotationWatch.view']({ id })))).code).toBe('not-found');
    const popupLike = asSender(s.detect.handlers, { url: `${ORIGIN}/popup.html`, frameId: 7, tab: { id: 1, url: CONSOLE } });
    expect((await rejection(Promise.resolve(popupLike['rotationWatch.view']({ id })))).code).toBe('forbidden');
    expect(await s.forPanel(1, 7)['rotationWatch.view']({ id })).toMatchObject({ answer: 'new' });
  });

  it('answers the page with the same token-only reply whatever the vault holds, and never sends a stored secret', async () => {
    const upToDate = await s.forPage()['rotationWatch.report']({ secret: secret(1), clientId: clientId(1) });
    const unknown = await s.forPage()['rotationWatch.report']({ secret: secret(8), clientId: clientId(8) });
    expect(Object.keys(upToDate)).toEqual(['token']);
    expect(Object.keys(unknown)).toEqual(['token']);
    const { id } = await reportRotation(s);
    const view = await s.forPanel()['rotationWatch.view']({ id });
    const seen = JSON.stringify([upToDate, view]);
    for (const stored of [secret(1), 'Atzr|stored-refresh', 'A1SELLER']) expect(seen).not.toContain(stored);
    expect(view).toMatchObject({ answer: 'new', host: 'sellercentral.amazon.com', kind: 'seller', entry: { alias: 'US seller' }, vault: 'unlocked', save: 'not-saved' });
    // Copy hands back what the page itself showed, nothing from the vault.
    expect(await s.forPanel()['rotationWatch.copy']({ id })).toEqual({ secret: secret(2) });
  });

  it('answers every well-formed secret from the vault', async () => {
    const entryId = (await s.vault.listEntries()).entries[0]!.id;
    const answer = async (report: Parameters<Setup['sight']>[0]) => (await s.forPanel()['rotationWatch.view'](await s.sight(report))).answer;
    expect(await answer({ secret: secret(1), clientId: clientId(1) })).toBe('up-to-date');
    expect(await answer({ secret: secret(1) })).toBe('up-to-date'); // unpaired: found among the entries
    expect(await answer({ secret: secret(2), clientId: clientId(1) })).toBe('new'); // another current secret
    expect(await answer({ secret: secret(8), clientId: clientId(8) })).toBe('offer'); // no entry with this client id
    expect(await answer({ secret: secret(8), clientId: clientId(8), previousSecret: secret(7) })).toBe('new'); // replaced on the page
    await s.vault.updateEntry(entryId, { previousSecretExpiresAt: T0 + 3 * DAY }, { previousClientSecret: secret(0) });
    const previous = await s.forPanel()['rotationWatch.view'](await s.sight({ secret: secret(0), clientId: clientId(1) }));
    expect(previous).toMatchObject({ answer: 'previous', previousDaysLeft: 3 });
    await s.vault.lock();
    expect(await answer({ secret: secret(1), clientId: clientId(1) })).toBe('locked');
    expect(await answer({ secret: secret(8), clientId: clientId(8) })).toBe('offer'); // metadata says no such entry
  });

  it('takes the host from the sender', async () => {
    const vendor = asSender(s.detect.handlers, { url: 'https://vendorcentral.amazon.de/x', tab: { id: 1, url: 'https://vendorcentral.amazon.de/x' } });
    const { token } = await vendor['rotationWatch.report']({ secret: secret(3), clientId: clientId(3), rotateClickedAt: s.clock.now });
    const { id } = await s.forPanel()['rotationWatch.claim']({ token });
    expect(await s.forPanel()['rotationWatch.view']({ id })).toMatchObject({ host: 'vendorcentral.amazon.de', kind: 'vendor' });
  });
});

describe('detect handlers: saving', () => {
  it('rotates the entry in two slots and logs "rotated (seen on <host>)"', async () => {
    const s = setup();
    const entryId = await withEntry(s);
    const stated = Math.floor((T0 + 170 * DAY) / DAY) * DAY; // a UTC day 170 days on: plausible
    const { id } = await reportRotation(s, { statedDate: stated });
    expect(await s.forPanel()['rotationWatch.save']({ id })).toEqual({ state: 'saved', alias: 'US seller', rotated: true });
    const { meta, secrets } = await s.vault.getEntry(entryId);
    expect(secrets).toMatchObject({ clientSecret: secret(2), previousClientSecret: secret(1) });
    expect(meta).toMatchObject({ secretIssuedAt: T0, secretExpiresAt: stated, previousSecretExpiresAt: T0 + 7 * DAY });
    expect((await s.vault.events(entryId)).map((e) => [e.type, e.detail])).toContainEqual(['rotated', 'seen on sellercentral.amazon.com']);
    // Saving again changes nothing.
    expect(await s.forPanel()['rotationWatch.save']({ id })).toMatchObject({ state: 'saved', rotated: false });
  });

  it("never lets the page's \"previous secret\" displace the vault's: the vault's current becomes previous, the old previous is kept", async () => {
    const s = setup();
    const entryId = await withEntry(s, { secrets: { clientSecret: secret(9), previousClientSecret: secret(8) } });
    const { id } = await reportRotation(s, { previousSecret: secret(1) }); // what the page claims it showed before
    await s.forPanel()['rotationWatch.save']({ id });
    const { secrets } = await s.vault.getEntry(entryId);
    expect(secrets).toMatchObject({ clientSecret: secret(2), previousClientSecret: secret(9) });
    expect(secrets.retiredSecrets).toEqual([{ secret: secret(8), retiredAt: T0 }]);
    expect(JSON.stringify(secrets)).not.toContain(secret(1));
  });

  it('ignores a stated date that cannot be the new secret’s (the old deadline still on screen)', async () => {
    const s = setup();
    const entryId = await withEntry(s);
    const { id } = await reportRotation(s, { statedDate: T0 + 5 * DAY });
    await s.forPanel()['rotationWatch.save']({ id });
    expect((await s.vault.getEntry(entryId)).meta.secretExpiresAt).toBeUndefined();
  });

  it('asks for a new entry when none has the client id, then creates it prefilled from the host', async () => {
    const s = setup();
    await withEntry(s);
    const { id } = await s.sight({ secret: secret(6), clientId: clientId(5), rotateClickedAt: s.clock.now, previousSecret: secret(5) });
    const view = await s.forPanel()['rotationWatch.view']({ id });
    expect(view.entry).toBeUndefined();
    expect(view.suggestion).toEqual({ alias: `Seller Central US app …${clientId(5).slice(-6)}`, kind: 'seller', region: 'NA' });
    expect(await s.forPanel()['rotationWatch.save']({ id })).toEqual({ state: 'needs-entry' });

    const saved = await s.forPanel()['rotationWatch.save']({ id, newEntry: { alias: 'New app', kind: 'seller', region: 'NA', shopCtrlUrl: SHOP } });
    expect(saved).toMatchObject({ state: 'saved', alias: 'New app' });
    const created = (await s.vault.listEntries()).entries.find((e) => e.alias === 'New app')!;
    expect(created).toMatchObject({ clientId: clientId(5), marketplace: 'US', connector: 'shopctrl-3p', shopCtrlUrl: SHOP, secretIssuedAt: T0 });
    expect((await s.vault.getEntry(created.id)).secrets).toMatchObject({ clientSecret: secret(6), previousClientSecret: secret(5) });
  });

  it('refuses a new entry whose ShopCtrl address is not a ShopCtrl host', async () => {
    const s = setup();
    await withEntry(s);
    const { id } = await s.sight({ secret: secret(6), clientId: clientId(5), rotateClickedAt: s.clock.now });
    const error = await rejection(
      Promise.resolve(s.forPanel()['rotationWatch.save']({ id, newEntry: { alias: 'x', kind: 'seller', region: 'NA', shopCtrlUrl: 'https://shopctrl.com.evil.example/' } })),
    );
    expect(error.code).toBe('bad-request');
  });

  it('while locked: queues the save, and completes it when the vault is unlocked', async () => {
    const s = setup();
    const entryId = await withEntry(s);
    await s.vault.lock();
    const { id } = await reportRotation(s);
    expect(await s.forPanel()['rotationWatch.view']({ id })).toMatchObject({ answer: 'locked' });
    expect(await s.forPanel()['rotationWatch.save']({ id })).toEqual({ state: 'pending-unlock' });
    expect(await s.forPanel()['rotationWatch.view']({ id })).toMatchObject({ vault: 'locked', save: 'pending-unlock' });

    await s.detect.completePendingSaves(); // still locked: nothing happens
    await s.vault.unlock(PASSPHRASE);
    await s.detect.completePendingSaves();
    expect((await s.vault.getEntry(entryId)).secrets).toMatchObject({ clientSecret: secret(2), previousClientSecret: secret(1) });
    expect(await s.forPanel()['rotationWatch.view']({ id })).toMatchObject({ save: 'saved', savedAlias: 'US seller' });
  });

  it('answers the old secret’s card after a queued save completes, whichever card asks first after the unlock', async () => {
    const s = setup();
    await withEntry(s);
    await s.vault.lock();
    const old = await s.sight({ secret: secret(1), clientId: clientId(1) });
    const { id } = await reportRotation(s);
    expect(await s.forPanel()['rotationWatch.save']({ id })).toEqual({ state: 'pending-unlock' });
    await s.vault.unlock(PASSPHRASE); // the unlock watcher has not run: the old card asks first
    expect(await s.forPanel()['rotationWatch.view']({ id: old.id })).toMatchObject({ answer: 'previous' });
    expect(await s.forPanel()['rotationWatch.view']({ id })).toMatchObject({ answer: 'up-to-date', save: 'saved' });
  });

  it('runs the queued saves once for all the cards asking after an unlock, and not at all on later views', async () => {
    const s = setup();
    const entryId = await withEntry(s);
    await s.vault.lock();
    const olds = [];
    for (let i = 0; i < 9; i++) olds.push(await s.sight({ secret: secret(1), clientId: clientId(1) }));
    const { id } = await reportRotation(s);
    await s.forPanel()['rotationWatch.save']({ id });
    await s.vault.unlock(PASSPHRASE); // the unlock watcher has not run: ten cards ask at once
    const views = await Promise.all([...olds.map((o) => s.forPanel()['rotationWatch.view']({ id: o.id })), s.forPanel()['rotationWatch.view']({ id })]);
    expect(views.map((v) => v.answer)).toEqual([...olds.map(() => 'previous'), 'up-to-date']);
    expect((await s.vault.events(entryId)).filter((e) => e.type === 'rotated')).toHaveLength(1);

    // Nothing waits any more: each card's view reads the sightings once (its own), not all of them again.
    const reads = vi.spyOn(s.storage, 'get');
    for (const o of olds) await s.forPanel()['rotationWatch.view']({ id: o.id });
    expect(reads).toHaveBeenCalledTimes(olds.length);
  });

  it('completes a queued save on the panel’s next look even if the unlock signal was missed', async () => {
    const s = setup();
    const entryId = await withEntry(s);
    await s.vault.lock();
    const { id } = await reportRotation(s);
    await s.forPanel()['rotationWatch.save']({ id });
    await s.vault.unlock(PASSPHRASE);
    expect(await s.forPanel()['rotationWatch.view']({ id })).toMatchObject({ save: 'saved' });
    expect((await s.vault.getEntry(entryId)).secrets.clientSecret).toBe(secret(2));
  });

  it('fresh install: offers to save, waits for the first run, then completes the save', async () => {
    const s = setup();
    const { id } = await s.sight({ secret: secret(2), clientId: clientId(2) });
    expect(await s.forPanel()['rotationWatch.view']({ id })).toMatchObject({ answer: 'offer', vault: 'missing' });
    expect(await s.forPanel()['rotationWatch.save']({ id })).toEqual({ state: 'needs-entry' });
    const newEntry = { alias: 'First app', kind: 'seller', region: 'NA' } as const;
    expect(await s.forPanel()['rotationWatch.save']({ id, newEntry })).toEqual({ state: 'pending-first-run' });
    expect(await s.forPanel()['rotationWatch.view']({ id })).toMatchObject({ save: 'pending-first-run' });
    await s.vault.create(PASSPHRASE);
    await s.detect.completePendingSaves();
    const created = (await s.vault.listEntries()).entries.find((e) => e.alias === 'First app')!;
    expect(created.clientId).toBe(clientId(2));
    expect((await s.vault.getEntry(created.id)).secrets.clientSecret).toBe(secret(2));
    expect(await s.forPanel()['rotationWatch.view']({ id })).toMatchObject({ save: 'saved', answer: 'up-to-date' });
  });
});

describe('detect handlers: checking a saved secret', () => {
  it('checks only a secret this panel saved, by its entry, and tells the panel the outcome in words', async () => {
    const s = setup();
    const entryId = await withEntry(s);
    const { id } = await reportRotation(s);
    expect((await rejection(Promise.resolve(s.forPanel()['rotationWatch.check']({ id })))).code).toBe('bad-request');
    expect((await rejection(Promise.resolve(s.forPage()['rotationWatch.check']({ id })))).code).toBe('forbidden');
    expect((await rejection(Promise.resolve(s.forPanel(1, 9)['rotationWatch.check']({ id })))).code).toBe('not-found');
    expect(s.checked).toEqual([]);
    await s.forPanel()['rotationWatch.save']({ id });
    expect(await s.forPanel()['rotationWatch.check']({ id })).toEqual({
      outcome: 'working',
      message: 'Working: Amazon accepted the client id, the secret and the refresh token.',
    });
    expect(s.checked).toEqual([entryId]);
  });
});

describe('detect handlers: ShopCtrl', () => {
  it('saves, then hands the sighted secret and the entry’s other fields to the ShopCtrl tab, and logs both', async () => {
    const s = setup(() => ({ present: true, filled: ['clientSecret'], unchanged: [], offered: ['refreshToken'] }));
    const entryId = await withEntry(s, { shopCtrlUrl: SHOP });
    const { id } = await reportRotation(s);
    const outcome = await s.forPanel()['rotationWatch.sendToShopCtrl']({ id });
    expect(outcome).toEqual({ state: 'filled', host: 'acme.shopctrl.com:52222', filled: ['clientSecret'], unchanged: [], offered: ['refreshToken'] });
    expect(s.tabs.calls).toEqual([`open ${SHOP}`, 'focus 100', 'fill 100']);
    expect(s.tabs.requests[0]).toMatchObject({
      clientSecret: secret(2),
      extras: { clientId: clientId(1), refreshToken: 'Atzr|stored-refresh', vendorCode: 'A1SELLER' },
    });
    expect(s.tabs.requests[0]!.directions).toContain('Amazon Synchronization (3P)');
    expect((await s.vault.getEntry(entryId)).secrets.clientSecret).toBe(secret(2));
    const events = (await s.vault.events(entryId)).map((e) => `${e.type} (${e.detail ?? ''})`);
    expect(events).toEqual(expect.arrayContaining(['rotated (seen on sellercentral.amazon.com)', 'sent-to-shopctrl (LWA Client Secret filled on acme.shopctrl.com:52222)']));
    expect(await s.forPanel()['rotationWatch.view']({ id })).toMatchObject({ save: 'saved', shopCtrl: { state: 'filled' } });
  });

  it('while locked: fills the sighted secret, offers only what metadata holds, and queues the save', async () => {
    const s = setup();
    await withEntry(s, { shopCtrlUrl: SHOP });
    await s.vault.lock();
    const { id } = await reportRotation(s);
    expect(await s.forPanel()['rotationWatch.sendToShopCtrl']({ id })).toMatchObject({ state: 'filled' });
    expect(s.tabs.requests[0]!.extras).toEqual({ clientId: clientId(1), refreshToken: undefined, vendorCode: undefined });
    expect(await s.forPanel()['rotationWatch.view']({ id })).toMatchObject({ save: 'pending-unlock' });
  });

  it('asks for an entry, then for the ShopCtrl address, before opening anything', async () => {
    const s = setup();
    await withEntry(s);
    const unknown = await s.sight({ secret: secret(6), clientId: clientId(5), rotateClickedAt: s.clock.now });
    expect(await s.forPanel()['rotationWatch.sendToShopCtrl']({ id: unknown.id })).toEqual({ state: 'needs-entry' });
    const { id } = await reportRotation(s);
    expect(await s.forPanel()['rotationWatch.sendToShopCtrl']({ id })).toEqual({ state: 'needs-url' });
    expect(s.tabs.calls).toEqual([]);

    expect((await rejection(Promise.resolve(s.forPanel()['rotationWatch.setShopCtrlUrl']({ id, url: 'http://acme.shopctrl.com/' })))).code).toBe('bad-request');
    expect(await s.forPanel()['rotationWatch.setShopCtrlUrl']({ id, url: SHOP })).toEqual({ host: 'acme.shopctrl.com:52222' });
    expect(await s.forPanel()['rotationWatch.sendToShopCtrl']({ id })).toMatchObject({ state: 'filled' });
  });

  it('gives directions when the page has no such field, and a plain failure when the tab cannot be filled', async () => {
    const s = setup(() => ({ present: false }));
    await withEntry(s, { shopCtrlUrl: SHOP });
    const { id } = await reportRotation(s);
    const outcome = await s.forPanel()['rotationWatch.sendToShopCtrl']({ id });
    expect(outcome).toMatchObject({ state: 'no-section', host: 'acme.shopctrl.com:52222' });
    expect(outcome.state === 'no-section' && outcome.directions).toContain('Configuration > Shops');

    const failing = setup(() => {
      throw new Error('Frame with ID 0 is showing error page');
    });
    await withEntry(failing, { shopCtrlUrl: SHOP });
    const second = await reportRotation(failing);
    const failed = await failing.forPanel()['rotationWatch.sendToShopCtrl']({ id: second.id });
    expect(failed).toMatchObject({ state: 'failed' });
    expect(JSON.stringify(failed)).not.toContain('error page'); // internal errors are not echoed
  });
});
