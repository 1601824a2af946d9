import { expect, test, type Chrome } from './fixtures';
import { CLOCK_START, DAY, installClock } from './support/clock';
import { CLIENT_ID, CLIENT_SECRET, NEW_CLIENT_SECRET } from '../support/identifiers';
import { openUnlockedPopup, PASSPHRASE, seedEntry, send } from './support/messages';

declare const chrome: Chrome;

// Issue #12: no silent defaults, the next step on screen, retiring the previous secret, the locked screen's list.

test('an existing app added without dates is Date unknown: list, badge "?", next step with its Developer Central, one click to set the date', async ({ openPopup, worker }) => {
  const popup = await openUnlockedPopup(openPopup);
  await installClock(popup);
  await popup.reload();
  await popup.getByRole('button', { name: 'Add your first entry' }).click();
  await expect(popup.getByLabel('Name')).toBeFocused();
  await popup.getByLabel('Name').fill('Cleo US');
  await popup.getByLabel('Marketplace').selectOption('US');
  await popup.getByText('More details', { exact: true }).click();
  await popup.getByLabel('LWA client id').fill(CLIENT_ID);
  await popup.getByRole('textbox', { name: 'Client secret' }).fill(CLIENT_SECRET);
  await expect(popup.getByLabel('Secret expires on')).toHaveValue('');
  await popup.getByRole('button', { name: 'Save entry' }).click();

  const deadlines = popup.getByRole('list', { name: 'Deadlines' });
  await expect(deadlines).toContainText('Client secret expires');
  await expect(deadlines.locator('.countdown')).toHaveAttribute('data-level', 'unknown');
  const next = popup.getByRole('region', { name: 'Next step' });
  await expect(next).toContainText('invalid_client');
  await expect(next.getByRole('link', { name: /Developer Central/ })).toHaveAttribute('href', 'https://sellercentral.amazon.com/sellingpartner/developerconsole');
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('?');
  expect(await worker.evaluate(() => chrome.action.getTitle({}))).toBe('LWA Vault — due: Cleo US secret date unknown');

  await deadlines.getByRole('button', { name: 'Set the expiry date' }).click();
  await expect(popup.getByLabel('Secret expires on')).toBeFocused();
  await popup.getByLabel('Secret expires on').fill('2027-06-04');
  await popup.getByRole('button', { name: 'Save changes' }).click();
  await expect(deadlines).toContainText(/Soon\s*in 12 days · 4 Jun 2027\s*date Amazon shows/);
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).not.toBe('?');
});

test('an entry without a secret has no secret countdown and no rotate action', async ({ openPopup, worker }) => {
  const popup = await openUnlockedPopup(openPopup);
  await seedEntry(popup, { alias: 'Only an id', clientId: CLIENT_ID });
  await popup.reload();
  await popup.getByRole('button', { name: /^Only an id/ }).click();
  await expect(popup.getByText('No client secret saved: nothing to count down yet.')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Edit' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'I rotated this secret' })).toHaveCount(0);
  expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
});

test('an app authorized 300 days ago counts down to its renewal from the Authorized on date', async ({ openPopup }) => {
  const popup = await openUnlockedPopup(openPopup);
  const entry = await seedEntry(popup, { alias: 'Vendor DE', kind: 'vendor', marketplace: 'DE', secretExpiresAt: CLOCK_START + 100 * DAY }, { clientSecret: CLIENT_SECRET });
  await installClock(popup);
  await popup.reload();
  await popup.getByRole('button', { name: /^Vendor DE/ }).click();
  await popup.getByRole('button', { name: 'Edit' }).click();
  await popup.getByLabel('Authorized on').fill('2026-07-27'); // 300 days before 23 May 2027
  await popup.getByRole('button', { name: 'Save changes' }).click();
  const deadlines = popup.getByRole('list', { name: 'Deadlines' });
  await expect(deadlines).toContainText(/Authorization renewal due\s*Notice\s*in 65 days · 27 Jul 2027\s*365 days after it was authorized/);
  expect((await send(popup, 'entries.get', { id: entry.id })).meta.authorizedAt).toBe(Date.parse('2026-07-27T00:00:00Z'));
});

test('after a rotation the previous secret counts "7 days after the rotation" until it is retired, then stops and is kept', async ({ openPopup, worker }) => {
  const popup = await openUnlockedPopup(openPopup);
  const entry = await seedEntry(popup, { alias: 'Rotated', marketplace: 'DE', secretExpiresAt: Date.now() + 100 * DAY }, { clientSecret: CLIENT_SECRET });
  await send(popup, 'entries.rotate', { id: entry.id, newSecret: NEW_CLIENT_SECRET });
  await popup.reload();
  await popup.getByRole('button', { name: /^Rotated/ }).click();
  const deadlines = popup.getByRole('list', { name: 'Deadlines' });
  await expect(deadlines).toContainText(/Previous secret stops working\s*Urgent\s*in 7 days.*7 days after the rotation/);
  await expect(popup.getByRole('region', { name: 'Next step' })).toContainText('previous client secret');
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('7d');

  await deadlines.getByRole('button', { name: 'Yes, retire the previous secret' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Previous secret retired' })).toBeVisible();
  await expect(deadlines).not.toContainText('Previous secret');
  await expect(popup.getByText(/^Retired client secret/)).toBeVisible();
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  const view = await send(popup, 'entries.get', { id: entry.id });
  expect(view.meta.previousSecretExpiresAt).toBeUndefined();
  expect(view.secrets.retiredSecrets?.map((r) => r.secret)).toEqual([CLIENT_SECRET]);
});

test('the locked screen lists what is due from metadata, nothing secret; focus follows each screen', async ({ openPopup }) => {
  const popup = await openUnlockedPopup(openPopup);
  await seedEntry(popup, { alias: 'Cleo US', marketplace: 'US', region: 'NA', secretExpiresAt: Date.now() + 5 * DAY - 3_600_000 }, { clientSecret: CLIENT_SECRET });
  await seedEntry(popup, { alias: 'Calm', secretExpiresAt: Date.now() + 120 * DAY }, { clientSecret: NEW_CLIENT_SECRET });
  await popup.reload();
  await expect(popup.getByLabel('Search by name or client id')).toBeFocused();

  await popup.getByRole('button', { name: 'Lock now' }).click();
  await expect(popup.getByLabel('Passphrase', { exact: true })).toBeFocused();
  const due = popup.getByRole('region', { name: 'Due' });
  await expect(due.getByRole('listitem')).toHaveText([/Cleo US — secret in [45] days/]);
  expect(await popup.content()).not.toContain(CLIENT_SECRET);

  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByLabel('Search by name or client id')).toBeFocused();

  // Escape leaves the editor and keeps the draft: the next visit brings it back.
  await popup.getByRole('button', { name: 'Add entry' }).click();
  await expect(popup.getByLabel('Name')).toBeFocused();
  await popup.getByLabel('Name').fill('Half typed');
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('status').filter({ hasText: 'kept as a draft' })).toBeVisible();
  await expect(popup.getByLabel('Search by name or client id')).toBeFocused();
  await popup.reload();
  await expect(popup.getByLabel('Name')).toHaveValue('Half typed');
});

test('declares a shortcut that opens the popup, and an options page that is the Settings screen', async ({ worker, extension }) => {
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.commands?._execute_action?.suggested_key).toEqual({ default: 'Alt+Shift+L' });
  expect(manifest.options_ui?.page).toBe('options.html');
  const options = await extension.openPopup('options.html');
  await expect(options.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await options.getByLabel('Lock the vault').selectOption('5');
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeInViewport();
});
