import { expect, test, type Chrome } from './fixtures';

declare const chrome: Chrome;

// Proves the harness itself; feature tests rely on every promise made here.

test('loads the built extension, named in its manifest "LWA Vault"', async ({ worker, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  expect(worker.url()).toBe(`chrome-extension://${extensionId}/background.js`);
  expect(await worker.evaluate(() => chrome.runtime.getManifest().name)).toBe('LWA Vault');
  expect(await worker.evaluate(() => chrome.runtime.onMessage.hasListeners())).toBe(true);
});

test('opens the popup page', async ({ openPopup, extensionId }) => {
  const popup = await openPopup();
  await expect(popup).toHaveURL(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup).toHaveTitle('LWA Vault');
  await expect(popup.locator('#app')).not.toBeEmpty();
});

test('serves fixture pages and dynamic routes from the test server, and logs requests', async ({ page, server }) => {
  await page.goto(server.url('/harness/plain.html'));
  await expect(page.getByRole('heading', { name: 'Served by the test server' })).toBeVisible();

  server.route('/callback', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<h1>callback ${req.url.searchParams.get('state') ?? ''}</h1>`);
  });
  await page.goto(server.url('/callback?state=abc'));
  await expect(page.getByRole('heading', { name: 'callback abc' })).toBeVisible();

  expect(server.requests.map((r) => r.path)).toEqual(
    expect.arrayContaining(['/harness/plain.html', '/callback?state=abc']),
  );
  const missing = await page.goto(server.url('/no-such-fixture.html'));
  expect(missing?.status()).toBe(404);
});

test('serves a routed Seller Central page at its real https URL, with no network', async ({
  page,
  routeAmazon,
  extension,
}) => {
  const url = 'https://sellercentral.amazon.com/sellingpartner/developerconsole';
  await routeAmazon(url, { fixture: 'harness/routed.html' });
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('heading', { name: 'Routed without network' })).toBeVisible();

  // Anything not routed is refused rather than fetched from the internet.
  await expect(page.goto('https://vendorcentral.amazon.com/not-routed')).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  expect(extension.blockedRequests).toContain('https://vendorcentral.amazon.com/not-routed');
});

test('follows a routed 302 from an Amazon URL to the local server', async ({ page, routeAmazon, server }) => {
  server.route('/callback', { body: '<h1>Local callback</h1>' });
  const target = server.url('/callback?harness=redirect');
  await routeAmazon('https://sellercentral.amazon.com/apps/authorize/consent?**', { redirectTo: target });

  await page.goto('https://sellercentral.amazon.com/apps/authorize/consent?application_id=x&state=s');
  await expect(page).toHaveURL(target);
  await expect(page.getByRole('heading', { name: 'Local callback' })).toBeVisible();
  expect((await server.waitForRequest('/callback')).url.searchParams.get('harness')).toBe('redirect');
});

test('gives a port nobody listens on', async ({ page, unusedPort, server }) => {
  const port = await unusedPort();
  expect(port).not.toBe(server.port);
  await expect(page.goto(`http://127.0.0.1:${port}/callback`)).rejects.toThrow(/ERR_CONNECTION_REFUSED/);
});

test('restartServiceWorker stops the worker for real and returns the new one, listeners registered', async ({
  extension,
  worker,
  restartServiceWorker,
}) => {
  await worker.evaluate(() => {
    (globalThis as Record<string, unknown>).harnessMark = 'old instance';
    return chrome.storage.session.set({ harnessSession: 'kept across a worker restart' });
  });

  const fresh = await restartServiceWorker();

  expect(await fresh.evaluate(() => (globalThis as Record<string, unknown>).harnessMark)).toBeUndefined();
  expect(await fresh.evaluate(() => chrome.runtime.onMessage.hasListeners())).toBe(true);
  expect(await fresh.evaluate(() => chrome.storage.session.get('harnessSession'))).toEqual({
    harnessSession: 'kept across a worker restart',
  });
  expect(extension.worker).toBe(fresh);
});

test('a stopped worker wakes on a message and waitForWorker returns the new instance', async ({ extension, openPopup }) => {
  await extension.worker.evaluate(() => ((globalThis as Record<string, unknown>).harnessMark = 'old instance'));
  await extension.stopServiceWorker();

  const popup = await openPopup();
  // Any message wakes the worker; the router answers an unknown type with an error reply.
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'harness.wake', data: {} }));
  const woken = await extension.waitForWorker();

  expect(await woken.evaluate(() => (globalThis as Record<string, unknown>).harnessMark)).toBeUndefined();
});

test('restartBrowser keeps storage.local and IndexedDB, and clears storage.session', async ({ extension, restartBrowser }) => {
  const idBefore = extension.extensionId;
  await extension.worker.evaluate(async () => {
    await chrome.storage.local.set({ harnessLocal: 'survives' });
    await chrome.storage.session.set({ harnessSession: 'gone after restart' });
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('lwa-e2e-harness', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('kv');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('kv', 'readwrite');
        tx.objectStore('kv').put('survives', 'harnessIdb');
        tx.oncomplete = () => (open.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
  });

  const restarted = await restartBrowser();

  expect(restarted.extensionId).toBe(idBefore);
  const after = await restarted.worker.evaluate(async () => ({
    local: await chrome.storage.local.get('harnessLocal'),
    session: await chrome.storage.session.get('harnessSession'),
    idb: await new Promise<unknown>((resolve, reject) => {
      const open = indexedDB.open('lwa-e2e-harness', 1);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('kv').objectStore('kv').get('harnessIdb');
        get.onsuccess = () => (open.result.close(), resolve(get.result));
        get.onerror = () => reject(get.error);
      };
    }),
  }));
  expect(after).toEqual({ local: { harnessLocal: 'survives' }, session: {}, idb: 'survives' });

  const popup = await restarted.openPopup();
  await expect(popup).toHaveTitle('LWA Vault');
});
