import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchIncognitoSession } from '../../../features/authorize/incognito';
import { DRAFT, consentUrl, resultUrl, setup } from './helpers';

// The incognito hook of the capture watcher: tabs are remembered as they open, captures dropped at the end.
describe('incognito session end', () => {
  async function capturedIn(tabs: { incognito: number; normal: number }) {
    const capture = setup();
    const dismiss = vi.fn((id: string) => capture.service.dismiss(id));
    watchIncognitoSession({ captures: async () => (await capture.service.view()).captures, dismiss });
    const privately = await capture.service.start({ ...DRAFT, alias: 'Cleo private' }, { type: 'url', url: consentUrl('s1') });
    await capture.service.start({ ...DRAFT, alias: 'Cleo normal' }, { type: 'url', url: consentUrl('s2') });
    await fakeBrowser.tabs.onCreated.trigger({ id: tabs.incognito, incognito: true } as never);
    await fakeBrowser.tabs.onCreated.trigger({ id: tabs.normal, incognito: false } as never);
    await capture.navigate(resultUrl('RHprivate', 's1'), { tabId: tabs.incognito });
    await capture.navigate(resultUrl('RHnormal', 's2'), { tabId: tabs.normal });
    return { ...capture, dismiss, privately };
  }

  const windowsLeft = (incognito: boolean[]) =>
    vi.spyOn(browser.windows, 'getAll').mockResolvedValue(incognito.map((i, n) => ({ id: n, incognito: i })) as never);

  it('drops the incognito captures when the last incognito window closes and keeps the rest', async () => {
    const { service, dismiss, privately } = await capturedIn({ incognito: 7, normal: 8 });
    expect((await service.view()).captures).toHaveLength(2);
    windowsLeft([false]);
    await fakeBrowser.windows.onRemoved.trigger(3);
    await vi.waitFor(() => expect(dismiss).toHaveBeenCalledTimes(1));
    const view = await service.view();
    expect(view.captures.map((c) => c.code)).toEqual(['RHnormal']);
    // The authorization that took the dropped capture waits again; the normal one keeps its capture.
    expect(view.pending.find((p) => p.id === privately.id)?.captureId).toBeUndefined();
    expect(view.pending.find((p) => p.draft.alias === 'Cleo normal')?.captureId).toBe(view.captures[0]?.id);
  });

  it('keeps everything while another incognito window is open', async () => {
    const { service, dismiss } = await capturedIn({ incognito: 7, normal: 8 });
    windowsLeft([false, true]);
    await fakeBrowser.windows.onRemoved.trigger(3);
    expect(dismiss).not.toHaveBeenCalled();
    expect((await service.view()).captures).toHaveLength(2);
  });

  it('still knows the incognito tabs after a worker restart (storage.session)', async () => {
    const first = await capturedIn({ incognito: 7, normal: 8 });
    // A new watcher over the same capture state: what a woken event page or service worker starts with.
    const dismiss = vi.fn((id: string) => first.service.dismiss(id));
    fakeBrowser.windows.onRemoved.removeAllListeners();
    watchIncognitoSession({ captures: async () => (await first.service.view()).captures, dismiss });
    windowsLeft([]);
    await fakeBrowser.windows.onRemoved.trigger(3);
    await vi.waitFor(() => expect(dismiss).toHaveBeenCalledTimes(1));
    expect((await first.service.view()).captures.map((c) => c.code)).toEqual(['RHnormal']);
  });
});
