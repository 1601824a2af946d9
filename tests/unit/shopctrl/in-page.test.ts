// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fieldsThatDiffer, fillCheckedPage, fillShopCtrlPage } from '../../../features/shopctrl/in-page';
import { clientId, closeAll, pageAt, secret, SHOPCTRL_SETTINGS } from '../rotation-watch/scan/pages';

/** ShopCtrl's Amazon 1P Synchronization settings, labelled four ways (ids mean nothing). */
const settingsPage = () => {
  const doc = pageAt(
    SHOPCTRL_SETTINGS,
    `<h2>Amazon 1P Synchronization</h2>
     <fieldset><legend>Self Authorization</legend>
       <label>Vendor code <input name="a" value="ACME1"></label>
       <span>LWA Client Id</span><input name="b" value="${clientId(1)}">
       <label for="x3">LWA Client Secret</label><input id="x3" name="c" type="password" value="${secret(1)}">
       <span></span><input name="d" aria-label="Refresh Token" value="Atzr|old">
     </fieldset>
     <button id="save">Save and Close</button>`,
  );
  const events: string[] = [];
  for (const field of Array.from(doc.querySelectorAll('input'))) {
    for (const type of ['input', 'change']) field.addEventListener(type, () => events.push(`${type} ${field.name}`));
  }
  let saved = 0;
  doc.getElementById('save')!.addEventListener('click', () => saved++);
  return { doc, events, saved: () => saved, field: (name: string) => doc.querySelector<HTMLInputElement>(`[name="${name}"]`)! };
};

const request = (extras = {}) => ({ clientSecret: secret(2), extras, waitMs: 0, directions: 'Go to Configuration > Shops.' });

afterEach(closeAll);

describe('fillShopCtrlPage', () => {
  it('fills LWA Client Secret by its label, as typing would, and never saves', async () => {
    const page = settingsPage();
    const result = await fillShopCtrlPage(page.doc, request());
    expect(result).toEqual({ present: true, filled: ['clientSecret'], unchanged: [], offered: [] });
    expect(page.field('c').value).toBe(secret(2));
    expect(page.events).toEqual(['input c', 'change c']);
    expect(page.saved()).toBe(0);
    expect(page.field('c').style.outline).toContain('solid');
  });

  it('offers (but does not fill) the entry’s other fields that differ on the page', async () => {
    const page = settingsPage();
    const extras = { clientId: clientId(1), refreshToken: 'Atzr|new', vendorCode: 'OTHER' };
    expect(fieldsThatDiffer(page.doc, extras)).toEqual(['refreshToken', 'vendorCode']);
    const result = await fillShopCtrlPage(page.doc, request(extras));
    expect(result).toMatchObject({ offered: ['refreshToken', 'vendorCode'] });
    expect(page.field('d').value).toBe('Atzr|old');
  });

  it('leaves its note beside the field in a closed shadow root, whose button ignores synthetic clicks', async () => {
    const page = settingsPage();
    await fillShopCtrlPage(page.doc, request({ refreshToken: 'Atzr|new' }));
    const host = page.doc.querySelector('lwa-vault-notice')!;
    expect(host.previousElementSibling).toBe(page.field('c'));
    expect(host.shadowRoot).toBeNull();
    host.dispatchEvent(new (page.doc.defaultView!.MouseEvent)('click', { bubbles: true, composed: true }));
    expect(page.field('d').value).toBe('Atzr|old');
  });

  it('says it already held the secret when nothing changed', async () => {
    const page = settingsPage();
    expect(await fillShopCtrlPage(page.doc, { ...request(), clientSecret: secret(1) })).toMatchObject({ filled: [], unchanged: ['clientSecret'] });
    expect(page.events).toEqual([]);
  });

  it('reports a page without the section, and pins the directions to it', async () => {
    const doc = pageAt('https://acme.shopctrl.com/Dashboard', '<h1>Dashboard</h1><label>Search <input></label>');
    expect(await fillShopCtrlPage(doc, request())).toEqual({ present: false });
    const host = doc.querySelector('lwa-vault-notice')!;
    expect(host.hasAttribute('data-pinned')).toBe(true);
  });
});

describe('fillCheckedPage (the injected entry point)', () => {
  it('sets nothing when the document is not on the origin the background checked', async () => {
    const page = settingsPage();
    expect(await fillCheckedPage(page.doc, { ...request(), origin: 'https://other-tenant.shopctrl.com' })).toBeUndefined();
    expect(page.field('c').value).toBe(secret(1));
    expect(page.events).toEqual([]);
    expect(page.doc.querySelector('lwa-vault-notice')).toBeNull();
  });

  it('fills when it is', async () => {
    const page = settingsPage();
    const origin = page.doc.defaultView!.location.origin;
    expect(origin).toBe(new URL(SHOPCTRL_SETTINGS).origin);
    expect(await fillCheckedPage(page.doc, { ...request(), origin })).toMatchObject({ present: true, filled: ['clientSecret'] });
    expect(page.field('c').value).toBe(secret(2));
  });
});
