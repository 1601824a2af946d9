// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Request } from '../../../../platform/protocol';
import { startReportingSecrets } from '../../../../features/rotation-watch/on-page/report-secrets';
import { clientId, hex, secret } from '../helpers';

const PANEL_URL = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/panel.html';
const windows: Window[] = [];

function consolePage(body: string): Document {
  const win = new Window({ url: 'https://sellercentral.amazon.com/sellingpartner/developerconsole', settings: { disableIframePageLoading: true } });
  windows.push(win);
  win.document.body.innerHTML = body;
  return win.document as unknown as Document;
}

afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

function userClick(el: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { get: () => true });
  el.dispatchEvent(event);
}

function start(doc: Document, fail: (data: Request<'rotationWatch.report'>) => boolean = () => false) {
  const reports: Request<'rotationWatch.report'>[] = [];
  let n = 0;
  const stop = startReportingSecrets({
    doc,
    report: async (data) => {
      reports.push(data);
      if (fail(data)) throw new Error('extension reloading');
      return { token: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
    },
    panelUrl: PANEL_URL,
    watch: { schedule: (callback) => setTimeout(callback, 0), pollMs: 0 },
  });
  return { reports, stop };
}

const modal = (cid: string, shown: string) =>
  `<div role="dialog"><p>Client identifier: <span>${cid}</span></p><p>Client secret: <code id="s">${shown}</code></p>
   <button type="button" id="rotate">Geheimnis rotieren</button></div>`;

describe('startReportingSecrets', () => {
  it('reports each secret once with its client id, and lists it in one docked panel the page cannot look into', async () => {
    const doc = consolePage(modal(clientId(1), secret(1)));
    const { reports, stop } = start(doc);
    await settle();
    doc.querySelector('[role=dialog]')!.insertAdjacentHTML('beforeend', `<p title="${secret(1)}">again</p><p>${secret(3)}</p>`);
    await settle();
    expect(reports).toEqual([
      { secret: secret(1), clientId: clientId(1) },
      { secret: secret(3), clientId: clientId(1), previousSecret: secret(1) }, // another one for the same app: a replacement
    ]);
    const hosts = doc.querySelectorAll('lwa-vault-panel');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.shadowRoot).toBeNull(); // what the page sees: a closed root
    expect(hosts[0]!.parentElement).toBe(doc.body);
    stop();
    expect(doc.querySelector('lwa-vault-panel')).toBeNull();
  });

  it('after a user click in the dialog (any language), reports the new secret with the click time and the one it replaced', async () => {
    const doc = consolePage(modal(clientId(1), secret(1)));
    vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    const { reports } = start(doc);
    await settle();
    userClick(doc.getElementById('rotate')!);
    expect(doc.querySelector('lwa-vault-panel')).not.toBeNull(); // the panel frame starts loading now
    doc.getElementById('s')!.textContent = secret(2);
    await settle();
    expect(reports.at(-1)).toEqual({ secret: secret(2), clientId: clientId(1), rotateClickedAt: 1_800_000_000_000, previousSecret: secret(1) });
    vi.restoreAllMocks();
  });

  it("knows a replacement without any click, and ignores a page script's synthetic one", async () => {
    const doc = consolePage(modal(clientId(1), secret(1)));
    const { reports } = start(doc);
    await settle();
    doc.getElementById('rotate')!.click(); // synthetic: not the user's
    doc.getElementById('s')!.textContent = secret(2);
    await settle();
    expect(reports.at(-1)).toEqual({ secret: secret(2), clientId: clientId(1), previousSecret: secret(1) });
  });

  it('never reports look-alikes', async () => {
    const doc = consolePage(
      `<p>amzn1.oa2-cs.v1.EXAMPLE amzn1.oa2-cs.v1.${hex(63, 1)} amzn1.oa2-cs.v1.${hex(65, 2)} amzn1.oa2-cs.v2.${hex(64, 3)}</p><p>${secret(4)}</p>`,
    );
    const { reports } = start(doc);
    await settle();
    expect(reports.map((r) => r.secret)).toEqual([secret(4)]);
  });

  it('reports again later when the extension did not answer, and shows nothing until it does', async () => {
    const doc = consolePage(`<p id="a">${secret(5)}</p>`);
    let calls = 0;
    const { reports } = start(doc, () => ++calls === 1);
    await settle();
    expect(doc.querySelector('lwa-vault-panel')).toBeNull();
    doc.body.insertAdjacentHTML('beforeend', `<p>${secret(5)}</p>`);
    await settle();
    expect(reports).toHaveLength(2);
    expect(doc.querySelector('lwa-vault-panel')).not.toBeNull();
  });
});
