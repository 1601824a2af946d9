// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byUrgency } from '../../../features/deadlines/countdown';
import { firstPageOf, LIST_PAGE, type Listing } from '../../../features/entries/first-page';
import { splitAtAppRoot, takeFirstScreen, type FirstScreen } from '../../../features/popup/first-screen';
import { FIRST_SCREEN_WAIT_MS, firstScreens, popupPageResponder, type FirstScreenSource } from '../../../features/popup/serve-popup-page';
import type { EntryMeta } from '../../../features/vault/schema';

const NOW = Date.UTC(2026, 11, 1, 12);
const DAY = 86_400_000;
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const PACKAGED = '<!doctype html><html><head><title>LWA Vault</title></head><body><div id="app"></div></body></html>';

function meta(i: number, extra: Partial<EntryMeta> = {}): EntryMeta {
  return {
    id: `id-${i}`,
    alias: `Shop ${String(i).padStart(3, '0')}`,
    kind: 'seller',
    connector: 'other',
    environment: 'production',
    region: 'EU',
    marketplace: 'DE',
    clientId: `amzn1.application-oa2-client.${String(i).padStart(32, '0')}`,
    hasSecret: true,
    secretIssuedAt: NOW - (i % 200) * DAY,
    createdAt: NOW,
    updatedAt: NOW,
    ...extra,
  } as EntryMeta;
}

const listingOf = (count: number): Listing => ({ entries: Array.from({ length: count }, (_, i) => meta(i)), damaged: ['broken-1'] });

/** Parses served HTML as the popup would, returning what takeFirstScreen reads from it. */
function read(html: string): { screen: FirstScreen | undefined; doc: Document } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { screen: takeFirstScreen(doc), doc };
}

const unlocked = { exists: true, unlocked: true, lastDeriveMs: 100 };
function setup(overrides: Partial<FirstScreenSource> = {}) {
  const source: FirstScreenSource = {
    status: vi.fn(async () => unlocked),
    listing: vi.fn(async () => listingOf(120)),
    hasDraft: vi.fn(async () => false),
    now: () => NOW,
    ...overrides,
  };
  const fetchPackaged = vi.fn(async () => new Response(PACKAGED, { headers: { 'content-type': 'text/html' } }));
  return { source, fetchPackaged, answer: popupPageResponder(source, fetchPackaged, ORIGIN) };
}
const navigation = (path: string) => ({ url: `${ORIGIN}${path}`, mode: 'navigate' }) as Request;

/** What the background serves for the toolbar's popup.html, as text. */
async function served(overrides: Partial<FirstScreenSource> = {}): Promise<string> {
  return (await setup(overrides).answer(navigation('/popup.html'))!).text();
}

describe('the first page of the list', () => {
  it('is the whole list when it fits in one page', () => {
    const listing = listingOf(LIST_PAGE);
    expect(firstPageOf(listing, NOW)).toBe(listing);
  });

  it('is the most urgent LIST_PAGE entries, with the count of all and the damaged ids', () => {
    const listing = listingOf(200);
    const page = firstPageOf(listing, NOW);
    expect(page.entries.map((m) => m.id)).toEqual(byUrgency(listing.entries, NOW).slice(0, LIST_PAGE).map((m) => m.id));
    expect(page.total).toBe(200);
    expect(page.damaged).toEqual(['broken-1']);
    // The most urgent first: an overdue secret (issued 199 days ago) comes before one issued today.
    expect(page.entries[0]!.secretIssuedAt).toBeLessThan(NOW - 180 * DAY);
  });
});

describe('the first screen in the page', () => {
  it('goes in before the app root and is read back once, the data block removed', async () => {
    const screen: FirstScreen = { status: { exists: true, unlocked: true, lastDeriveMs: 120 }, listing: firstPageOf(listingOf(60), NOW) };
    const html = await served({ status: async () => screen.status, listing: async () => listingOf(60) });
    expect(html.indexOf('id="first-screen"')).toBeLessThan(html.indexOf('<div id="app">'));
    const { screen: read1, doc } = read(html);
    expect(read1).toEqual(screen);
    expect(doc.getElementById('first-screen')).toBeNull();
    expect(takeFirstScreen(doc)).toBeUndefined();
  });

  it('keeps an entry name that tries to close the block as text: no element is injected', async () => {
    const alias = '</script><img id="injected" src="x"><script>';
    const html = await served({ listing: async () => ({ entries: [meta(1, { alias })], damaged: [] }) });
    expect(html).not.toContain('</script><img');
    const { screen: back, doc } = read(html);
    expect(back?.listing?.entries[0]!.alias).toBe(alias);
    expect(doc.getElementById('injected')).toBeNull();
  });

  it('puts nothing into a page without the app root', () => {
    const other = '<html><body><main></main></body></html>';
    expect(splitAtAppRoot(other)).toEqual([other, '']);
  });

  it.each([
    ['not JSON', '{status:'],
    ['no status', '{"listing":{"entries":[],"damaged":[]}}'],
    ['a status without booleans', '{"status":{"exists":"yes","unlocked":true}}'],
    ['entries that are not entries', '{"status":{"exists":true,"unlocked":true},"listing":{"entries":[{"id":3}],"damaged":[]}}'],
    ['an entry without a name', `{"status":{"exists":true,"unlocked":true},"listing":{"entries":[${JSON.stringify({ ...meta(1), alias: undefined })}],"damaged":[]}}`],
    ['a damaged list that is not ids', '{"status":{"exists":true,"unlocked":true},"listing":{"entries":[],"damaged":[7]}}'],
    ['a derive time that is not a number', '{"status":{"exists":true,"unlocked":false,"lastDeriveMs":"slow"}}'],
    ['a broken total', '{"status":{"exists":true,"unlocked":true},"listing":{"entries":[],"damaged":[],"total":"many"}}'],
    ['null', 'null'],
  ])('counts a malformed block (%s) as none', (_, json) => {
    const { screen, doc } = read(`<html><body><script type="application/json" id="first-screen">${json}</script><div id="app"></div></body></html>`);
    expect(screen).toBeUndefined();
    expect(doc.getElementById('first-screen')).toBeNull();
  });
});

describe('the popup page the background serves', () => {
  afterEach(() => vi.useRealTimers());

  it('lets every other request pass: subresources, other pages, other origins', () => {
    const { answer, source } = setup();
    expect(answer({ url: `${ORIGIN}/popup.html`, mode: 'cors' } as Request)).toBeUndefined();
    expect(answer({ url: `${ORIGIN}/popup-app.js`, mode: 'no-cors' } as Request)).toBeUndefined();
    expect(answer(navigation('/locked.html'))).toBeUndefined();
    expect(answer(navigation('/options.html'))).toBeUndefined();
    expect(answer({ url: 'chrome-extension://otherextensionid/popup.html', mode: 'navigate' } as Request)).toBeUndefined();
    expect(source.status).not.toHaveBeenCalled();
  });

  it('answers popup.html, its pop-out included, with the status and the first page of the list', async () => {
    const { answer, fetchPackaged } = setup();
    for (const path of ['/popup.html', '/popup.html?popout=1']) {
      const response = await answer(navigation(path))!;
      expect(response.headers.get('content-type')).toContain('text/html');
      const { screen } = read(await response.text());
      expect(screen?.status).toEqual(unlocked);
      expect(screen?.listing?.entries).toHaveLength(LIST_PAGE);
      expect(screen?.listing?.total).toBe(120);
    }
    expect(fetchPackaged).toHaveBeenCalledTimes(1); // the packaged page is read once
  });

  it('sends the head at once, before the first screen is ready, so the popup script loads meanwhile', async () => {
    let list!: (listing: Listing) => void;
    const { answer } = setup({ listing: () => new Promise((resolve) => (list = resolve)) });
    const response = await answer(navigation('/popup.html'))!;
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const head = decoder.decode((await reader.read()).value);
    expect(head).toBe(splitAtAppRoot(PACKAGED)[0]);
    list(listingOf(120));
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(read(head + rest).screen?.listing?.total).toBe(120);
  });

  it('serves a page without the app root as it is', async () => {
    const { source } = setup();
    const rootless = '<!doctype html><html><body><main></main></body></html>';
    const answer = popupPageResponder(source, async () => new Response(rootless), ORIGIN);
    expect(await (await answer(navigation('/popup.html'))!).text()).toBe(rootless);
  });

  it('sends no list while the vault is locked or missing, or while an editor draft waits', async () => {
    for (const overrides of [
      { status: async () => ({ exists: true, unlocked: false }) },
      { status: async () => ({ exists: false, unlocked: false }) },
      { hasDraft: async () => true },
    ]) {
      const { answer } = setup(overrides);
      const { screen } = read(await (await answer(navigation('/popup.html'))!).text());
      expect(screen).toBeDefined();
      expect(screen?.listing).toBeUndefined();
    }
  });

  it('serves the page as packaged when the vault fails to answer, so the popup asks by message', async () => {
    for (const overrides of [{ status: async () => Promise.reject(new Error('idb')) }, { listing: async () => Promise.reject(new Error('idb')) }]) {
      const { answer } = setup(overrides);
      expect(await (await answer(navigation('/popup.html'))!).text()).toBe(PACKAGED);
    }
  });

  it('serves the page as packaged when the first screen takes longer than the wait', async () => {
    vi.useFakeTimers();
    const { answer } = setup({ listing: () => new Promise(() => undefined) });
    const response = answer(navigation('/popup.html'))!;
    await vi.advanceTimersByTimeAsync(FIRST_SCREEN_WAIT_MS);
    expect(await (await response).text()).toBe(PACKAGED);
  });

  it('falls back to the packaged file when reading it failed, and reads it again next time', async () => {
    const { answer, fetchPackaged } = setup();
    fetchPackaged.mockResolvedValueOnce(new Response('gone', { status: 404 }));
    const fallback = await answer(navigation('/popup.html'))!;
    expect(await fallback.text()).toBe(PACKAGED); // the browser's own copy, as if the worker had not answered
    const { screen } = read(await (await answer(navigation('/popup.html'))!).text());
    expect(screen?.listing?.total).toBe(120);
  });
});

describe('ranking the first page', () => {
  it('is done again only when an entry changed, a minute passed or the day turned', async () => {
    let listing = listingOf(120);
    let now = NOW;
    const next = firstScreens({ status: async () => ({ exists: true, unlocked: true }), listing: async () => structuredClone(listing), hasDraft: async () => false, now: () => now });
    const first = (await next()).listing!;
    now += 30_000;
    expect((await next()).listing).toBe(first); // the same list, half a minute later: the same ranking

    // Any change of any entry ranks again: the least urgent entry becomes the most urgent.
    listing = { ...listing, entries: listing.entries.map((m) => (m.id === 'id-0' ? { ...m, secretIssuedAt: NOW - 300 * DAY } : m)) };
    const changed = (await next()).listing!;
    expect(changed).not.toBe(first);
    expect(changed.entries[0]!.id).toBe('id-0');

    now += 60_000;
    expect((await next()).listing).not.toBe(changed);
  });
});
