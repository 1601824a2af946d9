// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { scanForSecrets } from '../../../../features/rotation-watch/scan/scan';
import {
  SELLER_CONSOLE,
  VENDOR_CONSOLE,
  clientId,
  closeAll,
  hex,
  pageAt,
  secret,
  sellerConsoleHtml,
} from './pages';

afterEach(closeAll);

describe('scanForSecrets on the Seller Central Developer Console', () => {
  it('finds the secret in the LWA credentials modal, paired with the modal client id and its rotation date', () => {
    const doc = pageAt(
      SELLER_CONSOLE,
      sellerConsoleHtml({ modalClientId: clientId(1), modalSecret: secret(1), rotationDate: '4 Jun 2027' }),
    );
    const findings = scanForSecrets(doc);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ secret: secret(1), clientId: clientId(1), source: 'text' });
    expect(finding!.statedDate).toBe(Date.UTC(2027, 5, 4));
    expect(finding!.element.className).toBe('cred-value');
  });

  it('leaves the client id out rather than guessing when the modal does not show it and the page lists two', () => {
    const doc = pageAt(SELLER_CONSOLE, sellerConsoleHtml({ modalSecret: secret(1) }));
    const rows = doc.querySelectorAll('tbody tr');
    rows[0]!.insertAdjacentHTML('beforeend', `<td>${clientId(1)}</td>`);
    rows[1]!.insertAdjacentHTML('beforeend', `<td>${clientId(2)}</td>`);
    const [finding] = scanForSecrets(doc);
    expect(finding!.secret).toBe(secret(1));
    expect(finding!.clientId).toBeUndefined();
  });

  it('pairs each secret with the client id of its own row in a multi-row table', () => {
    const rows = [1, 2, 3]
      .map((n) => `<tr><td>App ${n}</td><td>${clientId(n)}</td><td><code>${secret(n)}</code></td></tr>`)
      .join('');
    const doc = pageAt(SELLER_CONSOLE, `<table><tbody>${rows}</tbody></table>`);
    const findings = scanForSecrets(doc);
    expect(findings.map((f) => [f.secret, f.clientId])).toEqual([
      [secret(1), clientId(1)],
      [secret(2), clientId(2)],
      [secret(3), clientId(3)],
    ]);
  });
});

describe('scanForSecrets on the Vendor Central LWA credentials box', () => {
  const box = (revealed: string) => `
    <section class="lwa-credentials" aria-label="LWA credentials">
      <h3>LWA credentials</h3>
      <dl><dt>Client identifier</dt><dd>${clientId(7)}</dd>
      <dt><button type="button" aria-expanded="false">▸</button> Client secret</dt><dd class="secret">${revealed}</dd></dl>
      <p>Expires on 2027-06-04</p>
    </section>`;

  it('finds nothing while the client secret is collapsed', () => {
    expect(scanForSecrets(pageAt(VENDOR_CONSOLE, box('')))).toEqual([]);
  });

  it('finds the revealed secret, paired with the box client id', () => {
    const doc = pageAt(VENDOR_CONSOLE, box(''));
    doc.querySelector('dd.secret')!.textContent = secret(7);
    const findings = scanForSecrets(doc);
    expect(findings).toEqual([
      expect.objectContaining({ secret: secret(7), clientId: clientId(7), statedDate: Date.UTC(2027, 5, 4) }),
    ]);
  });
});

describe('scanForSecrets sources', () => {
  it('raises nothing on a page of look-alikes', () => {
    const doc = pageAt(
      'https://developer-docs.amazon.com/sp-api/docs/rotating-your-apps-lwa-credentials',
      `<article>
        <p>Your secret looks like amzn1.oa2-cs.v1.EXAMPLE or amzn1.oa2-cs.v1.8b6XXXX….</p>
        <p>Too short: amzn1.oa2-cs.v1.${hex(63, 9)}</p>
        <p>Too long: amzn1.oa2-cs.v1.${hex(65, 9)}</p>
        <p>Other prefix: amzn1.oa2-cs.v2.${hex(64, 9)} and amzn2.oa2-cs.v1.${hex(64, 9)}</p>
        <p>Upper case: amzn1.oa2-cs.v1.${'AB'.repeat(32)}</p>
        <input value="amzn1.oa2-cs.v1.EXAMPLE" title="amzn1.oa2-cs.v1.${hex(63, 9)}">
        <script>var s = "${secret(9)}";</script>
      </article>`,
    );
    expect(scanForSecrets(doc)).toEqual([]);
  });

  it('reads an input value set by script, with no value attribute', () => {
    const doc = pageAt(SELLER_CONSOLE, `<div role="dialog"><span>${clientId(3)}</span><input readonly></div>`);
    const input = doc.querySelector('input')!;
    input.value = secret(3);
    expect(input.hasAttribute('value')).toBe(false);
    expect(scanForSecrets(doc)).toEqual([
      expect.objectContaining({ secret: secret(3), clientId: clientId(3), source: 'value', element: input }),
    ]);
  });

  it('reads a textarea value and reports a value attribute only once', () => {
    const doc = pageAt(SELLER_CONSOLE, `<input value="${secret(4)}"><textarea></textarea>`);
    doc.querySelector('textarea')!.value = secret(5);
    expect(scanForSecrets(doc).map((f) => [f.secret, f.source, f.element.tagName])).toEqual([
      [secret(4), 'value', 'INPUT'],
      [secret(5), 'value', 'TEXTAREA'],
    ]);
  });

  it('reads attributes (data-*, title, aria-label)', () => {
    const doc = pageAt(
      SELLER_CONSOLE,
      `<button data-clipboard-text="${secret(1)}">Copy</button>
       <span title="${secret(2)}">••••</span><i aria-label="secret ${secret(3)}"></i>`,
    );
    expect(scanForSecrets(doc).map((f) => [f.secret, f.source, f.element.tagName])).toEqual([
      [secret(1), 'attribute', 'BUTTON'],
      [secret(2), 'attribute', 'SPAN'],
      [secret(3), 'attribute', 'I'],
    ]);
  });

  it('looks inside open shadow roots and pairs across the shadow boundary', () => {
    const doc = pageAt(SELLER_CONSOLE, `<kat-modal><span slot="header">${clientId(4)}</span></kat-modal>`);
    const host = doc.querySelector('kat-modal')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<div class="body"><kat-input></kat-input></div>`;
    const inner = shadow.querySelector('kat-input')!.attachShadow({ mode: 'open' });
    inner.innerHTML = `<span class="value">${secret(4)}</span>`;
    const [finding] = scanForSecrets(doc);
    expect(finding).toMatchObject({ secret: secret(4), clientId: clientId(4), source: 'text' });
    expect(finding!.element).toBe(inner.querySelector('.value'));
  });

  it('does not see into closed shadow roots (such as our own panel)', () => {
    const doc = pageAt(SELLER_CONSOLE, '<div id="panel-host"></div>');
    const closed = doc.getElementById('panel-host')!.attachShadow({ mode: 'closed' });
    closed.innerHTML = `<span>${secret(1)}</span>`;
    expect(scanForSecrets(doc)).toEqual([]);
  });

  it('looks inside same-origin iframes and survives cross-origin ones', () => {
    const doc = pageAt(SELLER_CONSOLE, `<iframe id="same"></iframe><iframe id="cross"></iframe>`);
    const frameWin = new Window({ url: SELLER_CONSOLE + '/frame' });
    frameWin.document.body.innerHTML = `<div>${clientId(6)}</div><div>${secret(6)}</div>`;
    Object.defineProperty(doc.getElementById('same')!, 'contentDocument', { get: () => frameWin.document });
    Object.defineProperty(doc.getElementById('cross')!, 'contentDocument', {
      get: () => {
        throw new Error('SecurityError: blocked a frame with origin');
      },
    });
    const findings = scanForSecrets(doc);
    expect(findings).toEqual([expect.objectContaining({ secret: secret(6), clientId: clientId(6) })]);
    void frameWin.happyDOM.close();
  });

  it('scans only the subtree it is given', () => {
    const doc = pageAt(SELLER_CONSOLE, `<div id="a">${secret(1)}</div><div id="b">${secret(2)}</div>`);
    expect(scanForSecrets(doc.getElementById('b')!).map((f) => f.secret)).toEqual([secret(2)]);
  });

  it('reports the same secret once per element that shows it', () => {
    const doc = pageAt(SELLER_CONSOLE, `<p>${secret(1)} (again: ${secret(1)})</p><p title="${secret(1)}">x</p>`);
    expect(scanForSecrets(doc).map((f) => f.source)).toEqual(['text', 'attribute']);
  });
});
