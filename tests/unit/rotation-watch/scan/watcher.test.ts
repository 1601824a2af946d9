// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding, ScanOptions } from '../../../../features/rotation-watch/scan/scan';
import { watchForSecrets } from '../../../../features/rotation-watch/scan/watcher';
import { VENDOR_CONSOLE, clientId, closeAll, pageAt, secret } from './pages';

const scans = vi.hoisted(() => ({ roots: [] as Node[] }));

vi.mock('../../../../features/rotation-watch/scan/scan', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../features/rotation-watch/scan/scan')>();
  return {
    ...actual,
    locateSecrets: (root: Node, opts?: ScanOptions) => {
      scans.roots.push(root);
      return actual.locateSecrets(root, opts);
    },
  };
});

/** A scheduler the test runs by hand, so batches are visible. */
function manualScheduler() {
  const queue: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => void queue.push(callback),
    get pending() {
      return queue.length;
    },
    run() {
      while (queue.length) queue.shift()!();
    },
  };
}

/** Lets MutationObserver callbacks (and short timers) run. */
const settle = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

const vendorBox = `
  <section class="lwa-credentials"><h3>LWA credentials</h3>
    <dl><dt>Client identifier</dt><dd>${clientId(7)}</dd>
    <dt><button type="button" aria-expanded="false">▸</button> Client secret</dt><dd class="secret"></dd></dl>
    <p>Target rotation date: 4 Jun 2027</p>
  </section>
  <div id="busy"></div>`;

afterEach(async () => {
  scans.roots.length = 0;
  await closeAll();
});

describe('watchForSecrets', () => {
  it('scans the whole document once at start, in a scheduled batch', () => {
    const doc = pageAt(VENDOR_CONSOLE, `<p>${clientId(1)}</p><p>${secret(1)}</p>`);
    const scheduler = manualScheduler();
    const onFindings = vi.fn<(findings: Finding[]) => void>();
    const stop = watchForSecrets(doc, onFindings, { schedule: scheduler.schedule, pollMs: 0 });
    expect(onFindings).not.toHaveBeenCalled();
    expect(scheduler.pending).toBe(1);
    scheduler.run();
    expect(scans.roots).toEqual([doc]);
    expect(onFindings).toHaveBeenCalledTimes(1);
    expect(onFindings.mock.calls[0]![0]).toEqual([
      expect.objectContaining({ secret: secret(1), clientId: clientId(1) }),
    ]);
    stop();
  });

  it('batches many mutations into one scan of the changed subtrees and finds a secret revealed later', async () => {
    const doc = pageAt(VENDOR_CONSOLE, vendorBox);
    const scheduler = manualScheduler();
    const onFindings = vi.fn<(findings: Finding[]) => void>();
    const stop = watchForSecrets(doc, onFindings, { schedule: scheduler.schedule, pollMs: 0 });
    scheduler.run();
    expect(onFindings).not.toHaveBeenCalled();
    scans.roots.length = 0;

    const busy = doc.getElementById('busy')!;
    const list = doc.createElement('ul');
    busy.appendChild(list);
    for (let i = 0; i < 100; i++) list.insertAdjacentHTML('beforeend', `<li>row ${i}</li>`);
    for (let i = 0; i < 50; i++) busy.setAttribute('data-tick', String(i));
    doc.querySelector('dt button')!.setAttribute('aria-expanded', 'true');
    doc.querySelector('dd.secret')!.textContent = secret(7);
    await settle();

    expect(scheduler.pending).toBe(1);
    scheduler.run();
    expect(scans.roots).not.toContain(doc);
    expect(scans.roots).not.toContain(doc.body);
    expect(scans.roots.filter((root) => list.contains(root))).toEqual([list]);
    expect(onFindings).toHaveBeenCalledTimes(1);
    expect(onFindings.mock.calls[0]![0]).toEqual([
      expect.objectContaining({
        secret: secret(7),
        clientId: clientId(7),
        statedDate: Date.UTC(2027, 5, 4),
        element: doc.querySelector('dd.secret'),
      }),
    ]);
    stop();
  });

  it('reports each (secret, element) once', async () => {
    const doc = pageAt(VENDOR_CONSOLE, `<div id="box"><span id="s">${secret(1)}</span></div>`);
    const scheduler = manualScheduler();
    const onFindings = vi.fn<(findings: Finding[]) => void>();
    const stop = watchForSecrets(doc, onFindings, { schedule: scheduler.schedule, pollMs: 0 });
    scheduler.run();
    const span = doc.getElementById('s')!;
    span.setAttribute('class', 'revealed');
    span.textContent = secret(1);
    await settle();
    scheduler.run();
    expect(onFindings).toHaveBeenCalledTimes(1);

    doc.getElementById('box')!.insertAdjacentHTML('beforeend', `<span>${secret(1)}</span>`);
    await settle();
    scheduler.run();
    expect(onFindings).toHaveBeenCalledTimes(2); // a second element showing it
    stop();
  });

  it('catches a value set by script through the light poll', async () => {
    const doc = pageAt(VENDOR_CONSOLE, `<div>${clientId(2)}<input type="password" readonly></div>`);
    const scheduler = manualScheduler();
    const onFindings = vi.fn<(findings: Finding[]) => void>();
    const stop = watchForSecrets(doc, onFindings, { schedule: scheduler.schedule, pollMs: 10 });
    scheduler.run();
    doc.querySelector('input')!.value = secret(2); // no attribute, no event
    await settle(40);
    scheduler.run();
    expect(onFindings).toHaveBeenCalledTimes(1);
    expect(onFindings.mock.calls[0]![0]).toEqual([
      expect.objectContaining({ secret: secret(2), clientId: clientId(2), source: 'value' }),
    ]);
    stop();
  });

  it('looks at field values shortly after a click (a reveal arrow filled by script), without waiting for the tick', async () => {
    const doc = pageAt(VENDOR_CONSOLE, `<div>${clientId(3)}<button type="button">▸</button><input readonly></div>`);
    const scheduler = manualScheduler();
    const onFindings = vi.fn<(findings: Finding[]) => void>();
    const stop = watchForSecrets(doc, onFindings, { schedule: scheduler.schedule, pollMs: 60_000, pollAfterClickMs: [5] });
    scheduler.run();
    doc.querySelector('button')!.click();
    doc.querySelector('input')!.value = secret(3); // the page's own click handler, no attribute, no event
    await settle(30);
    scheduler.run();
    expect(onFindings).toHaveBeenCalledTimes(1);
    expect(onFindings.mock.calls[0]![0]).toEqual([expect.objectContaining({ secret: secret(3), clientId: clientId(3), source: 'value' })]);
    stop();
  });

  it('skips the poll on pages with many fields but still hears input events', async () => {
    const fields = Array.from({ length: 40 }, () => '<input>').join('');
    const doc = pageAt(VENDOR_CONSOLE, fields);
    const scheduler = manualScheduler();
    const onFindings = vi.fn<(findings: Finding[]) => void>();
    const stop = watchForSecrets(doc, onFindings, { schedule: scheduler.schedule, pollMs: 10, maxPolledFields: 30 });
    scheduler.run();
    const input = doc.querySelectorAll('input')[39]!;
    input.value = secret(3);
    await settle(40);
    expect(scheduler.pending).toBe(0);

    input.dispatchEvent(new (doc.defaultView!.Event)('input', { bubbles: true }));
    expect(scheduler.pending).toBe(1);
    scheduler.run();
    expect(onFindings).toHaveBeenCalledTimes(1);
    stop();
  });

  it('watches inside open shadow roots found by a scan', async () => {
    const doc = pageAt(VENDOR_CONSOLE, '<kat-box></kat-box>');
    const shadow = doc.querySelector('kat-box')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<p>${clientId(5)}</p><div class="slot"></div>`;
    const scheduler = manualScheduler();
    const onFindings = vi.fn<(findings: Finding[]) => void>();
    const stop = watchForSecrets(doc, onFindings, { schedule: scheduler.schedule, pollMs: 0 });
    scheduler.run();
    shadow.querySelector('.slot')!.innerHTML = `<code>${secret(5)}</code>`;
    await settle();
    scheduler.run();
    expect(onFindings).toHaveBeenCalledTimes(1);
    expect(onFindings.mock.calls[0]![0]).toEqual([
      expect.objectContaining({ secret: secret(5), clientId: clientId(5) }),
    ]);
    stop();
  });

  it('rescans a same-origin iframe when it loads', async () => {
    const doc = pageAt(VENDOR_CONSOLE, '<iframe src="/sellingpartner/developerconsole/app"></iframe>');
    const frame = doc.querySelector('iframe')!;
    let frameDoc: Document | null = null;
    Object.defineProperty(frame, 'contentDocument', { get: () => frameDoc });
    const scheduler = manualScheduler();
    const onFindings = vi.fn<(findings: Finding[]) => void>();
    const stop = watchForSecrets(doc, onFindings, { schedule: scheduler.schedule, pollMs: 0 });
    scheduler.run();
    frameDoc = pageAt(VENDOR_CONSOLE + '/app', `<p>${clientId(8)}</p><p>${secret(8)}</p>`);
    frame.dispatchEvent(new (doc.defaultView!.Event)('load'));
    expect(scheduler.pending).toBe(1);
    scheduler.run();
    expect(onFindings.mock.calls[0]![0]).toEqual([
      expect.objectContaining({ secret: secret(8), clientId: clientId(8) }),
    ]);
    stop();
  });

  it('does nothing after stop()', async () => {
    const doc = pageAt(VENDOR_CONSOLE, '<div id="x"></div>');
    const scheduler = manualScheduler();
    const onFindings = vi.fn<(findings: Finding[]) => void>();
    const stop = watchForSecrets(doc, onFindings, { schedule: scheduler.schedule, pollMs: 10 });
    scheduler.run();
    stop();
    doc.getElementById('x')!.textContent = secret(1);
    await settle(30);
    scheduler.run();
    expect(scheduler.pending).toBe(0);
    expect(onFindings).not.toHaveBeenCalled();
  });

  it('schedules on its own when no scheduler is given', async () => {
    const doc = pageAt(VENDOR_CONSOLE, `<p>${secret(1)}</p>`);
    const onFindings = vi.fn<(findings: Finding[]) => void>();
    const stop = watchForSecrets(doc, onFindings, { pollMs: 0 });
    await vi.waitFor(() => expect(onFindings).toHaveBeenCalledTimes(1));
    stop();
  });
});
