import { describe, expect, it } from 'vitest';
import { senderRole } from '../../../platform/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('senderRole', () => {
  it('trusts our own extension pages', () => {
    expect(senderRole({ id: ID, url: `${ORIGIN}/popup.html` }, ID, ORIGIN)).toBe('extension');
  });

  it('treats our content script on an Amazon console host as the page', () => {
    const url = 'https://vendorcentral.amazon.de/sellingpartner/developerconsole';
    expect(senderRole({ id: ID, url, tab: { url } }, ID, ORIGIN)).toBe('page');
  });

  it.each([
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html` }],
    ['another extension claiming our page', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `${ORIGIN}/popup.html` }],
    ['a look-alike origin', { id: ID, url: `chrome-extension://${ID}.evil.example/popup.html` }],
    ['a web page', { id: ID, url: 'https://evil.example/', tab: { url: 'https://evil.example/' } }],
    ['an Amazon look-alike', { id: ID, url: 'https://sellercentral.amazon.com.evil.example/', tab: { url: 'https://sellercentral.amazon.com.evil.example/' } }],
    ['plain http Amazon', { id: ID, url: 'http://sellercentral.amazon.com/', tab: { url: 'http://sellercentral.amazon.com/' } }],
    ['a data: URL', { id: ID, url: 'data:text/html,<p>hi</p>' }],
    ['a file: URL', { id: ID, url: 'file:///tmp/popup.html' }],
    ['no URL', { id: ID }],
    ['a malformed URL', { id: ID, url: 'not a url' }],
  ])('rejects %s', (_name, sender) => {
    expect(senderRole(sender, ID, ORIGIN)).toBe('untrusted');
  });
});
