import { describe, expect, it, vi } from 'vitest';
import { POPUP_SCRIPT_PATH, popupScriptCache } from '../../../features/popup/serve-popup-script';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const SCRIPT = 'console.info("popup, this version");';

/** Cache Storage in memory, as Chrome's behaves for what the cache uses: named caches of responses by URL. */
function memoryCaches() {
  const named = new Map<string, Map<string, { body: string; type: string }>>();
  const open = vi.fn(async (name: string) => {
    const entries = named.get(name) ?? new Map<string, { body: string; type: string }>();
    named.set(name, entries);
    return {
      async put(key: RequestInfo | URL, response: Response) {
        const url = String(key);
        if (!/^https?:/.test(url)) throw new TypeError(`Request scheme '${url.split(':')[0]}' is unsupported`);
        entries.set(url, { body: await response.text(), type: response.headers.get('content-type') ?? '' });
      },
      async match(key: RequestInfo | URL) {
        const hit = entries.get(String(key));
        return hit && new Response(hit.body, { headers: { 'content-type': hit.type } });
      },
    } as unknown as Cache;
  });
  const remove = vi.fn(async (name: string) => named.delete(name));
  const match = vi.fn(async (key: RequestInfo | URL, options?: MultiCacheQueryOptions) => {
    if (!options?.cacheName || !named.has(options.cacheName)) return undefined; // Chrome: no such cache, no match
    return (await open(options.cacheName)).match(key);
  });
  return { caches: { open, delete: remove, match }, named };
}

function setup(body = SCRIPT) {
  const { caches, named } = memoryCaches();
  const fetchPackaged = vi.fn(async (_path: string) => new Response(body, { headers: { 'content-type': 'text/javascript' } }));
  return { caches, named, fetchPackaged, cache: popupScriptCache(caches, fetchPackaged, ORIGIN) };
}
const scriptRequest = (url = `${ORIGIN}${POPUP_SCRIPT_PATH}`, method = 'GET') => ({ url, method }) as Request;

describe("the popup's script from the worker's cache", () => {
  it('is cached at install and then served from the cache, without reading the packaged file again', async () => {
    const { cache, fetchPackaged } = setup();
    await cache.fill();
    expect(fetchPackaged).toHaveBeenCalledExactlyOnceWith(POPUP_SCRIPT_PATH);
    for (let opening = 0; opening < 3; opening += 1) {
      const response = await cache.answer(scriptRequest())!;
      expect(await response.text()).toBe(SCRIPT);
      expect(response.headers.get('content-type')).toBe('text/javascript');
    }
    expect(fetchPackaged).toHaveBeenCalledTimes(1);
  });

  it("drops an earlier version's copy at install, even when this version's file cannot be read", async () => {
    const earlier = setup('console.info("popup, the version before");');
    await earlier.cache.fill();
    const { caches, named } = earlier;
    const failing = vi.fn(async () => new Response('gone', { status: 404 }));
    await popupScriptCache(caches, failing, ORIGIN).fill();
    expect(named.get('popup-script')).toBeUndefined();

    // Nothing of the version before is served: the packaged file is, and is cached for the next opening.
    const packaged = vi.fn(async () => new Response(SCRIPT));
    const cache = popupScriptCache(caches, packaged, ORIGIN);
    expect(await (await cache.answer(scriptRequest())!).text()).toBe(SCRIPT);
    await vi.waitFor(() => expect(named.get('popup-script')?.size).toBe(1));
    expect(await (await cache.answer(scriptRequest())!).text()).toBe(SCRIPT);
    expect(packaged).toHaveBeenCalledTimes(1);
  });

  it('serves the packaged file when the cache is empty or Cache Storage fails, and never rejects at install', async () => {
    const { cache, fetchPackaged, caches } = setup();
    expect(await (await cache.answer(scriptRequest())!).text()).toBe(SCRIPT); // no install ran: a miss
    for (const call of [caches.open, caches.delete, caches.match]) call.mockRejectedValue(new Error('storage is gone'));
    await expect(cache.fill()).resolves.toBeUndefined();
    expect(await (await cache.answer(scriptRequest())!).text()).toBe(SCRIPT);
    expect(fetchPackaged).toHaveBeenCalledTimes(2);
  });

  it('lets every other request pass: other files, other extensions, other methods', () => {
    const { cache, caches } = setup();
    expect(cache.answer(scriptRequest(`${ORIGIN}/popup.html`))).toBeUndefined();
    expect(cache.answer(scriptRequest(`${ORIGIN}/chunks/popup-app.js`))).toBeUndefined();
    expect(cache.answer(scriptRequest(`chrome-extension://otherextensionid${POPUP_SCRIPT_PATH}`))).toBeUndefined();
    expect(cache.answer(scriptRequest(`${ORIGIN}.other${POPUP_SCRIPT_PATH}`))).toBeUndefined();
    expect(cache.answer(scriptRequest(undefined, 'POST'))).toBeUndefined();
    expect(caches.open).not.toHaveBeenCalled();
    expect(caches.match).not.toHaveBeenCalled();
  });
});
