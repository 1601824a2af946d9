import { localDayNumber } from '../deadlines/calendar';
import { runtimeTimeZone } from '../../platform/dates';
import { firstPageOf, type Listing } from '../entries/first-page';
import type { VaultStatus } from '../vault/protocol';
import { firstScreenBlock, splitAtAppRoot, type FirstScreen } from './first-screen';
import { ownPath, POPUP_SCRIPT_PATH, popupScriptCache } from './serve-popup-script';

export interface FirstScreenSource {
  /** The vault's status (the popup asks `vault.status` too, for the rest). */
  status(): Promise<VaultStatus>;
  /** The `entries.list` answer; may be the vault's recent list (written entries always drop it). */
  listing(): Promise<Listing>;
  /** Whether an editor draft waits to be resumed: then the list is not the first screen. */
  hasDraft(): Promise<boolean>;
  now(): number;
}

/** Longer than this, and the page is served as packaged: the popup then asks by message, as in Firefox. */
export const FIRST_SCREEN_WAIT_MS = 300;

const POPUP_PATH = '/popup.html';

interface FetchEventLike extends Event {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

/**
 * Chrome: the background's service worker answers the navigation to the popup's own page (the toolbar popup and
 * its pop-out) with its first screen inside (first-screen.ts), so the popup shows its list in its first render,
 * and the popup's script from its cache (serve-popup-script.ts). Every other request passes by untouched, and
 * these two get the packaged files on any failure or delay.
 * Firefox's background is an event page, which gets no fetch events: there the popup asks by message.
 */
export function servePopupPage(source: FirstScreenSource): void {
  const scope = globalThis as { ServiceWorkerGlobalScope?: new () => object };
  if (!scope.ServiceWorkerGlobalScope || !(globalThis instanceof scope.ServiceWorkerGlobalScope)) return;
  const packaged = (path: string) => fetch(path);
  const page = popupPageResponder(source, packaged, location.origin);
  const script = popupScriptCache(caches, packaged, location.origin);
  addEventListener('install', (event) => {
    routeAroundTheWorker(event as InstallEventLike);
    (event as InstallEventLike).waitUntil(script.fill());
  });
  addEventListener('fetch', (event) => {
    const { request } = event as FetchEventLike;
    const response = page(request) ?? script.answer(request);
    if (response) (event as FetchEventLike).respondWith(response);
  });
}

interface InstallEventLike extends Event {
  addRoutes?(rules: unknown[]): Promise<void>;
  waitUntil(work: Promise<unknown>): void;
}
declare const URLPattern: new (init: { pathname: string }) => object;

/**
 * Chrome's static routing: every other page and file of the extension, and these two while the worker is not
 * running, load as packaged without the worker (a worker asleep would otherwise have to start first, and the
 * locked page must paint like a blank one). Where the API is missing, the fetch listener lets them pass anyway.
 */
function routeAroundTheWorker(event: InstallEventLike): void {
  try {
    const served = { or: [POPUP_PATH, POPUP_SCRIPT_PATH].map((pathname) => ({ urlPattern: new URLPattern({ pathname }) })) };
    void event
      .addRoutes?.([
        { condition: { not: served }, source: 'network' },
        { condition: { runningStatus: 'not-running' }, source: 'network' },
      ])
      .catch(() => undefined);
  } catch {
    // An older browser that knows fewer conditions: the fetch listener still lets every other request pass.
  }
}

/** The answer to `request` if it is the navigation to popup.html, else undefined (the browser loads it as usual). */
export function popupPageResponder(
  source: FirstScreenSource,
  fetchPackaged: (path: string) => Promise<Response>,
  origin: string,
): (request: Request) => Promise<Response> | undefined {
  const firstScreen = firstScreens(source);
  // The packaged page never changes while this worker runs: read once, read again after a failure.
  let packaged: Promise<string> | undefined;
  const packagedPage = () => {
    packaged ??= fetchPackaged(POPUP_PATH).then((response) => {
      if (!response.ok) throw new Error(`popup.html: HTTP ${response.status}`);
      return response.text();
    });
    packaged.catch(() => (packaged = undefined));
    return packaged;
  };
  return (request) => {
    if (request.mode !== 'navigate' || ownPath(request, origin) !== POPUP_PATH) return undefined;
    const screen = withinWait(firstScreen());
    return packagedPage()
      .then((html) => new Response(streamed(html, screen), { headers: { 'content-type': 'text/html; charset=utf-8' } }))
      .catch(() => fetchPackaged(POPUP_PATH));
  };
}

/**
 * The page as a stream: everything before the app's root at once, so the browser starts loading the popup's
 * script while the first screen is still being worked out; then the first screen (if any) and the rest.
 */
function streamed(html: string, screen: Promise<FirstScreen | undefined>): ReadableStream<Uint8Array> {
  const [head, rest] = splitAtAppRoot(html);
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      controller.enqueue(encoder.encode(head));
      const ready = await screen;
      controller.enqueue(encoder.encode(ready && rest ? firstScreenBlock(ready) + rest : rest));
      controller.close();
    },
  });
}

/** How long a ranked first page is reused for the same list: a deadline can pass within a day. */
const RANKED_MS = 60_000;

/**
 * The first screen: the status, and the list's first page when unlocked and no draft waits. Ranking every entry
 * is most of the work; it is done again only when the list (any field of any entry), the minute or the time
 * zone's day changed.
 */
export function firstScreens(source: FirstScreenSource): () => Promise<FirstScreen> {
  let ranked: { list: string; at: number; page: Listing } | undefined;
  const firstPage = (listing: Listing, now: number): Listing => {
    const list = JSON.stringify(listing);
    if (ranked?.list === list && now >= ranked.at && now - ranked.at < RANKED_MS && sameDay(ranked.at, now)) return ranked.page;
    ranked = { list, at: now, page: firstPageOf(listing, now) };
    return ranked.page;
  };
  return async () => {
    // All three at once: the list is metadata, readable while locked, and dropped unless the list is shown.
    const listing = source.listing();
    listing.catch(() => undefined);
    const [status, draft] = await Promise.all([source.status(), source.hasDraft()]);
    if (!status.unlocked || draft) return { status };
    return { status, listing: firstPage(await listing, source.now()) };
  };
}

function sameDay(a: number, b: number): boolean {
  const zone = runtimeTimeZone(); // asked once: each ask creates an Intl formatter
  return localDayNumber(a, zone) === localDayNumber(b, zone);
}

/** The first screen if it is ready in time, else none (never an error: the page is then served as packaged). */
function withinWait(screen: Promise<FirstScreen>): Promise<FirstScreen | undefined> {
  let timer: number | undefined;
  return Promise.race([
    screen.catch(() => undefined),
    new Promise<undefined>((resolve) => {
      timer = self.setTimeout(resolve, FIRST_SCREEN_WAIT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}
