import { describe, expect, it } from 'vitest';
import { CODE_LIFETIME_MS, PENDING_TTL_MS } from '../../../features/amazon/redirect';
import { DRAFT, consentUrl, resultUrl, setup } from './helpers';

describe('redirect watcher: capture and dedupe', () => {
  it('captures a verified redirect and attaches it to the authorization with the same state', async () => {
    const { service, navigate, deps } = setup();
    const pending = await service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    const outcome = await navigate(resultUrl('RHcode1', 's1'));
    expect(outcome.type).toBe('captured');
    const view = await service.view();
    expect(view.captures).toHaveLength(1);
    expect(view.captures[0]).toMatchObject({ verified: true, pendingId: pending.id, code: 'RHcode1', sellingPartnerId: 'A3FHEXAMPLEYWS' });
    expect(view.pending[0]?.captureId).toBe(view.captures[0]?.id);
    await new Promise((r) => setTimeout(r, 0));
    expect(deps.notify).toHaveBeenCalledWith(expect.stringMatching(/^capture:/), 'Result URL captured for Cleo US — valid for 5:00.');
  });

  it('stores exactly one capture when onBeforeNavigate, onCommitted and onErrorOccurred all fire', async () => {
    const { service, navigate } = setup();
    await service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    const url = resultUrl('RHdup', 's1');
    const outcomes = await Promise.all([navigate(url), navigate(url), navigate(url)]);
    expect(outcomes.map((o) => o.type).sort()).toEqual(['captured', 'duplicate', 'duplicate']);
    expect((await service.view()).captures).toHaveLength(1);
  });

  it('stores one capture when webRequest (Amazon\'s 302) and webNavigation both report the redirect', async () => {
    const { service, clock } = setup();
    const pending = await service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    const url = resultUrl('RHboth', 's1');
    const redirectAt = clock.now;
    // The 302 arrives first; the target commits (or fails) later, with the same URL and code.
    const outcomes = await Promise.all([
      service.onNavigation({ url, tabId: 42, frameId: 0, timeStamp: redirectAt, via: 'redirect' }),
      service.onNavigation({ url, tabId: 42, frameId: 0, timeStamp: redirectAt + 300 }),
      service.onNavigation({ url, tabId: 42, frameId: 0, timeStamp: redirectAt + 310 }),
    ]);
    expect(outcomes.map((o) => o.type)).toEqual(['captured', 'duplicate', 'duplicate']);
    const view = await service.view();
    expect(view.captures).toHaveLength(1);
    // The 5-minute clock starts at Amazon's answer, the earliest moment the code existed for the browser.
    expect(view.captures[0]).toMatchObject({ via: 'redirect', capturedAt: redirectAt, verified: true, pendingId: pending.id });
    expect(view.pending[0]?.captureId).toBe(view.captures[0]?.id);
  });

  it('keeps the webNavigation capture when a late webRequest event repeats it', async () => {
    const { service, navigate } = setup();
    await service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    const url = resultUrl('RHlate302', 's1');
    expect((await navigate(url)).type).toBe('captured');
    expect((await service.onNavigation({ url, tabId: 42, frameId: 0, timeStamp: 0, via: 'redirect' })).type).toBe('duplicate');
    expect((await service.view()).captures).toEqual([expect.objectContaining({ via: 'navigation' })]);
  });

  it('still dedupes after a worker restart (a new service over the same storage)', async () => {
    const first = setup();
    await first.service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    await first.navigate(resultUrl('RHonce', 's1'));
    const { createCaptureService } = await import('../../../features/authorize/service');
    const restarted = createCaptureService(first.deps);
    const again = await restarted.onNavigation({ url: resultUrl('RHonce', 's1'), tabId: 42, frameId: 0, timeStamp: first.clock.now });
    expect(again.type).toBe('duplicate');
    expect((await restarted.view()).captures).toHaveLength(1);
  });

  it('reads parameters in any order and whatever the host', async () => {
    const { service, navigate } = setup();
    const pending = await service.start(DRAFT, { type: 'url', url: consentUrl('s9') });
    await navigate('http://127.0.0.1:9/landing?selling_partner_id=A1B2C3D4E5F6G&mws_auth_token=amzn.mws.x&state=s9&spapi_oauth_code=RHany');
    const [capture] = (await service.view()).captures;
    expect(capture).toMatchObject({ pendingId: pending.id, mwsAuthToken: 'amzn.mws.x', code: 'RHany' });
  });

  it('ignores sub-frames and URLs without a usable code', async () => {
    const { service, navigate } = setup();
    expect((await navigate(resultUrl('RHframe', 's'), { frameId: 3 })).type).toBe('ignored');
    expect((await navigate('https://app.example.com/cb?spapi_oauth_code=&state=s')).type).toBe('ignored');
    expect((await service.view()).captures).toHaveLength(0);
  });

  it('keeps a capture with no pending authorization, unverified, when it left Amazon’s consent step', async () => {
    const { service, navigate, deps } = setup();
    await navigate(resultUrl('RHlonely', 'x'), { fromAmazon: true });
    expect((await service.view()).captures[0]).toMatchObject({ verified: false, reason: 'no-pending' });
    await new Promise((r) => setTimeout(r, 0));
    expect(deps.notify.mock.calls[0]?.[1]).toMatch(/unverified/);
  });

  it('ignores an unsolicited redirect that did not come from Amazon’s consent step: nothing stored, nobody told', async () => {
    const { service, navigate, deps, area } = setup();
    expect(await navigate(resultUrl('RHjunk', 'x'))).toEqual({ type: 'ignored' });
    expect((await service.view()).captures).toEqual([]);
    expect(area.value).toBeUndefined();
    await new Promise((r) => setTimeout(r, 0));
    expect(deps.notify).not.toHaveBeenCalled();
  });

  it('ignores a redirect URL over 4 KB, even from Amazon and with a flow waiting', async () => {
    const { service, navigate } = setup();
    await service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    const padded = `${resultUrl('RHpadded', 's1')}&pad=${'x'.repeat(4096)}`;
    expect(await navigate(padded, { fromAmazon: true })).toEqual({ type: 'ignored' });
    expect((await service.view()).captures).toEqual([]);
  });

  it('keeps at most 5 unverified captures, oldest dropped first, never a verified one; one notice a minute', async () => {
    const { service, navigate, deps, clock } = setup();
    await service.start(DRAFT, { type: 'url', url: consentUrl('mine') });
    await navigate(resultUrl('RHmine', 'mine'));
    for (let i = 0; i < 60; i++) {
      clock.now += 1_000;
      await navigate(resultUrl(`RHjunk${i}`, `theirs${i}`));
    }
    const { captures } = await service.view();
    expect(captures.filter((c) => c.verified).map((c) => c.code)).toEqual(['RHmine']);
    expect(captures.filter((c) => !c.verified).map((c) => c.code)).toEqual(['RHjunk55', 'RHjunk56', 'RHjunk57', 'RHjunk58', 'RHjunk59']);
    await new Promise((r) => setTimeout(r, 0));
    const notes = deps.notify.mock.calls.map(([, message]) => message);
    expect(notes.filter((m) => /unverified/.test(m))).toHaveLength(1); // 60 s of junk: the first one only
    expect(notes.filter((m) => /captured for Cleo US/.test(m))).toHaveLength(1);
  });

  it('leaves a capture with a foreign state unverified and never attaches it', async () => {
    const { service, navigate } = setup();
    await service.start(DRAFT, { type: 'url', url: consentUrl('mine') });
    await navigate(resultUrl('RHforeign', 'theirs'));
    const view = await service.view();
    expect(view.captures[0]).toMatchObject({ verified: false, reason: 'state-mismatch' });
    expect(view.captures[0]?.pendingId).toBeUndefined();
    expect(view.pending[0]?.captureId).toBeUndefined();
  });

  it('matches two flows at once, each by its own state', async () => {
    const { service, navigate } = setup();
    const a = await service.start({ ...DRAFT, alias: 'A' }, { type: 'url', url: consentUrl('sa') });
    const b = await service.start({ ...DRAFT, alias: 'B' }, { type: 'url', url: consentUrl('sb') });
    await navigate(resultUrl('RHb', 'sb'), { tabId: 1 });
    await navigate(resultUrl('RHa', 'sa'), { tabId: 2 });
    const view = await service.view();
    const codeOf = (id: string) => view.captures.find((c) => c.id === view.pending.find((p) => p.id === id)?.captureId)?.code;
    expect(codeOf(a.id)).toBe('RHa');
    expect(codeOf(b.id)).toBe('RHb');
  });

  it('records the Login-URI hop as progress of the flow whose tab it happened in', async () => {
    const { service, navigate } = setup();
    const p = await service.start(DRAFT, { type: 'url', url: consentUrl('s1') });
    await service.open(p.id, false);
    const hop = await navigate(
      'https://login.example.com/amazon?amazon_callback_uri=https%3A%2F%2Fsellercentral.amazon.com%2Fapps%2Fauthorize%2Fconfirm%2Fx&amazon_state=as&selling_partner_id=A3FHEXAMPLEYWS',
      { tabId: 42 },
    );
    expect(hop).toEqual({ type: 'login-hop', pendingId: p.id });
    const view = await service.view();
    expect(view.pending[0]?.loginHop).toMatchObject({ host: 'login.example.com', sellingPartnerId: 'A3FHEXAMPLEYWS' });
    expect(view.captures).toHaveLength(0);
  });

  it('says an unverified capture cannot be verified when the flow started without a state', async () => {
    const { service, navigate } = setup();
    const p = await service.start(DRAFT, { type: 'url', url: consentUrl() });
    await navigate(resultUrl('RHnostate', 'cleo-state'));
    const view = await service.view();
    expect(view.captures[0]).toMatchObject({ verified: false, reason: 'pending-without-state' });
    const attached = await service.attach(view.captures[0]!.id, p.id);
    expect(attached.captureId).toBe(view.captures[0]!.id);
  });

  it('refuses to attach an unverified capture to a flow that has a state', async () => {
    const { service, navigate } = setup();
    const p = await service.start(DRAFT, { type: 'url', url: consentUrl('mine') });
    await navigate(resultUrl('RHx', 'theirs'));
    const [capture] = (await service.view()).captures;
    await expect(service.attach(capture!.id, p.id)).rejects.toThrow(/without a state/);
  });
});

describe('redirect watcher: expiry, tabs, restarts', () => {
  it('expires a flow after 30 minutes without a redirect and says so once', async () => {
    const { service, clock, deps, navigate } = setup();
    await service.start(DRAFT, { type: 'url', url: consentUrl('late') });
    clock.now += PENDING_TTL_MS - 1;
    expect((await service.view()).pending[0]?.expiredAt).toBeUndefined();
    clock.now += 1;
    await service.onAlarm('capture.expire');
    await service.view();
    expect((await service.view()).pending[0]?.expiredAt).toBe(clock.now);
    const expiredNotes = deps.notify.mock.calls.filter(([id]) => id.startsWith('capture-expired:'));
    expect(expiredNotes).toHaveLength(1);
    expect(expiredNotes[0]?.[1]).toMatch(/No redirect came back for Cleo US within 30 minutes/);
    // A redirect that turns up afterwards is captured, but unverified.
    await navigate(resultUrl('RHlate', 'late'), { fromAmazon: true });
    expect((await service.view()).captures[0]).toMatchObject({ verified: false, reason: 'no-pending' });
  });

  it('arms the expiry alarm for the earliest waiting flow', async () => {
    const { service, clock, deps } = setup();
    await service.start(DRAFT, { type: 'url', url: consentUrl('a') });
    expect(deps.alarms.at).toHaveBeenLastCalledWith('capture.expire', clock.now + PENDING_TTL_MS);
  });

  it('notes that the sign-in tab closed before the redirect, and reopening clears it', async () => {
    const { service } = setup();
    const p = await service.start(DRAFT, { type: 'url', url: consentUrl('t') });
    await service.open(p.id, false);
    await service.onTabRemoved(42);
    expect((await service.view()).pending[0]?.tabClosedAt).toBeDefined();
    await service.open(p.id, false);
    expect((await service.view()).pending[0]?.tabClosedAt).toBeUndefined();
  });

  it('opens incognito only when LWA Vault is allowed there', async () => {
    const { service, deps } = setup();
    const p = await service.start(DRAFT, { type: 'url', url: consentUrl('i') });
    await service.open(p.id, true);
    expect(deps.openTab).toHaveBeenLastCalledWith(consentUrl('i'), false);
    deps.incognitoAllowed.mockResolvedValue(true);
    await service.open(p.id, true);
    expect(deps.openTab).toHaveBeenLastCalledWith(consentUrl('i'), true);
  });

  it('shows the badge hint while the code is fresh and hands the toolbar back after 5 minutes', async () => {
    const { service, clock, deps, navigate } = setup();
    await service.start(DRAFT, { type: 'url', url: consentUrl('b') });
    await navigate(resultUrl('RHbadge', 'b'));
    await new Promise((r) => setTimeout(r, 0));
    expect(deps.paintBadge).toHaveBeenLastCalledWith(expect.objectContaining({ text: '5m' }));
    clock.now += CODE_LIFETIME_MS;
    await service.onAlarm('capture.badge');
    expect(deps.paintBadge).toHaveBeenLastCalledWith(undefined);
    expect(deps.alarms.clear).toHaveBeenCalledWith('capture.badge');
  });
});
