import { describe, expect, it } from 'vitest';
import { senderRole, PANEL_PAGE_PATH } from '../../../platform/sender';

// The rotation panel is our own page framed into an Amazon console tab: by origin it would be 'extension'
// (full access); it must only ever get what the page's content script gets.
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const PANEL = `${ORIGIN}${PANEL_PAGE_PATH}`;
const CONSOLE = 'https://sellercentral.amazon.com/sellingpartner/developerconsole';

describe('senderRole: the rotation panel', () => {
  it('is the panel when framed into an https Amazon console tab', () => {
    expect(senderRole({ id: ID, url: PANEL, tab: { url: CONSOLE } }, ID, ORIGIN)).toBe('panel');
    expect(senderRole({ id: ID, url: PANEL, tab: { url: 'https://www.vendorcentral.in/x' } }, ID, ORIGIN)).toBe('panel');
  });

  it.each([
    ['with no tab (opened some other way)', { id: ID, url: PANEL }],
    ['opened as a tab of its own', { id: ID, url: PANEL, tab: { url: PANEL } }],
    ['framed into another site', { id: ID, url: PANEL, tab: { url: 'https://evil.example/' } }],
    ['framed into an Amazon look-alike', { id: ID, url: PANEL, tab: { url: 'https://sellercentral.amazon.com.evil.example/' } }],
    ['framed into plain-http Amazon', { id: ID, url: PANEL, tab: { url: 'http://sellercentral.amazon.com/' } }],
    ['framed into Amazon retail', { id: ID, url: PANEL, tab: { url: 'https://www.amazon.com/' } }],
    ['from another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: PANEL, tab: { url: CONSOLE } }],
    ['on a look-alike origin', { id: ID, url: `chrome-extension://${ID}.evil.example${PANEL_PAGE_PATH}`, tab: { url: CONSOLE } }],
  ])('is untrusted %s', (_name, sender) => {
    expect(senderRole(sender, ID, ORIGIN)).toBe('untrusted');
  });

  it.each([
    ['a look-alike path', `${ORIGIN}/panel.html/extra`],
    ['another case', `${ORIGIN}/PANEL.html`],
    ['the popup', `${ORIGIN}/popup.html`],
    ['the offscreen document', `${ORIGIN}/offscreen.html`],
  ])('gives %s framed into a console tab nothing (never extension-level)', (_name, url) => {
    expect(senderRole({ id: ID, url, tab: { url: CONSOLE } }, ID, ORIGIN)).toBe('untrusted');
  });

  it('keeps full access for the popup, its pop-out tab and tab-less pages', () => {
    expect(senderRole({ id: ID, url: `${ORIGIN}/popup.html` }, ID, ORIGIN)).toBe('extension');
    expect(senderRole({ id: ID, url: `${ORIGIN}/popup.html?popout=1`, tab: { url: `${ORIGIN}/popup.html?popout=1` } }, ID, ORIGIN)).toBe('extension');
    expect(senderRole({ id: ID, url: `${ORIGIN}/offscreen.html` }, ID, ORIGIN)).toBe('extension');
  });
});
