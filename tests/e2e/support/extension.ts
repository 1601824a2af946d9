import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Request, type Route, type Worker } from '@playwright/test';
import { contentTypeOf, readFixture } from './server';

/** Flags from docs/toolchain.md. Never add `--disable-features`: it would replace Playwright's own list. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Where the harness leaves its per-instance token in the worker's global scope. */
const INSTANCE_KEY = '__lwaE2eWorkerInstance';

export interface ExtensionLaunchOptions {
  /** Absolute path of the built extension (`.output/chrome-mv3`). */
  extensionPath: string;
  /** Profile directory; reused by `restart()`. The caller owns (creates and removes) it. */
  userDataDir: string;
  /**
   * Events the background must have listeners on before a test may start, as paths under `chrome`
   * (`'runtime.onMessage'`, `'webNavigation.onBeforeNavigate'`). See docs/toolchain.md, "Race to handle".
   */
  readyEvents: readonly string[];
  readyTimeoutMs?: number;
  executablePath?: string;
  headless?: boolean;
  /** Runs right after each launch (first launch and every `restart()`), e.g. to start tracing. */
  onLaunched?: (context: BrowserContext, launch: number) => Promise<void>;
  /** Runs right before each close, e.g. to save a trace. */
  onClosing?: (context: BrowserContext, launch: number) => Promise<void>;
}

/**
 * What a routed URL answers: an HTML string, a canned response (`fixture` is a file under
 * tests/e2e/fixtures/, `redirectTo` makes a 302), or a Playwright route handler.
 */
export type RoutedResponse =
  | string
  | {
      status?: number;
      headers?: Record<string, string>;
      contentType?: string;
      body?: string;
      fixture?: string;
      redirectTo?: string;
    }
  | ((route: Route, request: Request) => Promise<void> | void);

export type UrlMatcher = string | RegExp | ((url: URL) => boolean);

interface SwVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * One extension-loaded Chromium on one profile. Getters always point at the live instance, so a test that
 * holds this object keeps working across `restartServiceWorker()` and `restart()`.
 */
export class ExtensionBrowser {
  /** Console output and page errors of every page and the service worker, attached to failed tests. */
  readonly consoleLog: string[] = [];
  /** External URLs the harness refused to fetch (nothing routed them): usually a missing `routeAmazon`. */
  readonly blockedRequests: string[] = [];

  private _context: BrowserContext | undefined;
  private _worker: Worker | undefined;
  private _extensionId: string | undefined;
  private instance: string | undefined;
  private launches = 0;
  private readonly routes: Array<{ url: UrlMatcher; handler: (route: Route, request: Request) => Promise<void> }> = [];
  private readonly scriptPath: string;

  private constructor(private readonly options: ExtensionLaunchOptions) {
    // Chromium splits --disable-extensions-except and --load-extension on commas.
    if (options.extensionPath.includes(',')) throw new Error(`Extension path contains a comma: ${options.extensionPath}`);
    const manifestFile = path.join(options.extensionPath, 'manifest.json');
    if (!fs.existsSync(manifestFile)) {
      throw new Error(`No built extension at ${manifestFile}: run \`npm run build\` first.`);
    }
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { background?: { service_worker?: string } };
    const script = manifest.background?.service_worker;
    if (!script) throw new Error(`${manifestFile} declares no background.service_worker.`);
    this.scriptPath = script.replace(/^\/+/, '');
  }

  static async launch(options: ExtensionLaunchOptions): Promise<ExtensionBrowser> {
    const browser = new ExtensionBrowser(options);
    try {
      await browser.launchContext();
    } catch (error) {
      await browser.close().catch(() => undefined); // or the Chromium process outlives the test
      throw error;
    }
    return browser;
  }

  get context(): BrowserContext {
    if (!this._context) throw new Error('The extension browser is not running.');
    return this._context;
  }

  /** The service worker instance that last proved ready. After `stopServiceWorker()`, call `waitForWorker()`. */
  get worker(): Worker {
    if (!this._worker) throw new Error('No ready service worker (stopped? call waitForWorker()).');
    return this._worker;
  }

  get extensionId(): string {
    if (!this._extensionId) throw new Error('Extension id not known yet.');
    return this._extensionId;
  }

  get userDataDir(): string {
    return this.options.userDataDir;
  }

  /** `chrome-extension://<id>/<path>` */
  extensionUrl(pathname = '/'): string {
    return new URL(pathname, `chrome-extension://${this.extensionId}/`).href;
  }

  /** The tab the browser opened at launch, or a new one if the test closed it. */
  async page(): Promise<Page> {
    return this.context.pages().find((p) => !p.isClosed() && p.url() === 'about:blank') ?? this.context.newPage();
  }

  /** The popup UI, opened in a tab (headless automation cannot click the toolbar button). */
  async openPopup(pathname = 'popup.html'): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.extensionUrl(pathname), { waitUntil: 'load' });
    return page;
  }

  /**
   * Serves `url` (usually a real https Amazon or ShopCtrl URL; any http(s) URL works) from the test, with no
   * network. A 302 to a 127.0.0.1 URL is followed by the browser. Later routes win over earlier ones, and
   * routes survive `restart()`. `url` uses Playwright's matching: a glob (`'https://x/**'`), a RegExp or a
   * predicate; a plain URL matches only itself (without a query string).
   */
  async routeAmazon(url: UrlMatcher, response: RoutedResponse): Promise<void> {
    const handler = toRouteHandler(response);
    this.routes.push({ url, handler });
    await this.context.route(url, handler);
  }

  /**
   * Stops the extension's service worker for real (DevTools `ServiceWorker.stopWorker`), the way Chrome does
   * after 30 s idle. Its globals and in-memory state are gone; storage.session stays. The worker wakes on the
   * next event it listens to; then `waitForWorker()` returns the new instance.
   */
  async stopServiceWorker(): Promise<void> {
    await this.withServiceWorkerDomain((sw) => sw.stop());
    this._worker = undefined; // this.instance keeps the stopped one's token: waitForWorker() wants another
  }

  /** Stops the service worker, starts it again, and returns the new instance once its listeners are back. */
  async restartServiceWorker(): Promise<Worker> {
    const stale = this.instance;
    await this.withServiceWorkerDomain(async (sw) => {
      await sw.stop();
      this._worker = undefined;
      await sw.start();
    });
    return this.resolveWorker(stale);
  }

  /** The live service worker once its listeners are registered (a different instance than before a stop). */
  async waitForWorker(): Promise<Worker> {
    return this._worker ?? this.resolveWorker(this.instance);
  }

  /**
   * Closes the browser and launches it again on the same profile: IndexedDB and storage.local persist,
   * storage.session is cleared. Handles from before (pages, worker, context) are dead; use this object's
   * getters. Routes added with `routeAmazon` are applied again.
   */
  async restart(): Promise<this> {
    await this.closeContext();
    await this.launchContext();
    return this;
  }

  async close(): Promise<void> {
    await this.closeContext();
  }

  private async launchContext(): Promise<void> {
    const { extensionPath } = this.options;
    const context = await chromium.launchPersistentContext(this.options.userDataDir, {
      executablePath: this.options.executablePath,
      headless: this.options.headless ?? true,
      args: [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`, ...CHROMIUM_FLAGS],
    });
    this.launches += 1;
    this._context = context;
    this._worker = undefined;
    this.instance = undefined;
    const launch = this.launches;
    const log = (line: string) => this.consoleLog.push(`[launch ${launch}] ${line}`);
    context.on('console', (msg) => {
      const source = msg.worker()?.url() ?? msg.page()?.url() ?? '?';
      log(`${msg.type()} ${source}: ${msg.text()}`);
    });
    context.on('weberror', (error) => log(`pageerror ${error.page()?.url() ?? '?'}: ${error.error().message}`));

    // Hermetic: nothing leaves the machine. Registered first, so every later route takes precedence.
    await context.route(isExternalUrl, async (route) => {
      this.blockedRequests.push(route.request().url());
      await route.abort('internetdisconnected');
    });
    for (const { url, handler } of this.routes) await context.route(url, handler);
    await this.options.onLaunched?.(context, launch);
    await this.resolveWorker(undefined);
  }

  private async closeContext(): Promise<void> {
    const context = this._context;
    if (!context) return;
    this._context = undefined;
    this._worker = undefined;
    try {
      await this.options.onClosing?.(context, this.launches);
    } finally {
      await context.close();
    }
  }

  /**
   * Uncaught exceptions of the extension's service worker so far (this instance), e.g. a background that
   * crashed on startup. Playwright reports only console calls of workers, so this asks DevTools directly.
   */
  async workerExceptions(): Promise<string[]> {
    const browser = this.context.browser();
    if (!browser) return [];
    const session = await browser.newBrowserCDPSession();
    try {
      const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
      const target = targetInfos.find((t) => t.type === 'service_worker' && this.isOurWorkerUrl(t.url));
      if (!target) return [];
      // Not flattened: Playwright's CDPSession cannot address a flat child session. Runtime.enable replays
      // the stored exceptions before it replies.
      const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
      const exceptions: string[] = [];
      await withTimeout(
        new Promise<void>((resolve) => {
          session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
            const message = JSON.parse(event.message) as {
              id?: number;
              method?: string;
              params?: { exceptionDetails?: { text?: string; exception?: { description?: string } } };
            };
            const details = message.params?.exceptionDetails;
            if (message.method === 'Runtime.exceptionThrown' && details) {
              exceptions.push(details.exception?.description ?? details.text ?? 'unknown exception');
            }
            if (message.id === 1) resolve();
          });
          void session.send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id: 1, method: 'Runtime.enable' }),
          });
        }),
        3_000,
      );
      return exceptions;
    } catch {
      return [];
    } finally {
      await session.detach().catch(() => undefined);
    }
  }

  private isOurWorker(worker: Worker): boolean {
    return this.isOurWorkerUrl(worker.url());
  }

  private isOurWorkerUrl(workerUrl: string): boolean {
    const url = new URL(workerUrl);
    return (
      url.protocol === 'chrome-extension:' &&
      url.pathname === `/${this.scriptPath}` &&
      (this._extensionId === undefined || url.host === this._extensionId)
    );
  }

  /**
   * Finds the extension's service worker and waits until it is a new instance (not `stale`) whose listeners
   * are registered. Playwright's `serviceworker` event fires before the background script has run, and a
   * navigation in that window is missed (docs/toolchain.md): hence the poll on `hasListeners()`.
   */
  private async resolveWorker(stale: string | undefined): Promise<Worker> {
    const events = this.options.readyEvents;
    const timeoutMs = this.options.readyTimeoutMs ?? 15_000;
    const deadline = Date.now() + timeoutMs;
    let last = 'no service worker of the extension appeared';
    let checkedExceptions = false;
    while (Date.now() < deadline) {
      const candidates = this.context.serviceWorkers().filter((w) => this.isOurWorker(w)).reverse();
      for (const worker of candidates) {
        let probe: ProbeResult;
        try {
          // A stopped worker's evaluate hangs until it restarts: bound every attempt.
          probe = await withTimeout(worker.evaluate(probeWorker, { events: [...events], key: INSTANCE_KEY }), 2_000);
        } catch (error) {
          last = `worker not answering (${firstLine(error)})`;
          continue;
        }
        if (probe.unknown.length > 0) {
          throw new Error(
            `Background readiness: chrome.${probe.unknown.join(', chrome.')} does not exist in the service worker. ` +
              'Is the permission missing from the manifest, or is the event name in backgroundReadyEvents wrong?',
          );
        }
        if (stale !== undefined && probe.instance === stale) {
          last = 'still the old service worker instance';
          continue;
        }
        if (probe.missing.length > 0) {
          last = `no listeners yet on chrome.${probe.missing.join(', chrome.')}`;
          // A background that threw at startup never registers them: say so now rather than at the timeout.
          if (!checkedExceptions && Date.now() > deadline - timeoutMs + 2_000) {
            checkedExceptions = true;
            const exceptions = await this.workerExceptions();
            if (exceptions.length > 0) {
              throw new Error(`The extension's service worker threw at startup:\n${exceptions.join('\n')}`);
            }
          }
          continue;
        }
        const token = randomUUID();
        await worker.evaluate(({ key, value }) => ((globalThis as Record<string, unknown>)[key] = value), {
          key: INSTANCE_KEY,
          value: token,
        });
        this._extensionId = new URL(worker.url()).host;
        this._worker = worker;
        this.instance = token;
        return worker;
      }
      await Promise.race([
        this.context.waitForEvent('serviceworker', { timeout: 250 }).catch(() => undefined),
        sleep(250),
      ]);
    }
    throw new Error(
      `The extension's service worker was not ready within ${timeoutMs} ms: ${last}. ` +
        'Listeners must be registered synchronously at the top of the background main() ' +
        `(waiting for: ${events.join(', ') || 'none'}). Is .output/chrome-mv3 a fresh build (npm run build)?` +
        (this.consoleLog.length > 0 ? `\nLast console lines:\n${this.consoleLog.slice(-10).join('\n')}` : ''),
    );
  }

  /**
   * DevTools' ServiceWorker domain lives on page targets only (not on the browser session), so a scratch
   * about:blank tab hosts the session and is closed afterwards.
   */
  private async withServiceWorkerDomain(body: (sw: { stop(): Promise<void>; start(): Promise<void> }) => Promise<void>) {
    const extensionId = this.extensionId;
    const scriptURL = this.extensionUrl(this.scriptPath);
    const page = await this.context.newPage();
    let cdp: CDPSession | undefined;
    try {
      cdp = await page.context().newCDPSession(page);
      const session = cdp;
      const versions = new Map<string, SwVersion>();
      const changed = new Set<() => void>();
      session.on('ServiceWorker.workerVersionUpdated', (event: { versions: SwVersion[] }) => {
        for (const v of event.versions) if (v.scriptURL === scriptURL) versions.set(v.versionId, v);
        for (const notify of changed) notify();
      });
      const until = async (what: string, ok: () => boolean, timeoutMs = 10_000): Promise<void> => {
        if (ok()) return;
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => {
            changed.delete(check);
            const seen = [...versions.values()].map((v) => `${v.versionId}:${v.runningStatus}`).join(', ') || 'none';
            reject(new Error(`Service worker of ${extensionId}: not ${what} within ${timeoutMs} ms (versions: ${seen})`));
          }, timeoutMs);
          const check = () => {
            if (!ok()) return;
            clearTimeout(timer);
            changed.delete(check);
            resolve();
          };
          changed.add(check);
        });
      };
      const live = () => [...versions.values()].filter((v) => v.runningStatus === 'running' || v.runningStatus === 'starting');
      await session.send('ServiceWorker.enable');
      await until('known to DevTools', () => versions.size > 0);
      await body({
        stop: async () => {
          for (const v of live()) await session.send('ServiceWorker.stopWorker', { versionId: v.versionId });
          await until('stopped', () => [...versions.values()].every((v) => v.runningStatus === 'stopped'));
        },
        start: async () => {
          await session.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${extensionId}/` });
          await until('running', () => [...versions.values()].some((v) => v.runningStatus === 'running'));
        },
      });
    } finally {
      await cdp?.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    }
  }
}

interface ProbeResult {
  instance: string | null;
  missing: string[];
  unknown: string[];
}

/** Runs inside the service worker: which of `events` have listeners, and which instance this is. */
function probeWorker({ events, key }: { events: string[]; key: string }): ProbeResult {
  const scope = globalThis as unknown as Record<string, unknown>;
  const missing: string[] = [];
  const unknown: string[] = [];
  for (const name of events) {
    let target: unknown = scope['chrome'];
    for (const part of name.split('.')) target = (target as Record<string, unknown> | undefined)?.[part];
    const event = target as { hasListeners?: () => boolean } | undefined;
    if (typeof event?.hasListeners !== 'function') unknown.push(name);
    else if (!event.hasListeners()) missing.push(name);
  }
  return { instance: (scope[key] as string | undefined) ?? null, missing, unknown };
}

function isExternalUrl(url: URL): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    return false;
  }
  return !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function toRouteHandler(response: RoutedResponse): (route: Route, request: Request) => Promise<void> {
  if (typeof response === 'function') return async (route, request) => response(route, request);
  if (typeof response === 'string') {
    return (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: response });
  }
  return async (route) => {
    if (response.redirectTo !== undefined) {
      await route.fulfill({
        status: response.status ?? 302,
        headers: { location: response.redirectTo, ...response.headers },
      });
      return;
    }
    const body = response.fixture !== undefined ? await readFixture(response.fixture) : (response.body ?? '');
    await route.fulfill({
      status: response.status ?? 200,
      contentType: response.contentType ?? (response.fixture ? contentTypeOf(response.fixture) : 'text/html; charset=utf-8'),
      headers: response.headers,
      body,
    });
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  promise.catch(() => undefined); // an abandoned attempt must not become an unhandled rejection
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
