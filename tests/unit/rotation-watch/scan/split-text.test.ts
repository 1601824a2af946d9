// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { scanForSecrets } from '../../../../features/rotation-watch/scan/scan';
import { SELLER_CONSOLE, clientId, closeAll, hex, pageAt, secret } from './pages';

afterEach(closeAll);

const PREFIX = 'amzn1.oa2-cs.v1.';
const ID_PREFIX = 'amzn1.application-oa2-client.';
const found = (html: string) => scanForSecrets(pageAt(SELLER_CONSOLE, html)).map((f) => ({ secret: f.secret, clientId: f.clientId }));

describe('scanForSecrets on text split across inline elements and text nodes', () => {
  const body = secret(1).slice(PREFIX.length);
  it.each([
    ['prefix and hex in sibling spans', `<p>Client secret: <span>${PREFIX}</span><span>${body}</span></p>`],
    ['hex in chunks of four spans', `<p><code>${PREFIX}</code>${[0, 16, 32, 48].map((i) => `<span>${body.slice(i, i + 16)}</span>`).join('')}</p>`],
    ['the prefix itself split', `<div><b>amzn1.oa2-</b><i>cs.v1.</i><span>${body}</span></div>`],
    ['whitespace between the parts', `<p>Secret <span>${PREFIX}</span>\n  <span>${body.slice(0, 32)}</span> <span>${body.slice(32)}</span></p>`],
    ['zero-width characters between the parts', `<p><span>${PREFIX}\u200b</span><span>\u2060${body.slice(0, 10)}\u200c${body.slice(10)}</span></p>`],
    ['zero-width characters inside one text node', `<p>${PREFIX}\u200b${body.slice(0, 20)}\ufeff${body.slice(20)}</p>`],
  ])('finds a secret with %s, paired with its client id', (_name, secretHtml) => {
    expect(found(`<div role="dialog"><p>Client id: <span>${ID_PREFIX}</span><span>${clientId(1).slice(ID_PREFIX.length)}</span></p>${secretHtml}</div>`)).toEqual([
      { secret: secret(1), clientId: clientId(1) },
    ]);
  });

  it('reports a secret shown whole once, not again as a joined run', () => {
    expect(found(`<p><span>Secret:</span> <code>${secret(2)}</code> <span>copy</span></p>`)).toEqual([{ secret: secret(2), clientId: undefined }]);
  });

  it('pairs each row of a two-app table with its own split client id', () => {
    const row = (n: number) =>
      `<tr><td><span>${ID_PREFIX}</span><span>${clientId(n).slice(ID_PREFIX.length)}</span></td><td><span>${PREFIX}</span><span>${secret(n).slice(PREFIX.length)}</span></td></tr>`;
    expect(found(`<table><tbody>${row(1)}${row(2)}</tbody></table>`)).toEqual([
      { secret: secret(1), clientId: clientId(1) },
      { secret: secret(2), clientId: clientId(2) },
    ]);
  });

  it.each([
    ['63 hex split', `<p><span>${PREFIX}</span><span>${hex(63, 5)}</span></p>`],
    ['65 hex split', `<p><span>${PREFIX}</span><span>${hex(32, 5)}</span><span>${hex(33, 6)}</span></p>`],
    ['uppercase hex split', `<p><span>${PREFIX}</span><span>${hex(64, 5).toUpperCase()}</span></p>`],
    ['another prefix split', `<p><span>amzn1.oa2-cs.v2.</span><span>${hex(64, 5)}</span></p>`],
    ['glued in front across elements', `<p><span>x</span><span>${PREFIX}</span><span>${hex(64, 5)}</span></p>`],
    ['glued behind across elements', `<p><span>${PREFIX}</span><span>${hex(64, 5)}</span><span>f</span></p>`],
    ['EXAMPLE split', `<p><span>${PREFIX}</span><span>EXAMPLE</span></p>`],
    ['parts in separate blocks', `<div><p>${PREFIX}</p><p>${hex(64, 5)}</p></div>`],
    ['parts in separate table cells', `<table><tr><td>${PREFIX}</td><td>${hex(64, 5)}</td></tr></table>`],
    ['whitespace inside one text node', `<p><span>${PREFIX}${hex(63, 5)} a</span></p>`],
  ])('finds nothing in a look-alike: %s', (_name, html) => {
    expect(found(html)).toEqual([]);
  });
});
