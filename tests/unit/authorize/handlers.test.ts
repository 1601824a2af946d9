import { asSender, FROM_EXTENSION, FROM_PAGE } from '../support/callers';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AMAZON_CONSOLE_MATCHES } from '../../../features/amazon/hosts';
import { AMAZON_REDIRECT_FILTER, authorizeBackground, REDIRECT_FILTER } from '../../../features/authorize/background';
import { createCheckService } from '../../../features/authorize/check-service';
import { createCaptureHandlers } from '../../../features/authorize/handlers';
import { DEFAULT_CAPTURE_SETTINGS } from '../../../features/authorize/settings';
import { captureStateItem } from '../../../features/authorize/storage';
import { listen } from '../../../platform/background-feature';
import { route, type Handlers } from '../../../platform/router';
import { DRAFT, consentUrl, fakeBeforeRedirect, fakeEntries, resultUrl, setup } from './helpers';

const backgroundOptions = () => {
  const { api, vault } = fakeEntries();
  return { entries: api, vault };
};

let beforeRedirect: ReturnType<typeof fakeBeforeRedirect>;
beforeEach(() => {
  beforeRedirect = fakeBeforeRedirect();
  // fakeBrowser.reset() keeps webNavigation listeners: an earlier test's watcher would still answer.
  const { onBeforeNavigate, onCommitted, onErrorOccurred } = fakeBrowser.webNavigation;
  for (const event of [onBeforeNavigate, onCommitted, onErrorOccurred]) (event as unknown as { removeAllListeners(): void }).removeAllListeners();
});

describe('capture messages', () => {
  it('are for extension pages only', async () => {
    const { service } = setup();
    const handlers = createCaptureHandlers(service, createCheckService({ vault: fakeEntries().vault, settings: { get: async () => DEFAULT_CAPTURE_SETTINGS }, fetch, hasHostAccess: async () => false, now: Date.now, notify: async () => undefined }));
    const reply = await route({ type: 'authorize.state', data: {} }, FROM_PAGE, handlers);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('are validated before the service sees them', async () => {
    const { service } = setup();
    const handlers = createCaptureHandlers(service, createCheckService({ vault: fakeEntries().vault, settings: { get: async () => DEFAULT_CAPTURE_SETTINGS }, fetch, hasHostAccess: async () => false, now: Date.now, notify: async () => undefined }));
    const reply = await route({ type: 'authorize.start', data: { draft: { ...DRAFT, alias: '' }, source: { type: 'url', url: consentUrl('s') } } }, FROM_EXTENSION, handlers);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await route({ type: 'authorize.open', data: { pendingId: 'x', incognito: 'yes' } }, FROM_EXTENSION, handlers)).toMatchObject({ ok: false });
  });

  it('start, state and save round-trip; a bad consent URL is a readable bad request', async () => {
    const { service, navigate } = setup();
    const handlers = createCaptureHandlers(service, createCheckService({ vault: fakeEntries().vault, settings: { get: async () => DEFAULT_CAPTURE_SETTINGS }, fetch, hasHostAccess: async () => false, now: Date.now, notify: async () => undefined }));
    const bad = await route({ type: 'authorize.start', data: { draft: DRAFT, source: { type: 'url', url: 'https://example.com/' } } }, FROM_EXTENSION, handlers);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/not a Seller Central/) } });
    const started = await route({ type: 'authorize.start', data: { draft: DRAFT, source: { type: 'url', url: consentUrl('r1') } } }, FROM_EXTENSION, handlers);
    expect(started.ok).toBe(true);
    await navigate(resultUrl('RHroute', 'r1'));
    const state = await route({ type: 'authorize.state', data: {} }, FROM_EXTENSION, handlers);
    expect(state).toMatchObject({ ok: true, data: { captures: [{ code: 'RHroute', verified: true }] } });
    const pendingId = (started as { data: { id: string } }).data.id;
    const saved = await route({ type: 'authorize.save', data: { pendingId, resultUrl: resultUrl('RHroute', 'r1') } }, FROM_EXTENSION, handlers);
    expect(saved).toMatchObject({ ok: true, data: { entryId: 'e1' } });
  });

  it('refuses an endpoint setting outside Amazon and this computer', async () => {
    const { service } = setup();
    const handlers = createCaptureHandlers(service, createCheckService({ vault: fakeEntries().vault, settings: { get: async () => DEFAULT_CAPTURE_SETTINGS }, fetch, hasHostAccess: async () => false, now: Date.now, notify: async () => undefined }));
    const reply = await route({ type: 'authorize.settings', data: { tokenEndpoint: 'https://collector.example/token' } }, FROM_EXTENSION, handlers);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('background wiring', () => {
  it('registers URL-filtered webNavigation listeners synchronously and stores captures in storage.session', async () => {
    const { handlers } = authorizeBackground(backgroundOptions());
    expect(fakeBrowser.webNavigation.onBeforeNavigate.hasListeners()).toBe(true);
    expect(fakeBrowser.webNavigation.onCommitted.hasListeners()).toBe(true);
    expect(fakeBrowser.webNavigation.onErrorOccurred.hasListeners()).toBe(true);
    await asSender(handlers)['authorize.start']({ draft: DRAFT, source: { type: 'url', url: consentUrl('w1') } });
    const details = { url: resultUrl('RHwired', 'w1'), tabId: 7, frameId: 0, timeStamp: Date.now(), parentFrameId: -1, processId: 1 };
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger(details as never);
    await fakeBrowser.webNavigation.onErrorOccurred.trigger({ ...details, error: 'net::ERR_CONNECTION_REFUSED' } as never);
    const stored = await captureStateItem.getValue();
    expect(stored?.captures).toHaveLength(1);
    expect(stored?.captures[0]).toMatchObject({ code: 'RHwired', verified: true });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('background wiring: commits', () => {
  it('adds two onCommitted listeners once each: every commit for the consent-step tabs, redirects only through REDIRECT_FILTER', async () => {
    const added = vi.spyOn(fakeBrowser.webNavigation.onCommitted, 'addListener');
    const { handlers } = authorizeBackground(backgroundOptions());
    expect(added.mock.calls.map(([, filter]) => filter)).toEqual([undefined, REDIRECT_FILTER]);
    expect(REDIRECT_FILTER).toEqual({ url: [{ queryContains: 'spapi_oauth_code' }, { queryContains: 'amazon_callback_uri' }] });
    await asSender(handlers)['authorize.start']({ draft: DRAFT, source: { type: 'url', url: consentUrl('c1') } });
    const commit = { url: resultUrl('RHcommit', 'c1'), tabId: 7, frameId: 0, timeStamp: Date.now(), parentFrameId: -1, processId: 1, transitionType: 'link', transitionQualifiers: [] };
    const [[everyCommit], [redirectCommit]] = added.mock.calls as unknown as [[(d: unknown) => Promise<unknown>], [(d: unknown) => Promise<unknown>]];
    await everyCommit(commit);
    expect((await captureStateItem.getValue())?.captures ?? []).toEqual([]); // the unfiltered listener never captures
    await redirectCommit(commit);
    expect((await captureStateItem.getValue())?.captures).toEqual([expect.objectContaining({ code: 'RHcommit', via: 'navigation' })]);
    added.mockRestore();
  });
});

describe('background wiring: Amazon\'s HTTP redirect (webRequest)', () => {
  const redirect = (redirectUrl: string, extra: Record<string, unknown> = {}) =>
    ({
      url: 'https://sellercentral.amazon.com/apps/authorize/confirm/amzn1.sp.solution.x',
      redirectUrl,
      tabId: 7,
      frameId: 0,
      parentFrameId: -1,
      type: 'main_frame',
      method: 'GET',
      requestId: '1',
      statusCode: 302,
      fromCache: false,
      timeStamp: Date.now(),
      ...extra,
    }) as never;

  it('listens non-blocking, main frames on the Amazon console hosts only', () => {
    authorizeBackground(backgroundOptions());
    expect(beforeRedirect.listeners).toHaveLength(1);
    // No extraInfoSpec: no 'blocking', no 'extraHeaders'.
    expect(beforeRedirect.listeners[0]?.extra).toEqual([]);
    expect(beforeRedirect.listeners[0]?.filter).toEqual({ urls: AMAZON_CONSOLE_MATCHES, types: ['main_frame'] });
    expect(AMAZON_REDIRECT_FILTER.urls.every((u) => u.startsWith('https://') && u.endsWith('/*'))).toBe(true);
  });

  it('stores the capture from the 302, and webNavigation for the same redirect adds nothing', async () => {
    const { handlers } = authorizeBackground(backgroundOptions());
    await asSender(handlers)['authorize.start']({ draft: DRAFT, source: { type: 'url', url: consentUrl('w2') } });
    const url = resultUrl('RH302wired', 'w2');
    const at = Date.now() - 1000;
    await beforeRedirect.trigger(redirect(url, { timeStamp: at }));
    expect((await captureStateItem.getValue())?.captures).toEqual([
      expect.objectContaining({ code: 'RH302wired', via: 'redirect', verified: true, capturedAt: at, tabId: 7 }),
    ]);
    const nav = { url, tabId: 7, frameId: 0, timeStamp: Date.now(), parentFrameId: -1, processId: 1 };
    await fakeBrowser.webNavigation.onCommitted.trigger({ ...nav, transitionType: 'link', transitionQualifiers: [] } as never);
    expect((await captureStateItem.getValue())?.captures).toHaveLength(1);
  });

  it('records a Login-URI hop that comes as a 302, and ignores Amazon\'s other redirects', async () => {
    const { handlers } = authorizeBackground(backgroundOptions());
    await asSender(handlers)['authorize.start']({ draft: DRAFT, source: { type: 'url', url: consentUrl('w3') } });
    await beforeRedirect.trigger(redirect('https://sellercentral.amazon.com/signin?return_to=%2Fhome'));
    expect(await captureStateItem.getValue()).toMatchObject({ captures: [], pending: [expect.not.objectContaining({ loginHop: expect.anything() })] });
    const login =
      'https://login.example.com/amazon?amazon_callback_uri=https%3A%2F%2Fsellercentral.amazon.com%2Fapps%2Fauthorize%2Fconfirm%2Fx&amazon_state=as&selling_partner_id=A3FHEXAMPLEYWS';
    await beforeRedirect.trigger(redirect(login));
    const stored = await captureStateItem.getValue();
    expect(stored?.captures).toHaveLength(0);
    expect(stored?.pending[0]?.loginHop).toMatchObject({ host: 'login.example.com', sellingPartnerId: 'A3FHEXAMPLEYWS' });
  });
});

describe('notifications', () => {
  it('a click on a capture notification opens the wizard in a tab', async () => {
    const authorize = authorizeBackground(backgroundOptions());
    listen([authorize], authorize.handlers as Handlers); // as the background main registers the click listener
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
