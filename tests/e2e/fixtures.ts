/**
 * Playwright fixtures for LWA Vault: a Debian Chromium with the built extension loaded, on a fresh profile
 * per test, plus a local HTTP server and helpers to serve Amazon pages at their real URLs.
 *
 *   test('captures the redirect', async ({ extension, server, routeAmazon }) => { ... });
 *
 * `extension` is the handle to keep: its getters (`context`, `worker`, `extensionId`) follow
 * `restartServiceWorker()` and `restart()`. The `context`, `page`, `worker` and `extensionId` fixtures are
 * the values at test start and go stale after a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { snapshotBuiltExtension } from './support/build-snapshot';
import { createProfileDir, sweepLeftoverTempDirs } from './support/temp-dirs';
import { ExtensionBrowser, type RoutedResponse, type UrlMatcher } from './support/extension';
import { startTestServer, unusedPort, type TestServer } from './support/server';

export { expect };
export type { Chrome } from './support/chrome';
export type { ExtensionBrowser, RoutedResponse, UrlMatcher } from './support/extension';
export type { ReceivedRequest, TestServer } from './support/server';

export interface ExtensionFixtures {
  /** The extension-loaded browser; survives restarts (see the file comment). */
  extension: ExtensionBrowser;
  /** The browser context at test start. After `restartBrowser()`, use `extension.context`. */
  context: BrowserContext;
  /** The blank tab the browser opened with. */
  page: Page;
  /** The background service worker at test start, listeners registered. */
  worker: Worker;
  extensionId: string;
  /** Opens `chrome-extension://<id>/popup.html` in a new tab and waits for `load`. */
  openPopup: () => Promise<Page>;
  /** Stops the service worker for real, starts it, returns the new instance once its listeners are back. */
  restartServiceWorker: () => Promise<Worker>;
  /** Closes and relaunches on the same profile: storage.local and IndexedDB persist, storage.session does not. */
  restartBrowser: () => Promise<ExtensionBrowser>;
  /** Serves an https Amazon/ShopCtrl URL from the test (no network); see ExtensionBrowser.routeAmazon. */
  routeAmazon: (url: UrlMatcher, response: RoutedResponse) => Promise<void>;
  /** HTTP server on 127.0.0.1 (random port): tests/e2e/fixtures/ statically, plus `server.route()`. */
  server: TestServer;
  /** A 127.0.0.1 port nobody listens on, for "redirect target unreachable" cases. */
  unusedPort: () => Promise<number>;
}

export interface ExtensionOptions {
  /**
   * Background events that must have listeners before a test starts (paths under `chrome`). Add each event
   * the background starts listening to that a test relies on, e.g. `'webNavigation.onBeforeNavigate'`.
   */
  backgroundReadyEvents: string[];
}

interface WorkerFixtures {
  /**
   * Absolute path of a private copy of the built extension (`.output/chrome-mv3`, or `EXTENSION_PATH`), taken
   * once per Playwright worker so a rebuild during the run cannot change it.
   */
  extensionPath: string;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
/** `E2E_TRACE=off|on|retain-on-failure` (default): a Playwright trace per browser launch, in test-results/. */
const TRACE_MODE = process.env.E2E_TRACE ?? 'retain-on-failure';

export const test = base.extend<ExtensionFixtures & ExtensionOptions, WorkerFixtures>({
  backgroundReadyEvents: [['runtime.onMessage'], { option: true }],

  extensionPath: [
    async ({}, use) => {
      sweepLeftoverTempDirs();
      const built = path.resolve(process.env.EXTENSION_PATH ?? path.join(REPO_ROOT, '.output', 'chrome-mv3'));
      const snapshot = await snapshotBuiltExtension(built);
      try {
        await use(snapshot);
      } finally {
        fs.rmSync(snapshot, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 30_000 },
  ],

  extension: async ({ extensionPath, backgroundReadyEvents }, use, testInfo) => {
    const userDataDir = createProfileDir();
    const traces: string[] = [];
    let extension: ExtensionBrowser | undefined;
    try {
      extension = await ExtensionBrowser.launch({
        extensionPath,
        userDataDir,
        readyEvents: backgroundReadyEvents,
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: !process.env.HEADED,
        onLaunched: async (context, launch) => {
          if (TRACE_MODE === 'off') return;
          await context.tracing.start({ title: `${testInfo.title} (launch ${launch})`, screenshots: true, snapshots: true });
        },
        onClosing: async (context, launch) => {
          if (TRACE_MODE === 'off') return;
          const file = testInfo.outputPath(`trace-launch-${launch}.zip`);
          await context.tracing.stop({ path: file });
          traces.push(file);
        },
      });
      await use(extension);
    } finally {
      const failed = testInfo.status !== testInfo.expectedStatus;
      if (failed && extension) {
        const exceptions = await extension.workerExceptions().catch(() => []);
        if (exceptions.length > 0) await testInfo.attach('service-worker-exceptions.txt', { body: exceptions.join('\n\n') });
      }
      let closeError: unknown;
      await extension?.close().catch((error: unknown) => (closeError = error));
      for (const file of traces) {
        if (failed || TRACE_MODE === 'on') {
          await testInfo.attach(path.basename(file), { path: file, contentType: 'application/zip' });
        } else {
          fs.rmSync(file, { force: true });
        }
      }
      if (failed && extension) {
        await testInfo.attach('browser-console.txt', { body: extension.consoleLog.join('\n') || '(empty)' });
        if (extension.blockedRequests.length > 0) {
          await testInfo.attach('blocked-external-requests.txt', { body: extension.blockedRequests.join('\n') });
        }
      }
      // Chromium may still be releasing files for a moment after close.
      fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      if (closeError) throw closeError;
    }
  },

  context: async ({ extension }, use) => use(extension.context),
  page: async ({ extension }, use) => use(await extension.page()),
  worker: async ({ extension }, use) => use(extension.worker),
  extensionId: async ({ extension }, use) => use(extension.extensionId),
  openPopup: async ({ extension }, use) => use(() => extension.openPopup()),
  restartServiceWorker: async ({ extension }, use) => use(() => extension.restartServiceWorker()),
  restartBrowser: async ({ extension }, use) => use(() => extension.restart()),
  routeAmazon: async ({ extension }, use) => use((url, response) => extension.routeAmazon(url, response)),

  server: async ({}, use, testInfo) => {
    const server = await startTestServer();
    try {
      await use(server);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        const log = server.requests.map((r) => `${new Date(r.at).toISOString()} ${r.method} ${r.path}`).join('\n');
        await testInfo.attach('test-server-requests.txt', { body: log || '(none)' });
      }
      await server.close();
    }
  },

  unusedPort: async ({}, use) => use(unusedPort),
});
