import { browser } from 'wxt/browser';
import { newState } from '../amazon/consent';
import { AMAZON_CONSOLE_MATCHES } from '../amazon/hosts';
import { classifyRedirect } from '../amazon/redirect';
import type { BackgroundFeature } from '../../platform/background-feature';
import { budgeted, SESSION_BUDGETS } from '../../platform/storage-items';
import { paintCaptureBadge, type CaptureBadgeHint } from './badge';
import type { NavigationDetails } from './flows';
import { createTabCommitStore } from './consent-tabs';
import { createCheckService, DAILY_CHECK_ALARM, type CheckServiceDeps } from './check-service';
import { createCaptureHandlers, type CaptureHandlers } from './handlers';
import { watchIncognitoSession } from './incognito';
import { createCaptureService, type CaptureService, type CaptureServiceDeps } from './service';
import type { CaptureSettings } from './settings';
import { CAPTURE_STATE_KEY, captureSettingsItem, captureStateItem, captureTabsItem } from './storage';
import { createCaptureStore } from './store';

/** The wizard, as a tab: where a click on a capture notification leads. */
export const WIZARD_PATH = '/popup.html?popout=1#authorize';

/**
 * Only URLs that can be a redirect back from Amazon wake the worker: the final hop (spapi_oauth_code) or
 * the Login-URI hop (amazon_callback_uri), whatever the host.
 */
export const REDIRECT_FILTER = { url: [{ queryContains: 'spapi_oauth_code' }, { queryContains: 'amazon_callback_uri' }] };

/**
 * Amazon's own HTTP redirects (302 from Seller/Vendor Central to the redirect URI or the Login URI), seen the
 * moment Amazon answers: webNavigation shows a 302 chain's final URL only once its target commits or fails.
 * Filtered by the URL Amazon answered on (the hosts the content script already runs on, hence the same
 * host_permissions); the Location is read from `redirectUrl`. Non-blocking: the extension never holds or
 * changes the request.
 */
export const AMAZON_REDIRECT_FILTER = { urls: AMAZON_CONSOLE_MATCHES, types: ['main_frame' as const] };

/** The part of a webRequest.onBeforeRedirect event the watcher reads. */
interface RedirectDetails {
  redirectUrl: string;
  tabId: number;
  frameId: number;
  timeStamp: number;
}

/**
 * The redirect watcher in the background. Call synchronously at the top of the background's main: its own
 * listeners (webRequest, webNavigation, tabs, windows, storage) are registered before this returns, so a
 * redirect that wakes the worker is not lost; its alarms and notification clicks come through the bundle.
 */
export function authorizeBackground(options: {
  entries: CaptureServiceDeps['entries'];
  /** The credential check writes its outcome on the vault's write queue (modifyEntry). */
  vault: CheckServiceDeps['vault'];
  /** Repaints the countdown badge when the capture hint ends (see README "Authorize"). */
  restoreBadge?: () => Promise<void>;
}) {
  const restore =
    options.restoreBadge ??
    (async () => {
      await browser.action.setBadgeText({ text: '' });
      await browser.action.setTitle({ title: 'LWA Vault' });
    });
  const store = createCaptureStore({
    get: () => captureStateItem.getValue(),
    set: budgeted((v) => captureStateItem.setValue(v), SESSION_BUDGETS.capture, 'authorizations and captured redirects'),
  });
  const settings = { get: () => captureSettingsItem.get(), set: (v: CaptureSettings) => captureSettingsItem.set(v) };
  const endpoints = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    hasHostAccess: (pattern: string) => browser.permissions.contains({ origins: [pattern] }),
  };
  const notify = async (id: string, message: string) => {
    await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: 'LWA Vault', message, priority: 2 });
  };
  const service = createCaptureService({
    store,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    newState: () => newState(),
    settings,
    notify,
    paintBadge: (hint: CaptureBadgeHint | undefined) => paintCaptureBadge(browser.action, hint, restore),
    alarms: {
      at: async (name, when) => browser.alarms.create(name, { when }),
      every: async (name, minutes) => {
        if (!(await browser.alarms.get(name))) await browser.alarms.create(name, { periodInMinutes: minutes });
      },
      clear: async (name) => void (await browser.alarms.clear(name)),
    },
    openTab: async (url, incognito) => {
      if (incognito) {
        const win = await browser.windows.create({ url, incognito: true, focused: true });
        return { tabId: win?.tabs?.[0]?.id, incognito: true };
      }
      // Not into a focused incognito window: its capture would end with that incognito session.
      const windows = await browser.windows.getAll({ windowTypes: ['normal'] });
      const normal = windows.find((w) => !w.incognito && w.focused) ?? windows.find((w) => !w.incognito);
      if (!normal?.id) {
        const win = await browser.windows.create({ url, focused: true });
        return { tabId: win?.tabs?.[0]?.id, incognito: false };
      }
      const tab = await browser.tabs.create({ url, active: true, windowId: normal.id });
      if (!normal.focused) await browser.windows.update(normal.id, { focused: true });
      return { tabId: tab.id, incognito: false };
    },
    incognitoAllowed: () => browser.extension.isAllowedIncognitoAccess(),
    entries: options.entries,
    ...endpoints,
  });
  const checks = createCheckService({ vault: options.vault, settings, now: Date.now, notify, ...endpoints });

  const tabs = createTabCommitStore({
    get: () => captureTabsItem.getValue(),
    set: budgeted((v) => captureTabsItem.setValue(v), SESSION_BUDGETS.captureTabs, 'consent-page tabs'),
  });
  // Every listener returns its work (settled, never rejected): the browser ignores it, tests await it.
  const onNavigation = async (details: NavigationDetails): Promise<void> => {
    if (details.frameId !== 0) return;
    try {
      // Amazon's own 302 (webRequest only reports console hosts), or a tab leaving the consent step.
      const fromAmazon = details.via === 'redirect' || (await tabs.cameFromConsent(details.tabId, details.timeStamp));
      await service.onNavigation({ ...details, fromAmazon });
    } catch {
      console.error('LWA Vault: a redirect could not be stored');
    }
  };
  // First, for Amazon's 302s: the same capture path as the webNavigation events below, which still see the
  // same redirect later (the code dedupes it to one capture) and cover script and meta-refresh redirects.
  // Every main-frame redirect on an Amazon console wakes this listener (no query filter exists for the
  // Location): anything that is neither hop is dropped here, before the store is touched.
  browser.webRequest.onBeforeRedirect.addListener((details: RedirectDetails) => {
    if (classifyRedirect(details.redirectUrl).kind === 'other') return undefined;
    const { redirectUrl: url, tabId, frameId, timeStamp } = details;
    return onNavigation({ url, tabId, frameId, timeStamp, via: 'redirect' });
  }, AMAZON_REDIRECT_FILTER);
  browser.webNavigation.onBeforeNavigate.addListener(onNavigation, REDIRECT_FILTER);
  // Two listeners on one event, each added once: the browser filters the second, so only redirect URLs reach it.
  // Every main-frame commit: what the tab showed before a redirect (only consent-step tabs are written down).
  browser.webNavigation.onCommitted.addListener(({ tabId, frameId, url, timeStamp }) =>
    frameId === 0 ? tabs.commit(tabId, url, timeStamp).catch(() => undefined) : undefined,
  );
  browser.webNavigation.onCommitted.addListener(onNavigation, REDIRECT_FILTER);
  // An unreachable redirect host still fails with the full URL: the code is captured all the same.
  browser.webNavigation.onErrorOccurred.addListener(onNavigation, REDIRECT_FILTER);
  browser.storage.session.onChanged.addListener((changes) => {
    if (CAPTURE_STATE_KEY in changes) store.external(changes[CAPTURE_STATE_KEY]?.newValue);
  });
  browser.tabs.onRemoved.addListener((tabId) =>
    Promise.all([service.onTabRemoved(tabId).catch(() => undefined), tabs.removed(tabId).catch(() => undefined)]),
  );
  watchIncognitoSession({ captures: async () => (await store.read()).captures, dismiss: (id) => service.dismiss(id) });
  void service.resume().catch(() => undefined);
  return {
    service,
    /** The credential check, for the rotation panel's check of a secret it just saved. */
    checks,
    handlers: createCaptureHandlers(service, checks),
    alarms: { 'capture.*': (name) => service.onAlarm(name), [DAILY_CHECK_ALARM]: () => checks.daily() },
    // Hourly: each entry is checked at most once a day; the run does nothing while the check is off or the vault locked.
    started: async () => {
      if (!(await browser.alarms.get(DAILY_CHECK_ALARM))) await browser.alarms.create(DAILY_CHECK_ALARM, { periodInMinutes: 60 });
    },
    unlocked: () => checks.daily(),
    notificationClicks: {
      'capture*': async (id) => {
        await browser.notifications.clear(id);
        await browser.tabs.create({ url: browser.runtime.getURL(WIZARD_PATH as '/popup.html') });
      },
      'check-failing': async (id) => {
        await browser.notifications.clear(id);
        await browser.tabs.create({ url: browser.runtime.getURL('/popup.html?popout=1') });
      },
    },
  } satisfies BackgroundFeature<keyof CaptureHandlers> & { service: CaptureService; checks: unknown };
}
