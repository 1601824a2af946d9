import { expect, test } from './fixtures';
import { consolePage, fixturePage, LOOKALIKES_URL, openApp, rotateSecret, SELLER_CONSOLE_URL, VENDOR_CONSOLE_URL } from './support/amazon-console';
import { DAY, utcMidnight } from './support/clock';
import { clientId, hex, secret } from '../support/identifiers';
import { eventDetails, PASSPHRASE, seedVault, send } from './support/messages';
import { card, cardHeadings, clickInPanel, expectNoOverlapAtBothSizes, panelSettled, readyPanel, shownPanels } from './support/on-page-ui';

// The rotation watch in a real Chromium: Amazon's console pages (docs/amazon.md §5) served at their real https URLs, the
// docked panel clicked the way a user clicks it (it is an extension frame), the vault checked through the extension.
// Each test creates a vault (PBKDF2, 600,000 rounds) in a fresh browser: generous on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

test.describe('Seller Central Developer Console', () => {
  test('marks the current secret as up to date, then shows the panel beside the new one and saves it in two slots', async ({
    extension,
    page,
    routeAmazon,
  }) => {
    const { admin, ids } = await seedVault(extension, [
      { alias: 'US seller — ShopCtrl', kind: 'seller', region: 'NA', clientId: clientId(1), secrets: { clientSecret: secret(1) } },
    ]);
    await routeAmazon(`${SELLER_CONSOLE_URL}**`, consolePage('seller', { id: clientId(1), old: secret(1), next: secret(2) }));
    await openApp(page, SELLER_CONSOLE_URL);

    const quiet = await readyPanel(page, { cards: 1 });
    expect(await cardHeadings(quiet)).toEqual(['LWA Vault Up to date']);
    await expectNoOverlapAtBothSizes(page);

    const panel = await rotateSecret(page);
    const fresh = await card(panel, 'LWA Vault New client secret');
    await expect(fresh.getByText('For US seller — ShopCtrl')).toBeVisible();
    await expect(fresh.getByText('seen on sellercentral.amazon.com after Rotate secret')).toBeVisible();
    // Docked clear of the secret, the client id and every control of the dialog (Rotate secret, Close).
    await expectNoOverlapAtBothSizes(page);

    const before = Date.now();
    await readyPanel(page, { cards: 2 });
    await clickInPanel(fresh.getByRole('button', { name: 'Save to vault' }));
    await expect(fresh.getByRole('status')).toContainText('Saved to “US seller — ShopCtrl”: its 180-day clock restarted.');

    const { meta, secrets } = await send(admin, 'entries.get', { id: ids[0]! });
    expect(secrets.clientSecret).toBe(secret(2));
    expect(secrets.previousClientSecret).toBe(secret(1));
    expect(meta.secretIssuedAt).toBeGreaterThanOrEqual(before);
    expect(meta.previousSecretExpiresAt! - meta.secretIssuedAt!).toBe(7 * DAY);
    // The page's new target date (UTC midnight, 180 days ahead) is what the vault counts down to.
    expect(meta.secretExpiresAt).toBe(utcMidnight(Date.now() + 180 * DAY));
    expect(await eventDetails(admin, ids[0]!)).toContain('rotated (seen on sellercentral.amazon.com)');
  });

  test("vault behind: the vault's current secret goes to the previous slot and its old previous is kept in the history", async ({
    extension,
    page,
    routeAmazon,
  }) => {
    // The vault still holds an older pair (9, 8); the console shows the current one (1) in View, then rotates to 2.
    const { admin, ids } = await seedVault(extension, [
      { alias: 'Behind', kind: 'seller', region: 'NA', clientId: clientId(1), secrets: { clientSecret: secret(9), previousClientSecret: secret(8) } },
    ]);
    await routeAmazon(`${SELLER_CONSOLE_URL}**`, consolePage('seller', { id: clientId(1), old: secret(1), next: secret(2) }));
    await openApp(page, SELLER_CONSOLE_URL);
    // It differs from the vault: new for this app too.
    expect(await cardHeadings(await readyPanel(page, { cards: 1 }))).toEqual(['LWA Vault New client secret']);

    const panel = await rotateSecret(page);
    const fresh = await card(panel, 'LWA Vault New client secret', 'after Rotate secret');
    await clickInPanel(fresh.getByRole('button', { name: 'Save to vault' }));
    await expect(fresh.getByRole('status')).toContainText('Saved to “Behind”');

    const { meta, secrets } = await send(admin, 'entries.get', { id: ids[0]! });
    expect(secrets.clientSecret).toBe(secret(2));
    expect(secrets.previousClientSecret).toBe(secret(9)); // the vault's, not what the page says it showed
    expect(secrets.retiredSecrets).toEqual([{ secret: secret(8), retiredAt: meta.secretIssuedAt }]);
    expect(meta.previousSecretExpiresAt! - meta.secretIssuedAt!).toBe(7 * DAY);
  });

  test('offers a new entry, prefilled, when no entry has the client id', async ({ extension, page, routeAmazon }) => {
    const { admin } = await seedVault(extension, [
      { alias: 'Someone else', kind: 'vendor', region: 'EU', clientId: clientId(7), secrets: { clientSecret: secret(70) } },
    ]);
    await routeAmazon(`${SELLER_CONSOLE_URL}**`, consolePage('seller', { id: clientId(5), old: secret(5), next: secret(6) }));
    await openApp(page, SELLER_CONSOLE_URL);
    // Shown without a rotation, for an app the vault does not know: the offer.
    expect(await cardHeadings(await readyPanel(page, { cards: 1 }))).toEqual(['LWA Vault Not in LWA Vault']);

    const panel = await rotateSecret(page);
    const fresh = await card(panel, 'LWA Vault New client secret');
    await expect(fresh.getByText(`No vault entry has client id …${clientId(5).slice(-6)} yet`)).toBeVisible();
    await clickInPanel(fresh.getByRole('button', { name: 'Save to vault' }));
    await expect(panel.getByLabel('Entry name')).toHaveValue(`Seller Central US app …${clientId(5).slice(-6)}`);
    await panelSettled(panel);
    await expect(panel.getByLabel('Console')).toHaveValue('seller');
    await expect(panel.getByLabel('Region')).toHaveValue('NA');
    await panel.getByLabel('Entry name').fill('US seller (new)');
    await clickInPanel(panel.getByRole('button', { name: 'Create entry and save' }));
    await expect(fresh.getByRole('status')).toContainText('Saved to “US seller (new)”');

    const { entries } = await send(
      admin,
      'entries.list',
      {},
    );
    const created = entries.find((e) => e.alias === 'US seller (new)')!;
    expect(created).toMatchObject({ clientId: clientId(5), kind: 'seller', region: 'NA', marketplace: 'US' });
    const { secrets } = await send(admin, 'entries.get', { id: created.id });
    expect(secrets).toMatchObject({ clientSecret: secret(6), previousClientSecret: secret(5) });
    expect(await eventDetails(admin, created.id)).toEqual(expect.arrayContaining(['created', 'rotated (seen on sellercentral.amazon.com)']));
  });

  test("keeps the panel out of the page's reach: closed shadow root, cross-origin frame", async ({ extension, page, routeAmazon }) => {
    await seedVault(extension, [
      { alias: 'Private alias 7f3', kind: 'seller', region: 'NA', clientId: clientId(1), secrets: { clientSecret: secret(1) } },
    ]);
    await routeAmazon(`${SELLER_CONSOLE_URL}**`, consolePage('seller', { id: clientId(1), old: secret(1), next: secret(2) }));
    await openApp(page, SELLER_CONSOLE_URL);
    const panel = await rotateSecret(page);
    await expect((await card(panel, 'LWA Vault New client secret')).getByText('Private alias 7f3')).toBeVisible();

    // Everything below runs in the page's own main world, as Amazon's scripts (or an injected one) would.
    const seen = await page.evaluate(() => {
      const host = document.querySelector('lwa-vault-panel');
      const frames: string[] = [];
      for (let i = 0; i < window.frames.length; i++) {
        try {
          frames.push(window.frames[i]!.document.body.innerText);
        } catch (error) {
          frames.push(`blocked: ${(error as Error).name}`);
        }
      }
      return {
        hostFound: host !== null,
        shadowRoot: host?.shadowRoot ?? null,
        iframes: document.querySelectorAll('iframe').length,
        text: document.body.innerText,
        html: document.documentElement.outerHTML,
        frames,
      };
    });
    expect(seen.hostFound).toBe(true);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.iframes).toBe(0);
    expect(seen.text).not.toContain('Private alias 7f3');
    expect(seen.html).not.toContain('Private alias 7f3');
    expect(seen.html).not.toContain('panel.html');
    expect(seen.frames).toEqual([]); // a frame inside a closed shadow root is not even in window.frames
  });

  test('Copy for ShopCtrl puts the new secret on the clipboard and has it cleared later', async ({
    extension,
    page,
    routeAmazon,
    server,
  }) => {
    const { admin, ids } = await seedVault(extension, [
      { alias: 'Copy me', kind: 'seller', region: 'NA', clientId: clientId(1), secrets: { clientSecret: secret(1) } },
    ]);
    await routeAmazon(`${SELLER_CONSOLE_URL}**`, consolePage('seller', { id: clientId(1), old: secret(1), next: secret(2) }));
    await openApp(page, SELLER_CONSOLE_URL);
    const panel = await rotateSecret(page);
    await clickInPanel(panel.getByRole('button', { name: 'Copy for ShopCtrl' }));
    await expect(panel.getByRole('status')).toContainText('Copied. The clipboard is cleared in 30 s.');

    await extension.context.grantPermissions(['clipboard-read'], { origin: server.origin });
    const reader = await extension.context.newPage();
    await reader.goto(server.url('/harness/plain.html'));
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(secret(2));
    expect(await eventDetails(admin, ids[0]!)).toContain('copied (new client secret copied on sellercentral.amazon.com)');
    const pending = await extension.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get(
        'pendingClipboardClears',
      ),
    );
    expect(pending.pendingClipboardClears).toEqual([expect.objectContaining({ hash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
  });
});

test.describe('Vendor Central Developer Central', () => {
  test('locked vault: the secret revealed by the arrow is saved after the user unlocks in the popup', async ({
    extension,
    page,
    routeAmazon,
    openPopup,
  }) => {
    const { admin, ids } = await seedVault(extension, [
      { alias: 'DE vendor — ShopCtrl 1P', kind: 'vendor', region: 'EU', clientId: clientId(3), secrets: { clientSecret: secret(3) } },
    ]);
    await send(admin, 'vault.lock', {});
    await routeAmazon(`${VENDOR_CONSOLE_URL}**`, consolePage('vendor', { id: clientId(3), old: secret(3), next: secret(4) }));
    await openApp(page, VENDOR_CONSOLE_URL, secret(3));
    expect(await cardHeadings(await readyPanel(page, { cards: 1 }))).toEqual(['LWA Vault Locked: unlock to compare']);

    const panel = await rotateSecret(page, { revealAgain: true });
    await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue(secret(4));
    const fresh = panel.locator('[data-card]').filter({ hasText: 'seen on vendorcentral.amazon.de after Rotate secret' });
    await expect(fresh.getByRole('heading')).toHaveText('LWA Vault Locked: unlock to compare');
    await expectNoOverlapAtBothSizes(page);

    // Keyboard: Tab reaches the docked panel (the end of the page), Enter on Save to vault acts.
    await page.getByLabel('Client secret', { exact: true }).focus();
    await fresh.getByRole('button', { name: 'Save to vault' }).focus();
    await page.keyboard.press('Enter');
    await expect(fresh.getByRole('status')).toContainText('LWA Vault is locked. Unlock it from the toolbar button');
    await expect(fresh.getByRole('button', { name: 'Waiting for unlock' })).toBeDisabled();

    const popup = await openPopup();
    await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await expect(fresh.getByRole('status')).toContainText('Unlocked: Saved to “DE vendor — ShopCtrl 1P”', { timeout: 15_000 });
    // Unlocked, the answers are known: the old one is now the previous secret, the new one up to date.
    await expect.poll(() => cardHeadings(panel)).toEqual(['LWA Vault Previous secret, 7 days left', 'LWA Vault Up to date']);

    const { secrets } = await send(admin, 'entries.get', { id: ids[0]! });
    expect(secrets).toMatchObject({ clientSecret: secret(4), previousClientSecret: secret(3) });
    expect(await eventDetails(admin, ids[0]!)).toContain('rotated (seen on vendorcentral.amazon.de)');
  });
});

test('finds secrets in an open shadow root and in same-origin frames', async ({ extension, page, routeAmazon }) => {
  await seedVault(extension, ['A', 'B', 'C'].map((name, i) => ({
    alias: `App ${name}`, kind: 'seller' as const, region: 'NA' as const, clientId: clientId(30 + i), secrets: { clientSecret: secret(30 + i) },
  })));
  const base = 'https://solutionproviderportal.amazon.com/sellingpartner/developerconsole';
  await routeAmazon(`${base}/frame`, `<p>Client identifier: ${clientId(32)}</p><p>Client secret: <code>${secret(32)}</code></p>`);
  await routeAmazon(
    base,
    fixturePage('amazon/embedded-credentials.html', { CLIENT_ID_A: clientId(30), SECRET_A: secret(30), CLIENT_ID_B: clientId(31), SECRET_B: secret(31) }),
  );
  await page.goto(base);
  // The shadow root's and the srcdoc frame's secrets in the page's own dock, the framed page's in that frame's.
  const headings = async () => (await Promise.all((await shownPanels(page)).map(cardHeadings))).flat();
  await expect.poll(async () => (await headings()).length, { message: 'three answers' }).toBe(3);
  expect(new Set(await headings())).toEqual(new Set(['LWA Vault Up to date']));
});

test('look-alikes raise nothing: the one docked card is for the real secret', async ({ extension, page, routeAmazon }) => {
  const real = secret(11);
  await seedVault(extension, [{ alias: 'EU seller', kind: 'seller', region: 'EU', clientId: clientId(11), secrets: { clientSecret: real } }]);
  await routeAmazon(
    LOOKALIKES_URL,
    fixturePage('amazon/lookalikes.html', {
      HEX64: hex(64, 21),
      HEX63: hex(63, 22),
      HEX65: hex(65, 23),
      HEX64_UPPER: hex(64, 24).toUpperCase().replace(/^[0-9]/, 'A'),
      HEX32: hex(32, 25),
      REAL_SECRET: real,
    }),
  );
  await page.goto(LOOKALIKES_URL);
  // The one real secret proves the content script ran; give the late look-alike time to be scanned too.
  const panel = await readyPanel(page, { cards: 1 });
  await page.waitForTimeout(1500);
  expect(await cardHeadings(panel)).toEqual(['LWA Vault Up to date']);
  expect(await page.locator('lwa-vault-panel').count()).toBe(1);
});
