import { beforeEach, describe, expect, it } from 'vitest';
import { createDetectHandlers, type DetectSender } from '../../../utils/background/detect-handlers';
import { createSightingStore } from '../../../utils/rotation-capture/sightings';
import type { PageFillResult } from '../../../utils/shopctrl/in-page';
import { PASSPHRASE, rejection, setupVault, T0 } from '../vault/helpers';
import { clientId, fakeTabs, memoryStorage, secret } from './helpers';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const CONSOLE = 'https://sellercentral.amazon.com/sellingpartner/developerconsole';
const SHOP = 'https://acme.shopctrl.com:52222/Configuration/Shops/Edit/7';
const DAY = 86_400_000;

const page = (tabId = 1): DetectSender => ({ url: CONSOLE, tab: { id: tabId, url: CONSOLE } });
const panel = (tabId = 1): DetectSender => ({ url: `${ORIGIN}/panel.html`, tab: { id: tabId, url: CONSOLE } });

function setup(answer?: () => PageFillResult) {
  const v = setupVault();
  const storage = memoryStorage();
  const tabs = fakeTabs(answer ? { answer } : {});
  let n = 0;
  const detect = createDetectHandlers({
    vault: v.vault,
    sightings: createSightingStore(storage, () => v.clock.now),
    shopCtrl: tabs.api,
    extensionOrigin: ORIGIN,
    now: () => v.clock.now,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
  return { ...v, storage, tabs, detect, forPage: (t?: number) => detect.forSender(page(t)), forPanel: (t?: number) => detect.forSender(panel(t)) };
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
  return s.forPage()['sighting.report']({
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

  it('takes reports only from the page, and actions only from the panel of the same tab', async () => {
    expect((await rejection(Promise.resolve(s.forPanel()['sighting.report']({ secret: secret(2) })))).code).toBe('forbidden');
    const { id } = await reportRotation(s);
    expect((await rejection(Promise.resolve(s.forPage()['sighting.view']({ id: id! })))).code).toBe('forbidden');
    expect((await rejection(Promise.resolve(s.forPage()['sighting.copy']({ id: id! })))).code).toBe('forbidden');
    expect((await rejection(Promise.resolve(s.forPanel(2)['sighting.view']({ id: id! })))).code).toBe('not-found');
    expect((await rejection(Promise.resolve(s.forPanel(2)['sighting.save']({ id: id! })))).code).toBe('not-found');
    const popupLike = s.detect.forSender({ url: `${ORIGIN}/popup.html`, tab: { id: 1, url: CONSOLE } });
    expect((await rejection(Promise.resolve(popupLike['sighting.view']({ id: id! })))).code).toBe('forbidden');
  });

  it('answers the page with a status only, and never sends a stored secret to page or panel', async () => {
    const upToDate = await s.forPage()['sighting.report']({ secret: secret(1), clientId: clientId(1) });
    expect(upToDate).toEqual({ status: 'up-to-date' });
    const { id } = await reportRotation(s);
    const view = await s.forPanel()['sighting.view']({ id: id! });
    const seen = JSON.stringify([upToDate, view]);
    for (const stored of [secret(1), 'Atzr|stored-refresh', 'A1SELLER']) expect(seen).not.toContain(stored);
    expect(view).toMatchObject({ host: 'sellercentral.amazon.com', kind: 'seller', entry: { alias: 'US seller' }, vault: 'unlocked', save: 'not-saved' });
    // Copy hands back what the page itself showed, nothing from the vault.
    expect(await s.forPanel()['sighting.copy']({ id: id! })).toEqual({ secret: secret(2) });
  });

  it('takes the host from the sender', async () => {
    const vendor = s.detect.forSender({ url: 'https://vendorcentral.amazon.de/x', tab: { id: 1, url: 'https://vendorcentral.amazon.de/x' } });
    const { id } = await vendor['sighting.report']({ secret: secret(3), clientId: clientId(3), rotateClickedAt: s.clock.now });
    expect(await s.forPanel()['sighting.view']({ id: id! })).toMatchObject({ host: 'vendorcentral.amazon.de', kind: 'vendor' });
  });
});

describe('detect handlers: saving', () => {
  it('rotates the entry in two slots and logs "rotated (seen on <host>)"', async () => {
    const s = setup();
    const entryId = await withEntry(s);
    const stated = Math.floor((T0 + 170 * DAY) / DAY) * DAY; // a UTC day 170 days on: plausible
    const { id } = await reportRotation(s, { statedDate: stated });
    expect(await s.forPanel()['sighting.save']({ id: id! })).toEqual({ state: 'saved', alias: 'US seller', rotated: true });
    const { meta, secrets } = await s.vault.getEntry(entryId);
    expect(secrets).toMatchObject({ clientSecret: secret(2), previousClientSecret: secret(1) });
    expect(meta).toMatchObject({ secretIssuedAt: T0, secretExpiresAt: stated, previousSecretExpiresAt: T0 + 7 * DAY });
    expect((await s.vault.events(entryId)).map((e) => [e.type, e.detail])).toContainEqual(['rotated', 'seen on sellercentral.amazon.com']);
    // Saving again changes nothing.
    expect(await s.forPanel()['sighting.save']({ id: id! })).toMatchObject({ state: 'saved', rotated: false });
  });

  it('puts the secret the page showed before the Rotate click into the previous slot when the vault was behind', async () => {
    const s = setup();
    const entryId = await withEntry(s, { secrets: { clientSecret: secret(9) } });
    const { id } = await reportRotation(s, { previousSecret: secret(1) });
    await s.forPanel()['sighting.save']({ id: id! });
    expect((await s.vault.getEntry(entryId)).secrets).toMatchObject({ clientSecret: secret(2), previousClientSecret: secret(1) });
  });

  it('ignores a stated date that cannot be the new secret’s (the old deadline still on screen)', async () => {
    const s = setup();
    const entryId = await withEntry(s);
    const { id } = await reportRotation(s, { statedDate: T0 + 5 * DAY });
    await s.forPanel()['sighting.save']({ id: id! });
    expect((await s.vault.getEntry(entryId)).meta.secretExpiresAt).toBeUndefined();
  });

  it('asks for a new entry when none has the client id, then creates it prefilled from the host', async () => {
    const s = setup();
    await withEntry(s);
    const { id } = await s.forPage()['sighting.report']({ secret: secret(6), clientId: clientId(5), rotateClickedAt: s.clock.now, previousSecret: secret(5) });
    const view = await s.forPanel()['sighting.view']({ id: id! });
    expect(view.entry).toBeUndefined();
    expect(view.suggestion).toEqual({ alias: `Seller Central US app …${clientId(5).slice(-6)}`, kind: 'seller', region: 'NA' });
    expect(await s.forPanel()['sighting.save']({ id: id! })).toEqual({ state: 'needs-entry' });

    const saved = await s.forPanel()['sighting.save']({ id: id!, newEntry: { alias: 'New app', kind: 'seller', region: 'NA', shopCtrlUrl: SHOP } });
    expect(saved).toMatchObject({ state: 'saved', alias: 'New app' });
    const created = (await s.vault.listEntries()).entries.find((e) => e.alias === 'New app')!;
    expect(created).toMatchObject({ clientId: clientId(5), marketplace: 'US', connector: 'shopctrl-3p', shopCtrlUrl: SHOP, secretIssuedAt: T0 });
    expect((await s.vault.getEntry(created.id)).secrets).toMatchObject({ clientSecret: secret(6), previousClientSecret: secret(5) });
  });

  it('refuses a new entry whose ShopCtrl address is not a ShopCtrl host', async () => {
    const s = setup();
    await withEntry(s);
    const { id } = await s.forPage()['sighting.report']({ secret: secret(6), clientId: clientId(5), rotateClickedAt: s.clock.now });
    const error = await rejection(
      Promise.resolve(s.forPanel()['sighting.save']({ id: id!, newEntry: { alias: 'x', kind: 'seller', region: 'NA', shopCtrlUrl: 'https://shopctrl.com.evil.example/' } })),
    );
    expect(error.code).toBe('bad-request');
  });

  it('while locked: queues the save, and completes it when the vault is unlocked', async () => {
    const s = setup();
    const entryId = await withEntry(s);
    await s.vault.lock();
    const { status, id } = await reportRotation(s);
    expect(status).toBe('new');
    expect(await s.forPanel()['sighting.save']({ id: id! })).toEqual({ state: 'pending-unlock' });
    expect(await s.forPanel()['sighting.view']({ id: id! })).toMatchObject({ vault: 'locked', save: 'pending-unlock' });

    await s.detect.completePendingSaves(); // still locked: nothing happens
    await s.vault.unlock(PASSPHRASE);
    await s.detect.completePendingSaves();
    expect((await s.vault.getEntry(entryId)).secrets).toMatchObject({ clientSecret: secret(2), previousClientSecret: secret(1) });
    expect(await s.forPanel()['sighting.view']({ id: id! })).toMatchObject({ save: 'saved', savedAlias: 'US seller' });
  });

  it('completes a queued save on the panel’s next look even if the unlock signal was missed', async () => {
    const s = setup();
    const entryId = await withEntry(s);
    await s.vault.lock();
    const { id } = await reportRotation(s);
    await s.forPanel()['sighting.save']({ id: id! });
    await s.vault.unlock(PASSPHRASE);
    expect(await s.forPanel()['sighting.view']({ id: id! })).toMatchObject({ save: 'saved' });
    expect((await s.vault.getEntry(entryId)).secrets.clientSecret).toBe(secret(2));
  });

  it('says so when there is no vault yet', async () => {
    const s = setup();
    const { id } = await s.forPage()['sighting.report']({ secret: secret(2), rotateClickedAt: s.clock.now });
    expect((await rejection(Promise.resolve(s.forPanel()['sighting.save']({ id: id! })))).code).toBe('no-vault');
  });
});

describe('detect handlers: ShopCtrl', () => {
  it('saves, then hands the sighted secret and the entry’s other fields to the ShopCtrl tab, and logs both', async () => {
    const s = setup(() => ({ present: true, filled: ['clientSecret'], unchanged: [], offered: ['refreshToken'] }));
    const entryId = await withEntry(s, { shopCtrlUrl: SHOP });
    const { id } = await reportRotation(s);
    const outcome = await s.forPanel()['sighting.sendToShopCtrl']({ id: id! });
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
    expect(await s.forPanel()['sighting.view']({ id: id! })).toMatchObject({ save: 'saved', shopCtrl: { state: 'filled' } });
  });

  it('while locked: fills the sighted secret, offers only what metadata holds, and queues the save', async () => {
    const s = setup();
    await withEntry(s, { shopCtrlUrl: SHOP });
    await s.vault.lock();
    const { id } = await reportRotation(s);
    expect(await s.forPanel()['sighting.sendToShopCtrl']({ id: id! })).toMatchObject({ state: 'filled' });
    expect(s.tabs.requests[0]!.extras).toEqual({ clientId: clientId(1), refreshToken: undefined, vendorCode: undefined });
    expect(await s.forPanel()['sighting.view']({ id: id! })).toMatchObject({ save: 'pending-unlock' });
  });

  it('asks for an entry, then for the ShopCtrl address, before opening anything', async () => {
    const s = setup();
    await withEntry(s);
    const unknown = await s.forPage()['sighting.report']({ secret: secret(6), clientId: clientId(5), rotateClickedAt: s.clock.now });
    expect(await s.forPanel()['sighting.sendToShopCtrl']({ id: unknown.id! })).toEqual({ state: 'needs-entry' });
    const { id } = await reportRotation(s);
    expect(await s.forPanel()['sighting.sendToShopCtrl']({ id: id! })).toEqual({ state: 'needs-url' });
    expect(s.tabs.calls).toEqual([]);

    expect((await rejection(Promise.resolve(s.forPanel()['sighting.setShopCtrlUrl']({ id: id!, url: 'http://acme.shopctrl.com/' })))).code).toBe('bad-request');
    expect(await s.forPanel()['sighting.setShopCtrlUrl']({ id: id!, url: SHOP })).toEqual({ host: 'acme.shopctrl.com:52222' });
    expect(await s.forPanel()['sighting.sendToShopCtrl']({ id: id! })).toMatchObject({ state: 'filled' });
  });

  it('gives directions when the page has no such field, and a plain failure when the tab cannot be filled', async () => {
    const s = setup(() => ({ present: false }));
    await withEntry(s, { shopCtrlUrl: SHOP });
    const { id } = await reportRotation(s);
    const outcome = await s.forPanel()['sighting.sendToShopCtrl']({ id: id! });
    expect(outcome).toMatchObject({ state: 'no-section', host: 'acme.shopctrl.com:52222' });
    expect(outcome.state === 'no-section' && outcome.directions).toContain('Configuration > Shops');

    const failing = setup(() => {
      throw new Error('Frame with ID 0 is showing error page');
    });
    await withEntry(failing, { shopCtrlUrl: SHOP });
    const second = await reportRotation(failing);
    const failed = await failing.forPanel()['sighting.sendToShopCtrl']({ id: second.id! });
    expect(failed).toMatchObject({ state: 'failed' });
    expect(JSON.stringify(failed)).not.toContain('error page'); // internal errors are not echoed
  });
});
