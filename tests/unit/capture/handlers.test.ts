import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerCaptureWatcher } from '../../../utils/capture/background';
import { createCaptureHandlers } from '../../../utils/capture/handlers';
import { captureStateItem } from '../../../utils/capture/storage';
import { route } from '../../../utils/router';
import { DRAFT, consentUrl, fakeEntries, resultUrl, setup } from './helpers';

describe('capture messages', () => {
  it('are for extension pages only', async () => {
    const { service } = setup();
    const handlers = createCaptureHandlers(service);
    const reply = await route({ type: 'capture.state', data: {} }, 'content', handlers);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('are validated before the service sees them', async () => {
    const { service } = setup();
    const handlers = createCaptureHandlers(service);
    const reply = await route({ type: 'capture.start', data: { draft: { ...DRAFT, alias: '' }, source: { type: 'url', url: consentUrl('s') } } }, 'extension', handlers);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await route({ type: 'capture.open', data: { pendingId: 'x', incognito: 'yes' } }, 'extension', handlers)).toMatchObject({ ok: false });
  });

  it('start, state and save round-trip; a bad consent URL is a readable bad request', async () => {
    const { service, navigate } = setup();
    const handlers = createCaptureHandlers(service);
    const bad = await route({ type: 'capture.start', data: { draft: DRAFT, source: { type: 'url', url: 'https://example.com/' } } }, 'extension', handlers);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/not a Seller Central/) } });
    const started = await route({ type: 'capture.start', data: { draft: DRAFT, source: { type: 'url', url: consentUrl('r1') } } }, 'extension', handlers);
    expect(started.ok).toBe(true);
    await navigate(resultUrl('RHroute', 'r1'));
    const state = await route({ type: 'capture.state', data: {} }, 'extension', handlers);
    expect(state).toMatchObject({ ok: true, data: { captures: [{ code: 'RHroute', verified: true }] } });
    const pendingId = (started as { data: { id: string } }).data.id;
    const saved = await route({ type: 'capture.save', data: { pendingId, resultUrl: resultUrl('RHroute', 'r1') } }, 'extension', handlers);
    expect(saved).toMatchObject({ ok: true, data: { entryId: 'e1' } });
  });

  it('refuses an endpoint setting outside Amazon and this computer', async () => {
    const { service } = setup();
    const handlers = createCaptureHandlers(service);
    const reply = await route({ type: 'capture.settings', data: { tokenEndpoint: 'https://collector.example/token' } }, 'extension', handlers);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('background wiring', () => {
  it('registers URL-filtered webNavigation listeners synchronously and stores captures in storage.session', async () => {
    const { handlers } = registerCaptureWatcher({ entries: () => fakeEntries().handlers });
    expect(fakeBrowser.webNavigation.onBeforeNavigate.hasListeners()).toBe(true);
    expect(fakeBrowser.webNavigation.onCommitted.hasListeners()).toBe(true);
    expect(fakeBrowser.webNavigation.onErrorOccurred.hasListeners()).toBe(true);
    await handlers['capture.start']({ draft: DRAFT, source: { type: 'url', url: consentUrl('w1') } });
    const details = { url: resultUrl('RHwired', 'w1'), tabId: 7, frameId: 0, timeStamp: Date.now(), parentFrameId: -1, processId: 1 };
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger(details as never);
    await fakeBrowser.webNavigation.onErrorOccurred.trigger({ ...details, error: 'net::ERR_CONNECTION_REFUSED' } as never);
    await new Promise((r) => setTimeout(r, 20));
    const stored = await captureStateItem.getValue();
    expect(stored?.captures).toHaveLength(1);
    expect(stored?.captures[0]).toMatchObject({ code: 'RHwired', verified: true });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('notifications', () => {
  it('a click on a capture notification opens the wizard in a tab', async () => {
    registerCaptureWatcher({ entries: () => fakeEntries().handlers });
    await fakeBrowser.notifications.onClicked.trigger('capture:abc');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.some((t) => t.url?.endsWith('/popup.html?popout=1#authorize'))).toBe(true);
  });

  it('never puts the Result URL, code or state into the notification', async () => {
    const { service, deps, navigate } = setup();
    await service.start(DRAFT, { type: 'url', url: consentUrl('secret-state') });
    await navigate(resultUrl('RHsecretcode', 'secret-state'));
    await new Promise((r) => setTimeout(r, 0));
    const text = JSON.stringify(deps.notify.mock.calls);
    expect(text).not.toContain('RHsecretcode');
    expect(text).not.toContain('secret-state');
  });
});
