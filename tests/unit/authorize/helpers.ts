import type { CheckServiceDeps } from '../../../features/authorize/check-service';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { EntriesApi } from '../../../features/entries/handlers';
import type { EntryMeta, EntrySecrets } from '../../../features/vault/schema';
import { createCaptureService, type CaptureServiceDeps } from '../../../features/authorize/service';
import { DEFAULT_CAPTURE_SETTINGS, type CaptureSettings } from '../../../features/authorize/settings';
import { createCaptureStore, memoryArea } from '../../../features/authorize/store';
import type { EntryDraft } from '../../../features/authorize/model';

export const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
export const APP_ID = 'amzn1.sp.solution.0bf296b5-36a6-4942-a13e-1a2b3c4d5e6f';
export const CLIENT_ID = `amzn1.application-oa2-client.${'a'.repeat(32)}`;
export const CLIENT_SECRET = `amzn1.oa2-cs.v1.${'b'.repeat(64)}`;

export const DRAFT: EntryDraft = { alias: 'Cleo US', kind: 'seller', environment: 'production', region: 'NA', connector: 'cleo-amp' };

export const consentUrl = (state?: string) =>
  `https://sellercentral.amazon.com/apps/authorize/consent?application_id=${APP_ID}${state === undefined ? '' : `&state=${state}`}&version=beta`;

export const resultUrl = (code: string, state?: string, host = 'https://app.example.com/cb') =>
  `${host}?spapi_oauth_code=${code}${state === undefined ? '' : `&state=${state}`}&selling_partner_id=A3FHEXAMPLEYWS`;

/** A fake vault behind the entries API, recording what was written. */
export function fakeEntries() {
  const records = new Map<string, { meta: EntryMeta; secrets: EntrySecrets }>();
  let n = 0;
  const api: EntriesApi = {
    getEntry: async (id) => {
      const r = records.get(id);
      if (!r) throw new Error('not found');
      return structuredClone(r);
    },
    createEntry: async (meta, secrets) => {
      const id = `e${++n}`;
      const full = { ...meta, id, createdAt: 0, updatedAt: 0 } as EntryMeta;
      records.set(id, { meta: full, secrets: { ...secrets } });
      return full;
    },
    updateEntry: async (id, meta, secrets) => {
      const r = records.get(id);
      if (!r) throw new Error('not found');
      r.meta = { ...r.meta, ...meta } as EntryMeta;
      r.secrets = { ...r.secrets, ...secrets } as EntrySecrets;
      return r.meta;
    },
  };
  const events: Array<{ entryId: string; type: string; detail?: string }> = [];
  /** The two vault calls the credential check makes (a read, then one read-modify-write with its events). */
  const vault: CheckServiceDeps['vault'] = {
    listEntries: async () => ({ entries: [...records.values()].map((r) => structuredClone(r.meta)), damaged: [] }),
    getEntry: api.getEntry,
    modifyEntry: async (id, change) => {
      const wanted = await change(await api.getEntry(id));
      if (!wanted) return (await api.getEntry(id)).meta;
      events.push(...wanted.events.map((e) => ({ entryId: id, ...e })));
      return api.updateEntry(id, wanted.meta ?? {}, wanted.secrets ?? {});
    },
  };
  return { records, api, vault, events };
}

export function setup(overrides: Partial<CaptureServiceDeps> = {}, settings: Partial<CaptureSettings> = {}) {
  const clock = { now: T0 };
  const area = memoryArea();
  const entries = fakeEntries();
  let ids = 0;
  let states = 0;
  let stored: CaptureSettings = { ...DEFAULT_CAPTURE_SETTINGS, ...settings };
  const base = {
    store: createCaptureStore(area),
    now: () => clock.now,
    newId: () => `id${++ids}`,
    newState: () => `state${++states}`,
    settings: { get: async () => stored, set: async (v: CaptureSettings) => void (stored = v) },
    notify: vi.fn(async (_id: string, _message: string) => undefined),
    paintBadge: vi.fn(async () => undefined),
    alarms: { at: vi.fn(async () => undefined), every: vi.fn(async () => undefined), clear: vi.fn(async () => undefined) },
    openTab: vi.fn(async (_url: string, incognito: boolean) => ({ tabId: 42, incognito })),
    incognitoAllowed: vi.fn(async () => false),
    entries: entries.api,
    fetch: vi.fn(async () => new Response('{}', { status: 500 })) as unknown as typeof fetch,
    hasHostAccess: vi.fn(async () => true),
  } satisfies CaptureServiceDeps;
  const deps = Object.assign(base, overrides) as typeof base;
  const service = createCaptureService(deps);
  const navigate = (url: string, opts: { tabId?: number; frameId?: number; at?: number; fromAmazon?: boolean } = {}) =>
    service.onNavigation({ url, tabId: opts.tabId ?? 42, frameId: opts.frameId ?? 0, timeStamp: opts.at ?? clock.now, fromAmazon: opts.fromAmazon });
  return { clock, area, entries, deps, service, navigate };
}

/**
 * @webext-core/fake-browser implements no webRequest event (addListener throws): an in-memory
 * `webRequest.onBeforeRedirect`, installed on the fake browser, that records the filter it was given.
 */
export function fakeBeforeRedirect() {
  type Listener = (details: unknown) => unknown;
  const listeners: Array<{ listener: Listener; filter: unknown; extra: unknown[] }> = [];
  const event = {
    listeners,
    addListener: (listener: Listener, filter: unknown, ...extra: unknown[]) => void listeners.push({ listener, filter, extra }),
    removeListener: (listener: Listener) => {
      const i = listeners.findIndex((l) => l.listener === listener);
      if (i >= 0) listeners.splice(i, 1);
    },
    hasListener: (listener: Listener) => listeners.some((l) => l.listener === listener),
    hasListeners: () => listeners.length > 0,
    /** Like fake-browser's triggers, ignores the filter. */
    trigger: async (details: unknown) => Promise.all(listeners.map((l) => l.listener(details))),
  };
  Object.defineProperty(fakeBrowser.webRequest, 'onBeforeRedirect', { value: event, configurable: true, writable: true });
  return event;
}
