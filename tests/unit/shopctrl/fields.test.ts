// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fillShopCtrlFields,
  findFieldByLabel,
  highlightField,
  setFieldValue,
  shopCtrlSectionPresent,
} from '../../../features/shopctrl/fields';
import { SHOPCTRL_SETTINGS, clientId, closeAll, pageAt, secret } from '../rotation-watch/scan/pages';

afterEach(closeAll);

/** ShopCtrl → Configuration > Shops > Edit → Shop synchronization > Amazon 1P Synchronization (table layout). */
const shopCtrl1pPage = `
  <nav class="topic-menu"><a>General</a><a>Shop synchronization</a><a class="active">Amazon 1P Synchronization</a></nav>
  <form id="shop-form" action="/Configuration/Shops/Save" method="post">
    <h2>Amazon 1P Synchronization</h2>
    <fieldset><legend>Self Authorization</legend>
      <table class="form-table">
        <tr><td class="caption">Authorization kind</td><td><select><option>Self</option><option>Other</option></select></td></tr>
        <tr><td class="caption">Vendor code</td><td><input type="text" id="ctl00_c1_tb17"></td></tr>
        <tr><td class="caption">LWA Client Id</td><td><input type="text" id="ctl00_c1_tb18" value="${clientId(1)}"></td></tr>
        <tr><td class="caption">LWA Client Secret *</td><td><input type="text" id="ctl00_c1_tb19" value="${secret(1)}"></td></tr>
        <tr><td class="caption">Refresh Token:</td><td><textarea id="ctl00_c1_tb20"></textarea></td></tr>
      </table>
    </fieldset>
    <button type="submit" name="save">Save</button> <button type="submit" name="saveClose">Save and Close</button>
  </form>`;

describe('findFieldByLabel', () => {
  it('finds by <label for>', () => {
    const doc = pageAt(SHOPCTRL_SETTINGS, '<label for="x1">LWA Client Secret</label><input id="x1">');
    expect(findFieldByLabel(doc, 'lwa   client SECRET')).toBe(doc.getElementById('x1'));
  });

  it('finds by a wrapping <label>, ignoring the control text inside it', () => {
    const doc = pageAt(
      SHOPCTRL_SETTINGS,
      '<label>Region <select><option>Europe</option></select></label><label>Refresh Token <textarea></textarea></label>',
    );
    expect(findFieldByLabel(doc, 'Region')?.tagName).toBe('SELECT');
    expect(findFieldByLabel(doc, 'Refresh Token')?.tagName).toBe('TEXTAREA');
  });

  it('finds by aria-label, aria-labelledby and placeholder', () => {
    const doc = pageAt(
      SHOPCTRL_SETTINGS,
      `<input aria-label="Vendor code" class="a">
       <span id="lbl">LWA Client Id</span><input aria-labelledby="lbl" class="b">
       <input placeholder="Refresh Token" class="c">`,
    );
    expect(findFieldByLabel(doc, 'Vendor code')?.className).toBe('a');
    expect(findFieldByLabel(doc, 'LWA Client Id')?.className).toBe('b');
    expect(findFieldByLabel(doc, 'Refresh Token')?.className).toBe('c');
  });

  it('finds by nearby text: table cell, dt/dd, a caption div, a text node', () => {
    const doc = pageAt(
      SHOPCTRL_SETTINGS,
      `<table><tr><th>Vendor code</th><td><input class="cell"></td></tr></table>
       <dl><dt>Seller Id</dt><dd><input class="dd"></dd></dl>
       <div class="row"><div class="cap">Merchant ID</div><div class="ctl"><span><input class="div"></span></div></div>
       <p>Refresh Token: <input class="text"></p>`,
    );
    expect(findFieldByLabel(doc, 'Vendor code')?.className).toBe('cell');
    expect(findFieldByLabel(doc, 'Seller Id')?.className).toBe('dd');
    expect(findFieldByLabel(doc, 'Merchant ID')?.className).toBe('div');
    expect(findFieldByLabel(doc, 'Refresh Token')?.className).toBe('text');
  });

  it('never confuses LWA Client Id and LWA Client Secret', () => {
    const doc = pageAt(SHOPCTRL_SETTINGS, shopCtrl1pPage);
    expect(findFieldByLabel(doc, 'LWA Client Id')?.id).toBe('ctl00_c1_tb18');
    expect(findFieldByLabel(doc, 'LWA Client Secret')?.id).toBe('ctl00_c1_tb19');

    const onlySecret = pageAt(
      SHOPCTRL_SETTINGS,
      '<table><tr><td>LWA Client Secret</td><td><input class="secret"></td></tr></table>',
    );
    expect(findFieldByLabel(onlySecret, 'LWA Client Id')).toBeNull();
    const onlyId = pageAt(SHOPCTRL_SETTINGS, '<label>LWA Client Id <input class="id"></label>');
    expect(findFieldByLabel(onlyId, 'LWA Client Secret')).toBeNull();
  });

  it('prefers an exact label over one that merely contains the text', () => {
    const doc = pageAt(
      SHOPCTRL_SETTINGS,
      `<label>Refresh Token expiry <input class="expiry"></label><label>Refresh Token <input class="token"></label>`,
    );
    expect(findFieldByLabel(doc, 'Refresh Token')?.className).toBe('token');
    expect(findFieldByLabel(doc, /refresh token/)?.className).toBe('token');
  });

  it('does not take a previous row label for a field without one', () => {
    const doc = pageAt(
      SHOPCTRL_SETTINGS,
      '<table><tr><td>Vendor code</td><td><input class="v"></td></tr><tr><td></td><td><input class="other"></td></tr></table>',
    );
    expect(findFieldByLabel(doc, 'Vendor code')?.className).toBe('v');
  });
});

describe('setFieldValue', () => {
  it('fires input and change once each and reports the change', () => {
    const doc = pageAt(SHOPCTRL_SETTINGS, '<form><input name="secret"></form>');
    const input = doc.querySelector('input')!;
    const events: string[] = [];
    doc.querySelector('form')!.addEventListener('input', (e) => events.push(`${e.type}:${e.bubbles}`));
    doc.querySelector('form')!.addEventListener('change', (e) => events.push(`${e.type}:${e.bubbles}`));
    expect(setFieldValue(input, secret(2))).toBe(true);
    expect(input.value).toBe(secret(2));
    expect(events).toEqual(['input:true', 'change:true']);
    expect(setFieldValue(input, secret(2))).toBe(false);
    expect(events).toHaveLength(2);
  });

  it('uses the native setter, past a framework override on the element', () => {
    const doc = pageAt(SHOPCTRL_SETTINGS, '<input>');
    const input = doc.querySelector('input')!;
    const native = Object.getOwnPropertyDescriptor(doc.defaultView!.HTMLInputElement.prototype, 'value')!;
    const trackerSets = vi.fn();
    Object.defineProperty(input, 'value', {
      configurable: true,
      get() {
        return native.get!.call(this);
      },
      set(value: string) {
        trackerSets(value);
        native.set!.call(this, value);
      },
    });
    expect(setFieldValue(input, 'abc')).toBe(true);
    expect(trackerSets).not.toHaveBeenCalled();
    expect(input.value).toBe('abc');
  });

  it('works for textarea and select', () => {
    const doc = pageAt(SHOPCTRL_SETTINGS, '<textarea></textarea><select><option>NA</option><option>EU</option></select>');
    expect(setFieldValue(doc.querySelector('textarea')!, 'Atzr|token')).toBe(true);
    const select = doc.querySelector('select')!;
    expect(setFieldValue(select, 'EU')).toBe(true);
    expect(select.value).toBe('EU');
  });
});

describe('fillShopCtrlFields on the Amazon 1P Synchronization settings', () => {
  it('fills what changed, reports what already matched, and never saves', () => {
    const doc = pageAt(SHOPCTRL_SETTINGS, shopCtrl1pPage);
    const clicks = vi.fn();
    const submits = vi.fn((e: Event) => e.preventDefault());
    doc.querySelectorAll('button').forEach((b) => b.addEventListener('click', clicks));
    doc.querySelector('form')!.addEventListener('submit', submits);

    const result = fillShopCtrlFields(doc, {
      clientSecret: secret(2),
      clientId: clientId(1),
      refreshToken: 'Atzr|IQEBLzAtAhexample',
      vendorCode: 'ABCDE',
    });
    expect(result).toEqual({
      filled: ['clientSecret', 'refreshToken', 'vendorCode'],
      unchanged: ['clientId'],
      missing: [],
    });
    expect((doc.getElementById('ctl00_c1_tb19') as HTMLInputElement).value).toBe(secret(2));
    expect((doc.getElementById('ctl00_c1_tb18') as HTMLInputElement).value).toBe(clientId(1));
    expect((doc.getElementById('ctl00_c1_tb20') as HTMLTextAreaElement).value).toBe('Atzr|IQEBLzAtAhexample');
    expect(clicks).not.toHaveBeenCalled();
    expect(submits).not.toHaveBeenCalled();
  });

  it('reports fields it cannot find, and only fills the values given', () => {
    const doc = pageAt(SHOPCTRL_SETTINGS, '<label>LWA Client Secret <input></label>');
    expect(fillShopCtrlFields(doc, { clientSecret: secret(3), refreshToken: 'Atzr|x' })).toEqual({
      filled: ['clientSecret'],
      unchanged: [],
      missing: ['refreshToken'],
    });
  });

  it('accepts the 3P wording for the vendor code field', () => {
    const doc = pageAt(SHOPCTRL_SETTINGS, '<h2>Amazon Synchronization</h2><label>Seller Id <input class="seller"></label>');
    expect(fillShopCtrlFields(doc, { vendorCode: 'A3FHEXAMPLEYWS' }).filled).toEqual(['vendorCode']);
    expect(doc.querySelector<HTMLInputElement>('.seller')!.value).toBe('A3FHEXAMPLEYWS');
  });
});

describe('shopCtrlSectionPresent', () => {
  it('recognises the Amazon 1P Synchronization section', () => {
    expect(shopCtrlSectionPresent(pageAt(SHOPCTRL_SETTINGS, shopCtrl1pPage))).toBe(true);
  });

  it('is false on another settings page whose menu merely names the section', () => {
    const doc = pageAt(
      SHOPCTRL_SETTINGS,
      '<nav><a>Amazon 1P Synchronization</a></nav><label>Shop name <input></label>',
    );
    expect(shopCtrlSectionPresent(doc)).toBe(false);
  });

  it('is false on a page without the section title', () => {
    expect(shopCtrlSectionPresent(pageAt(SHOPCTRL_SETTINGS, '<label>LWA Client Secret <input></label>'))).toBe(false);
  });
});

describe('highlightField', () => {
  it('focuses, outlines for a while, then restores the style', async () => {
    const doc = pageAt(SHOPCTRL_SETTINGS, '<input style="outline: none">');
    const input = doc.querySelector('input')!;
    highlightField(input, 20);
    expect(doc.activeElement).toBe(input);
    expect(input.style.outline).toContain('solid');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(input.getAttribute('style')).toBe('outline: none');
  });
});
