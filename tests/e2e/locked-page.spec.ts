import { expect, test, type Chrome, type ExtensionBrowser } from './fixtures';
import { createVault, PASSPHRASE, send } from './support/messages';
import { expectNoSeriousA11yViolations } from './support/axe';

declare const chrome: Chrome;

/** The page the toolbar button opens now (features/vault/toolbar-popup.ts), as a path. */
async function toolbarPage(extension: ExtensionBrowser): Promise<string> {
  return new URL(await extension.worker.evaluate(() => chrome.action.getPopup({}))).pathname;
}

test('the toolbar button opens the locked page while the vault is locked, and the popup otherwise', async ({ extension, openPopup }) => {
  await expect.poll(() => toolbarPage(extension)).toBe('/popup.html'); // first run: no vault yet
  const admin = await openPopup();
  await createVault(admin);
  await expect.poll(() => toolbarPage(extension)).toBe('/popup.html');
  await send(admin, 'vault.lock');
  await expect.poll(() => toolbarPage(extension)).toBe('/locked.html');

  // A restarted worker points the button from the status it finds.
  await send(admin, 'vault.unlock', { passphrase: PASSPHRASE });
  await extension.worker.evaluate(() => chrome.action.setPopup({ popup: 'locked.html' }));
  await extension.restartServiceWorker();
  await expect.poll(() => toolbarPage(extension)).toBe('/popup.html');
});

test('the locked page keeps what was typed before its script took over, and unlocks with Enter', async ({ extension, openPopup }) => {
  const admin = await openPopup();
  await createVault(admin);
  await send(admin, 'vault.lock');

  const locked = await extension.context.newPage();
  await locked.goto(`chrome-extension://${extension.extensionId}/locked.html`, { waitUntil: 'commit' });
  // Typed from the first moment the static field has focus (autofocus); the script takes over while keys arrive.
  await expect(locked.locator('input[type="password"]')).toBeFocused();
  await locked.keyboard.type(PASSPHRASE, { delay: 15 });
  await expect(locked.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await expect(locked.getByLabel('Passphrase', { exact: true })).toHaveValue(PASSPHRASE);
  await expectNoSeriousA11yViolations(locked);
  await locked.keyboard.press('Enter');

  await expect(locked.getByRole('button', { name: 'Lock now' })).toBeVisible();
  expect(locked.url()).toBe(`chrome-extension://${extension.extensionId}/locked.html`); // nothing typed went into the address
  await expect.poll(() => toolbarPage(extension)).toBe('/popup.html');

  // Locking from that page shows its locked screen again; a wrong passphrase is refused there as anywhere.
  await locked.getByRole('button', { name: 'Lock now' }).click();
  await locked.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
  await locked.getByRole('button', { name: 'Unlock' }).click();
  await expect(locked.getByRole('alert')).toHaveText('That passphrase is not right.');

  // Pop out opens the popup in a tab, not a second locked page.
  const [tab] = await Promise.all([extension.context.waitForEvent('page'), locked.getByRole('button', { name: 'Pop out' }).click()]);
  await expect(tab.getByRole('heading', { name: 'Vault locked' })).toBeVisible();
  expect(new URL(tab.url()).pathname).toBe('/popup.html');
  expect(new URL(tab.url()).searchParams.has('popout')).toBe(true);
});

test('the locked page shows what the vault is when it is not locked after all', async ({ extension, openPopup }) => {
  const url = `chrome-extension://${extension.extensionId}/locked.html`;
  const first = await extension.context.newPage();
  await first.goto(url);
  await expect(first.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await expect(first.getByRole('heading', { name: 'Vault locked' })).toHaveCount(0);

  const admin = await openPopup();
  await createVault(admin);
  const unlocked = await extension.context.newPage();
  await unlocked.goto(url);
  await expect(unlocked.getByRole('button', { name: 'Lock now' })).toBeVisible();
  await expect(unlocked.getByRole('heading', { name: 'Vault locked' })).toHaveCount(0);
});
