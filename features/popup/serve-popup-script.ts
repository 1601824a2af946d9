/**
 * Chrome: the popup's script (/popup-app.js, also loaded by the locked page) served by the background's worker
 * from its Cache Storage. The packaged file reaches the page about 20 ms later than a cached copy (Chrome's
 * extension file loader), and the popup's first screen waits for it. Filled while the worker installs, the copy
 * also gets V8's compiled code beside it, so it starts as fast as the file does.
 *
 * The copy is this version's own file: every install or update (a new worker) drops it and caches the file again,
 * and any miss or failure answers with the packaged file. It is code, never data: nothing of the vault goes into
 * Cache Storage.
 */
export const POPUP_SCRIPT_PATH = '/popup-app.js';

const CACHE_NAME = 'popup-script';
// Cache Storage takes http(s) keys only. This one is a name, never fetched: `.invalid` never resolves (RFC 2606).
const CACHE_KEY = `https://popup-script.invalid${POPUP_SCRIPT_PATH}`;

type Caches = Pick<CacheStorage, 'open' | 'delete' | 'match'>;

/**
 * The path `request` asks for when it is for this extension (`origin`), else undefined. Compared as text:
 * `URL.origin` is "null" for a chrome-extension: URL outside the browser. The `/` after the origin keeps
 * `chrome-extension://<id>.other` out.
 */
export function ownPath(request: Request, origin: string): string | undefined {
  return request.url.startsWith(`${origin}/`) ? new URL(request.url).pathname : undefined;
}

export interface PopupScriptCache {
  /** While the worker installs: drops an earlier version's copy, then caches this version's file. Never rejects. */
  fill(): Promise<void>;
  /** The answer to `request` if it is the popup's script, else undefined (the browser loads it as usual). */
  answer(request: Request): Promise<Response> | undefined;
}

export function popupScriptCache(caches: Caches, fetchPackaged: (path: string) => Promise<Response>, origin: string): PopupScriptCache {
  const store = async (response: Response) => {
    if (!response.ok) return;
    await (await caches.open(CACHE_NAME)).put(CACHE_KEY, response);
  };
  const packaged = () => fetchPackaged(POPUP_SCRIPT_PATH);
  return {
    async fill() {
      try {
        await caches.delete(CACHE_NAME);
        await store(await packaged());
      } catch {
        // Nothing cached: the script is then answered with the packaged file, and cached on that first use.
      }
    },
    answer(request) {
      if (request.method !== 'GET' || ownPath(request, origin) !== POPUP_SCRIPT_PATH) return undefined;
      return (async () => {
        try {
          const cached = await caches.match(CACHE_KEY, { cacheName: CACHE_NAME });
          if (cached) return cached;
        } catch {
          // Cache Storage unavailable: the packaged file below.
        }
        const response = await packaged();
        void store(response.clone()).catch(() => undefined);
        return response;
      })();
    },
  };
}
