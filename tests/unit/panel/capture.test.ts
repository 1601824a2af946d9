// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Request } from '../../../utils/messages';
import { startSecretCapture } from '../../../utils/rotation-capture/on-page/capture';
import type { ReportStatus } from '../../../utils/rotation-capture/protocol';
import { clientId, hex, secret } from './helpers';

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

function start(doc: Document, answer: (data: Request<'sighting.report'>) => ReportStatus | Promise<ReportStatus>) {
  const reports: Request<'sighting.report'>[] = [];
  let n = 0;
  const stop = startSecretCapture({
    doc,
    report: async (data) => {
      reports.push(data);
      const status = await answer(data);
      return status === 'new' ? { status, id: `id-${++n}` } : { status };
    },
    panelUrl: PANEL_URL,
    extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    watch: { schedule: (callback) => setTimeout(callback, 0), pollMs: 0 },
  });
  return { reports, stop };
}

const modal = (cid: string, shown: string) =>
  `<div role="dialog"><p>Client identifier: <span>${cid}</span></p><p>Client secret: <code id="s">${shown}</code></p>
   <button type="button" id="rotate">Rotate secret</button></div>`;

describe('startSecretCapture', () => {
  it('reports each secret once with its client id, and marks one that is up to date', async () => {
    const doc = consolePage(modal(clientId(1), secret(1)));
    const { reports, stop } = start(doc, () => 'up-to-date');
    await settle();
    doc.querySelector('[role=dialog]')!.insertAdjacentHTML('beforeend', `<p title="${secret(1)}">again</p>`);
    await settle();
    expect(reports).toEqual([{ secret: secret(1), clientId: clientId(1) }]);
    const mark = doc.querySelector('lwa-vault-mark')!;
    expect(mark.previousElementSibling?.id).toBe('s');
    expect(mark.shadowRoot).toBeNull(); // what the page sees: a closed root
    expect(doc.querySelector('lwa-vault-panel')).toBeNull();
    stop();
    expect(doc.querySelector('lwa-vault-mark')).toBeNull();
  });

  it('after a Rotate click, reports the new secret with the click time and the secret shown before it', async () => {
    const doc = consolePage(modal(clientId(1), secret(1)));
    vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    const { reports } = start(doc, (data) => (data.rotateClickedAt ? 'new' : 'ignored'));
    await settle();
    doc.getElementById('rotate')!.click();
    expect(doc.querySelector('lwa-vault-panel')).not.toBeNull(); // a hidden panel frame starts loading now
    doc.getElementById('s')!.textContent = secret(2);
    await settle();
    expect(reports.at(-1)).toEqual({ secret: secret(2), clientId: clientId(1), rotateClickedAt: 1_800_000_000_000, previousSecret: secret(1) });
    const panel = doc.querySelector('lwa-vault-panel')!;
    expect(panel.previousElementSibling?.id).toBe('s'); // beside the secret, next in the tab order
    expect(panel.shadowRoot).toBeNull();
  });

  it('shows nothing for a secret the background ignores, and never reports look-alikes', async () => {
    const doc = consolePage(
      `<p>amzn1.oa2-cs.v1.EXAMPLE amzn1.oa2-cs.v1.${hex(63, 1)} amzn1.oa2-cs.v1.${hex(65, 2)} amzn1.oa2-cs.v2.${hex(64, 3)}</p><p>${secret(4)}</p>`,
    );
    const { reports } = start(doc, () => 'ignored');
    await settle();
    expect(reports.map((r) => r.secret)).toEqual([secret(4)]);
    expect(doc.querySelector('lwa-vault-mark, lwa-vault-panel')).toBeNull();
  });

  it('reports again later when the extension did not answer', async () => {
    const doc = consolePage(`<p id="a">${secret(5)}</p>`);
    let calls = 0;
    const { reports } = start(doc, () => {
      if (++calls === 1) throw new Error('extension reloading');
      return 'locked';
    });
    await settle();
    doc.body.insertAdjacentHTML('beforeend', `<p>${secret(5)}</p>`);
    await settle();
    expect(reports).toHaveLength(2);
    expect(doc.querySelector('lwa-vault-mark')).not.toBeNull();
  });
});
