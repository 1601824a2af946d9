import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fixturePage, SELLER_CONSOLE_URL } from './support/amazon-console';
import { clientId, secret } from '../support/identifiers';
import { PASSPHRASE, seedVault, send } from './support/messages';
import { card, cardHeadings, clickInPanel, expectNoOverlapAtBothSizes, panelSettled, readyPanel, shownPanels } from './support/on-page-ui';

// The page is hostile (its scripts restyle, cover, click and frame as they like), pages never tuned for:
// split text, a two-app table, a fresh profile. Each builds a vault (PBKDF2) in a fresh browser.
test.describe.configure({ timeout: 120_000 });

/** The console dialog (fixtures/amazon/console-dialog.html) showing client id `cid` and secret `shown`. */
const dialogPage = (cid: string, shown: string) => fixturePage('amazon/console-dialog.html', { CLIENT_ID: cid, SHOWN_SECRET: shown });

/** A credential's values after its prefix, cut where the split table's spans cut it. */
const halves = (value: string, prefix: string) => [value.slice(prefix.length, prefix.length + 20), value.slice(prefix.length + 20)] as const;

/** Where, on the page, the centre of `name` in the docked panel is (what a user's pointer would aim at). */
async function centreOf(page: Page, name: string): Promise<{ x: number; y: number }> {
  const panel = (await shownPanels(page)).at(-1)!;
  const box = (await panel.getByRole('button', { name }).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('invisible panel with bait underneath: a real click on the bait changes nothing; the keyboard still works', async ({ extension, page, routeAmazon }) => {
  const { admin, ids } = await seedVault(extension, [{ alias: 'Target', kind: 'seller', region: 'NA', clientId: clientId(1), secrets: { clientSecret: secret(1) } }]);
  await routeAmazon(SELLER_CONSOLE_URL, dialogPage(clientId(1), secret(2)));
  await page.goto(SELLER_CONSOLE_URL);
  const panel = await readyPanel(page, { cards: 1 });
  const at = await centreOf(page, 'Save to vault');
  // The page's script: our host made transparent, a bait right under "Save to vault" (a styled div: a real
  // button there would only make the panel dock elsewhere).
  await page.evaluate(({ x, y }) => {
    const host = document.querySelector('lwa-vault-panel')!;
    host.setAttribute('style', `${host.getAttribute('style')};opacity:0 !important`);
    const bait = document.createElement('div');
    bait.textContent = 'Claim your prize';
    bait.setAttribute('style', `position:fixed;left:${x - 60}px;top:${y - 15}px;width:120px;height:30px;background:gold`);
    document.body.append(bait);
  }, at);
  await page.waitForTimeout(400); // the browser's visibility report (IntersectionObserver v2, 100 ms delay)
  await page.mouse.click(at.x, at.y);
  await expect(panel.getByRole('status')).toContainText('LWA Vault cannot see this panel unobscured');
  expect((await send(admin, 'entries.get', { id: ids[0]! })).secrets.clientSecret).toBe(secret(1));

  await panel.getByRole('button', { name: 'Save to vault' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toContainText('Saved to “Target”');
});

test("an element of the page's own over the panel: a real click through it changes nothing", async ({ extension, page, routeAmazon }) => {
  const { admin, ids } = await seedVault(extension, [{ alias: 'Target', kind: 'seller', region: 'NA', clientId: clientId(1), secrets: { clientSecret: secret(1) } }]);
  await routeAmazon(SELLER_CONSOLE_URL, dialogPage(clientId(1), secret(2)));
  await page.goto(SELLER_CONSOLE_URL);
  const panel = await readyPanel(page, { cards: 1 });
  const at = await centreOf(page, 'Save to vault');
  // A popover opened after ours is above it in the top layer; pointer-events:none lets the click through.
  await page.evaluate(() => {
    const cover = document.createElement('div');
    cover.popover = 'manual';
    cover.textContent = 'Nothing to see here';
    cover.setAttribute('style', 'inset:0;width:100vw;height:100vh;margin:0;border:0;background:rgb(255 255 255 / 0.9);pointer-events:none');
    document.body.append(cover);
    cover.showPopover();
  });
  await page.waitForTimeout(400);
  await page.mouse.click(at.x, at.y);
  await expect(panel.getByRole('status')).toContainText('LWA Vault cannot see this panel unobscured');
  expect((await send(admin, 'entries.get', { id: ids[0]! })).secrets.clientSecret).toBe(secret(1));
});

test('synthetic "Rotate secret" clicks by the page make nothing new', async ({ extension, page, routeAmazon }) => {
  await seedVault(extension, []);
  // The page clicks its own Rotate buttons, then shows a secret of its choosing (no secret was shown before).
  await routeAmazon(SELLER_CONSOLE_URL, fixturePage('amazon/synthetic-rotate-clicks.html', { CLIENT_ID: clientId(7), PAGE_SECRET: secret(7) }));
  await page.goto(SELLER_CONSOLE_URL);
  expect(await cardHeadings(await readyPanel(page, { cards: 1 }))).toEqual(['LWA Vault Not in LWA Vault']);
});

test('a panel.html frame the page makes (fixed URL, or the one ours loaded from) shows nothing and can do nothing', async ({
  extension,
  page,
  routeAmazon,
}) => {
  const { admin, ids } = await seedVault(extension, [{ alias: 'Target', kind: 'seller', region: 'NA', clientId: clientId(1), secrets: { clientSecret: secret(1) } }]);
  await routeAmazon(SELLER_CONSOLE_URL, dialogPage(clientId(1), secret(2)));
  await page.goto(SELLER_CONSOLE_URL);
  const ours = await readyPanel(page, { cards: 1 });
  const dynamicUrl = ours.url();
  const staticUrl = extension.extensionUrl('/panel.html');
  // The page frames panel.html itself, hands it its own port and made-up tokens, as the old attack did.
  await page.evaluate(async (urls) => {
    for (const url of urls) {
      const frame = document.createElement('iframe');
      frame.src = url;
      frame.className = 'page-made';
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const channel = new MessageChannel();
      frame.contentWindow!.postMessage('lwa-vault:connect', '*', [channel.port2]);
      for (let i = 0; i < 3; i++) channel.port1.postMessage({ type: 'add', token: crypto.randomUUID() });
    }
  }, [staticUrl, dynamicUrl]);
  await page.waitForTimeout(1500);
  const pageMade = page.frames().filter((f) => f !== ours && f !== page.mainFrame());
  expect(pageMade).toHaveLength(2);
  for (const frame of pageMade) {
    expect(await frame.evaluate(() => document.querySelectorAll('[data-card]').length).catch(() => 0)).toBe(0);
  }
  expect((await send(admin, 'entries.get', { id: ids[0]! })).secrets.clientSecret).toBe(secret(1));
});

test("the extension's elements on the page measure the same whatever the vault holds", async ({ extension, page, routeAmazon }) => {
  await routeAmazon(SELLER_CONSOLE_URL, dialogPage(clientId(1), secret(1)));
  const measure = async () => {
    await page.goto(SELLER_CONSOLE_URL);
    // Measured once the panel has stopped moving (its click guard re-armed), as a user would see it.
    await panelSettled(await readyPanel(page, { cards: 1 }));
    return page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => !['H1', 'DIV', 'P', 'CODE', 'BUTTON', 'SCRIPT'].includes(el.tagName) || el.closest('lwa-vault-panel'))
        .map((el) => {
          const r = el.getBoundingClientRect();
          return `${el.tagName} ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} ${getComputedStyle(el).visibility}`;
        }),
    );
  };
  const states: Record<string, string[]> = {};
  states['no vault'] = await measure();
  const { admin } = await seedVault(extension, []);
  states['not in the vault'] = await measure();
  const { meta } = await send(admin, 'entries.create', { meta: { alias: 'A', kind: 'seller', region: 'NA', clientId: clientId(1) }, secrets: { clientSecret: secret(1) } });
  states['up to date'] = await measure();
  await send(admin, 'entries.update', { id: meta.id, meta: {}, secrets: { clientSecret: secret(9) } });
  states['behind'] = await measure();
  await send(admin, 'vault.lock', {});
  states['locked'] = await measure();
  expect(states['no vault']).toHaveLength(1);
  for (const [state, elements] of Object.entries(states)) expect(elements, state).toEqual(states['no vault']);
});

test('split text in a two-app table: each secret paired with its own row, one panel listing both, clear of both rows', async ({
  extension,
  page,
  routeAmazon,
}) => {
  const { admin } = await seedVault(extension, [{ alias: 'App one', kind: 'seller', region: 'NA', clientId: clientId(1), secrets: { clientSecret: secret(1) } }]);
  const values: Record<string, string> = {};
  for (const [n, row] of [[1, 'A'], [2, 'B']] as const) {
    [values[`CLIENT_ID_${row}_HEAD`], values[`CLIENT_ID_${row}_TAIL`]] = halves(clientId(n), 'amzn1.application-oa2-client.');
    [values[`SECRET_${row}_HEAD`], values[`SECRET_${row}_TAIL`]] = halves(secret(n), 'amzn1.oa2-cs.v1.');
  }
  await routeAmazon(SELLER_CONSOLE_URL, fixturePage('amazon/split-credentials-table.html', values));
  await page.goto(SELLER_CONSOLE_URL);
  const panel = await readyPanel(page, { cards: 2 });
  expect(await page.locator('lwa-vault-panel').count()).toBe(1);
  expect(await cardHeadings(panel)).toEqual(['LWA Vault Up to date', 'LWA Vault Not in LWA Vault']);
  await expectNoOverlapAtBothSizes(page);

  const offer = await card(panel, 'LWA Vault Not in LWA Vault');
  await readyPanel(page, { cards: 2 });
  await clickInPanel(offer.getByRole('button', { name: 'Save to vault' }));
  await expect(offer.getByLabel('Entry name')).toBeVisible();
  await panelSettled(panel);
  await clickInPanel(offer.getByRole('button', { name: 'Create entry and save' }));
  await expect(panel.getByRole('status')).toContainText('Saved to');
  const { entries } = await send(admin, 'entries.list', {});
  const created = entries.find((e) => e.clientId === clientId(2))!;
  expect((await send(admin, 'entries.get', { id: created.id })).secrets.clientSecret).toBe(secret(2));
});

test('fresh profile, no vault: the offer, then the first run, then the save completes', async ({ extension, page, routeAmazon, openPopup }) => {
  await routeAmazon(SELLER_CONSOLE_URL, dialogPage(clientId(5), secret(5)));
  await page.goto(SELLER_CONSOLE_URL);
  const panel = await readyPanel(page, { cards: 1 });
  expect(await cardHeadings(panel)).toEqual(['LWA Vault Not in LWA Vault']);
  await clickInPanel(panel.getByRole('button', { name: 'Save to vault' }));
  await expect(panel.getByLabel('Entry name')).toHaveValue(`Seller Central US app …${clientId(5).slice(-6)}`);
  await readyPanel(page, { cards: 1 });
  await clickInPanel(panel.getByRole('button', { name: 'Create entry and save' }));
  await expect(panel.getByRole('status')).toContainText('Create your LWA Vault first');

  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByLabel('Repeat passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await expect(panel.getByRole('status')).toContainText('Saved to “Seller Central US app', { timeout: 20_000 });
  const { entries } = await send(popup, 'entries.list', {});
  expect(entries.map((e) => e.clientId)).toEqual([clientId(5)]);
  expect((await send(popup, 'entries.get', { id: entries[0]!.id })).secrets.clientSecret).toBe(secret(5));
});
