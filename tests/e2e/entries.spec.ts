import { expect, test, type Chrome } from './fixtures';
import { DAY } from './support/clock';
import { CLIENT_ID, CLIENT_SECRET, LEGACY_CLIENT_SECRET, NEW_CLIENT_SECRET, OTHER_CLIENT_ID, REFRESH_TOKEN } from '../support/identifiers';
import { openUnlockedPopup, PASSPHRASE, seedEntry, send } from './support/messages';

declare const chrome: Chrome;

test('creates, edits and deletes an entry through the popup', async ({ openPopup }) => {
  const popup = await openUnlockedPopup(openPopup);
  await popup.reload();

  await expect(popup.getByRole('heading', { name: 'No entries yet' })).toBeVisible();
  await popup.getByRole('button', { name: 'Add your first entry' }).click();

  // The short form: name, marketplace (it sets the region), the credentials box, the secret's date.
  await popup.getByLabel('Name').fill('ShopCtrl 1P DE');
  await popup.getByLabel('Marketplace').selectOption('DE');
  await expect(popup.getByText('Region: Europe.')).toBeVisible();
  await expect(popup.getByLabel('LWA client id')).toBeHidden();

  // The whole "LWA credentials" box pasted into the box fills the client id and secret; the box keeps nothing.
  const box = popup.getByLabel('LWA credentials');
  await box.focus();
  await popup.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `LWA credentials\nClient identifier\n${CLIENT_ID}\nClient secret\n${CLIENT_SECRET}\n`);
  await expect(box).toHaveValue('');
  await expect(popup.getByRole('status').filter({ hasText: 'Filled LWA client id and client secret' })).toBeVisible();
  await expect(popup.getByText(`Holds LWA client id …${CLIENT_ID.slice(-6)}, a client secret.`)).toBeVisible();

  await popup.getByText('More details', { exact: true }).click();
  await expect(popup.getByLabel('LWA client id')).toHaveValue(CLIENT_ID);
  await expect(popup.getByRole('textbox', { name: 'Client secret' })).toHaveValue(CLIENT_SECRET);
  // The connector implies the app type; a marketplace implies the region: neither is asked again.
  await popup.getByLabel('Connector').selectOption('shopctrl-1p');
  await expect(popup.getByText('Vendor Central app: this connector talks to it.')).toBeVisible();
  await expect(popup.getByLabel('App type')).toHaveCount(0);
  await expect(popup.getByLabel('Region', { exact: true })).toHaveCount(0);

  await popup.getByRole('textbox', { name: 'Refresh token' }).fill('Atza|not-a-refresh-token');
  await popup.getByRole('button', { name: 'Save entry' }).click();
  await expect(popup.getByText('This is an access token (Atza|…)')).toBeVisible();
  await expect(popup.getByRole('textbox', { name: 'Refresh token' })).toBeFocused();
  await popup.getByRole('textbox', { name: 'Refresh token' }).fill(REFRESH_TOKEN);
  await popup.getByRole('textbox', { name: 'Refresh token' }).press('Enter');

  await expect(popup.getByRole('heading', { name: 'ShopCtrl 1P DE' })).toBeVisible();
  await expect(popup.getByText('Saved ShopCtrl 1P DE.')).toBeVisible();
  await expect(popup.getByText(/Client secret expires/)).toBeVisible();

  await popup.getByRole('button', { name: 'Edit' }).click();
  await popup.getByLabel('Name').fill('ShopCtrl 1P Germany');
  await popup.getByRole('textbox', { name: 'Client secret' }).fill(LEGACY_CLIENT_SECRET);
  await popup.getByRole('button', { name: 'Save changes' }).click();
  await expect(popup.getByText('This looks like an older-format client secret')).toBeVisible();
  await popup.getByLabel('Save anyway: I copied it exactly as Amazon showed it').check();
  await popup.getByRole('button', { name: 'Save changes' }).click();
  await expect(popup.getByRole('heading', { name: 'ShopCtrl 1P Germany' })).toBeVisible();
  await expect(popup.getByText('Edited')).toBeVisible();

  await popup.getByRole('button', { name: '← All entries' }).click();
  await expect(popup.getByRole('button', { name: /ShopCtrl 1P Germany/ })).toBeFocused();
  await popup.getByRole('button', { name: /ShopCtrl 1P Germany/ }).click();
  await popup.getByRole('button', { name: 'Delete…' }).click();
  const dialog = popup.getByRole('dialog', { name: 'Delete ShopCtrl 1P Germany?' });
  await expect(dialog).toBeVisible();
  await popup.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await popup.getByRole('button', { name: 'Delete…' }).click();
  await dialog.getByRole('button', { name: 'Delete entry' }).click();
  await expect(popup.getByText('Deleted ShopCtrl 1P Germany.')).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'No entries yet' })).toBeVisible();
});

test('shows a tampered entry as damaged and keeps the others usable', async ({ openPopup }) => {
  const popup = await openUnlockedPopup(openPopup);
  await seedEntry(popup, { alias: 'Healthy', clientId: CLIENT_ID }, { clientSecret: CLIENT_SECRET });
  const sealedBroken = await seedEntry(popup, { alias: 'Ciphertext changed' }, { clientSecret: CLIENT_SECRET });
  const metaBroken = await seedEntry(popup, { alias: 'Metadata changed' }, { clientSecret: CLIENT_SECRET });

  // Extension pages share the background's origin, so the popup page can reach the vault's IndexedDB directly.
  await popup.evaluate(
    async ([sealedId, metaId]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('lwa-vault');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const store = db.transaction('entries', 'readwrite').objectStore('entries');
      const get = (id: string) =>
        new Promise<Record<string, any>>((resolve) => {
          const request = store.get(id);
          request.onsuccess = () => resolve(request.result);
        });
      const sealed = await get(sealedId);
      const ct: string = sealed.sealed.ct;
      sealed.sealed.ct = (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1);
      store.put(sealed);
      const meta = await get(metaId);
      meta.meta.kind = 'marketplace';
      store.put(meta);
      await new Promise((resolve) => (store.transaction.oncomplete = resolve));
      db.close();
    },
    [sealedBroken.id, metaBroken.id] as const,
  );
  await popup.reload();

  const rows = popup.getByRole('list', { name: /Entries/ }).getByRole('listitem');
  await expect(rows.first()).toHaveText(new RegExp(`^Unreadable entry\\s*id ${metaBroken.id}\\s*Damaged\\s*cannot be decrypted$`));

  await popup.getByRole('button', { name: /^Ciphertext changed/ }).click();
  await expect(popup.getByRole('alert')).toContainText('Damaged. This entry’s encrypted data was changed outside LWA Vault');
  await expect(popup.getByRole('button', { name: 'I rotated this secret' })).toHaveCount(0);
  await popup.getByRole('button', { name: '← All entries' }).click();
  await expect(popup.getByRole('button', { name: /^Ciphertext changed/ })).toContainText('Damaged');

  await popup.getByRole('button', { name: /^Healthy/ }).click();
  await popup.getByRole('button', { name: 'Show client secret' }).click();
  await expect(popup.getByText(CLIENT_SECRET)).toBeVisible();

  // A damaged entry can still be deleted.
  await popup.getByRole('button', { name: '← All entries' }).click();
  await popup.getByRole('button', { name: /^Unreadable entry/ }).click();
  await popup.getByRole('button', { name: 'Delete…' }).click();
  await popup.getByRole('button', { name: 'Delete entry' }).click();
  await expect(popup.getByRole('button', { name: /^Unreadable entry/ })).toHaveCount(0);
});

test('keeps unsaved editor input when the popup closes, and drops it on cancel', async ({ openPopup }) => {
  let popup = await openUnlockedPopup(openPopup);
  await popup.reload();
  await popup.getByRole('button', { name: 'Add your first entry' }).click();
  await popup.getByLabel('Name').fill('Half typed');
  await popup.getByText('More details', { exact: true }).click();
  await popup.getByRole('textbox', { name: 'Client secret' }).fill(CLIENT_SECRET);
  await popup.getByLabel('Marketplace').selectOption('JP');
  await popup.close();

  popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Add an entry' })).toBeVisible();
  await expect(popup.getByText('Your unsaved changes from last time were restored.')).toBeVisible();
  await expect(popup.getByLabel('Name')).toHaveValue('Half typed');
  await expect(popup.getByRole('textbox', { name: 'Client secret' })).toHaveValue(CLIENT_SECRET);
  await expect(popup.getByLabel('Marketplace')).toHaveValue('JP');
  await expect(popup.getByText('Region: Far East.')).toBeVisible();

  await popup.getByRole('button', { name: 'Cancel' }).click();
  await popup.close();
  popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'No entries yet' })).toBeVisible();
});

test('drops a draft once the vault has locked: a locked vault keeps no typed secret', async ({ openPopup }) => {
  let popup = await openUnlockedPopup(openPopup);
  await popup.reload();
  await popup.getByRole('button', { name: 'Add your first entry' }).click();
  await popup.getByText('More details', { exact: true }).click();
  await popup.getByRole('textbox', { name: 'Client secret' }).fill(CLIENT_SECRET);
  await send(popup, 'vault.lock'); // as the idle timer does
  await popup.close();

  popup = await openPopup();
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('heading', { name: 'No entries yet' })).toBeVisible();
  expect(await popup.evaluate(() => chrome.storage.session.get(null))).not.toHaveProperty('editorDraft:new');
});

test('restores a draft of an edit, and forgets it once saved', async ({ openPopup }) => {
  let popup = await openUnlockedPopup(openPopup);
  const entry = await seedEntry(popup, { alias: 'Before', clientId: CLIENT_ID });
  await popup.goto(`${popup.url()}#entry=${entry.id}`);
  await popup.reload();
  await popup.getByRole('button', { name: 'Edit' }).click();
  await popup.getByLabel('Name').fill('After');
  await popup.close();

  popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Edit Before' })).toBeVisible();
  await expect(popup.getByLabel('Name')).toHaveValue('After');
  await popup.getByRole('button', { name: 'Save changes' }).click();
  await expect(popup.getByRole('heading', { name: 'After' })).toBeVisible();
  await popup.close();

  popup = await openPopup();
  await expect(popup.getByRole('button', { name: /^After/ })).toBeVisible();
});

test('opens the entry a deep link names, in the pop-out too', async ({ openPopup, extension }) => {
  const popup = await openUnlockedPopup(openPopup);
  const first = await seedEntry(popup, { alias: 'First' });
  const second = await seedEntry(popup, { alias: 'Second' });
  await popup.setViewportSize({ width: 1000, height: 800 });
  await popup.goto(extension.extensionUrl(`popup.html?popout=1#entry=${first.id}`));
  await expect(popup.getByRole('heading', { name: 'First', level: 2 })).toBeVisible();
  await expect(popup.getByRole('tab', { name: 'Timeline' })).toBeVisible();

  // A notification pointing an open pop-out at another entry changes only the hash.
  await popup.evaluate((id) => (location.hash = `entry=${id}`), second.id);
  await expect(popup.getByRole('heading', { name: 'Second', level: 2 })).toBeVisible();
});

test('records a rotation: new secret, previous one kept for its last 7 days', async ({ openPopup }) => {
  const popup = await openUnlockedPopup(openPopup);
  await seedEntry(popup, { alias: 'Cleo DE', clientId: CLIENT_ID, secretIssuedAt: Date.now() - 175 * DAY }, { clientSecret: CLIENT_SECRET });
  await popup.reload();
  await popup.getByRole('button', { name: /^Cleo DE/ }).click();
  await expect(popup.getByRole('list', { name: 'Deadlines' })).toContainText('Urgent');

  await popup.getByRole('button', { name: 'I rotated this secret' }).click();
  const dialog = popup.getByRole('dialog', { name: 'I rotated this secret' });
  await expect(dialog.getByRole('textbox', { name: 'New client secret' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'New client secret' }).fill(CLIENT_SECRET.slice(0, -1));
  await dialog.getByRole('textbox', { name: 'New client secret' }).press('Enter');
  await expect(dialog.getByText('A client secret starts with amzn1.oa2-cs.v1. followed by 64 hex characters.').first()).toBeVisible();
  await dialog.getByRole('textbox', { name: 'New client secret' }).fill(NEW_CLIENT_SECRET);
  await dialog.getByRole('textbox', { name: 'New client secret' }).press('Enter');

  await expect(dialog).toBeHidden();
  await expect(popup.getByRole('status').filter({ hasText: /New secret saved\. The previous one keeps working until .* \(in 7 days\)/ })).toBeVisible();
  await expect(popup.getByRole('list', { name: 'Deadlines' }).getByRole('listitem')).toHaveText([
    /Client secret expires\s*OK\s*in 180 days/,
    /Previous secret stops working\s*Urgent\s*in 7 days/,
  ]);
  await popup.getByRole('button', { name: 'Show client secret', exact: true }).click();
  await popup.getByRole('button', { name: 'Show previous client secret' }).click();
  await expect(popup.getByText(NEW_CLIENT_SECRET)).toBeVisible();
  await expect(popup.getByText(CLIENT_SECRET)).toBeVisible();
  await expect(popup.getByRole('region', { name: 'History' })).toContainText('Secret rotated');
});

test('works from the keyboard: search, open, tabs with arrow keys, Escape closes a dialog', async ({ openPopup }) => {
  const popup = await openUnlockedPopup(openPopup);
  await seedEntry(popup, { alias: 'Alpha', clientId: CLIENT_ID });
  await seedEntry(popup, { alias: 'Beta', clientId: OTHER_CLIENT_ID });
  await popup.reload();

  await popup.getByLabel('Search by name or client id').focus();
  await popup.keyboard.type('fedcba98');
  await expect(popup.getByRole('list', { name: /Entries/ }).getByRole('listitem')).toHaveCount(1);
  await popup.keyboard.press('Tab');
  await expect(popup.getByRole('button', { name: /^Beta/ })).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('heading', { name: 'Beta', level: 2 })).toBeFocused();

  await popup.getByRole('button', { name: 'Delete…' }).focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('dialog')).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Delete…' })).toBeFocused();

  // Arrow keys move between tabs (whichever tabs other features add) and select the one they land on.
  const entriesTab = popup.getByRole('tab', { name: 'Entries' });
  await entriesTab.focus();
  await popup.keyboard.press('ArrowRight');
  await expect(entriesTab).toHaveAttribute('aria-selected', 'false');
  await expect(popup.locator('[role=tab]:focus')).toHaveAttribute('aria-selected', 'true');
  await popup.keyboard.press('ArrowLeft');
  await expect(entriesTab).toBeFocused();
  await expect(entriesTab).toHaveAttribute('aria-selected', 'true');
  await popup.keyboard.press('ArrowLeft');
  await expect(popup.getByRole('tab').last()).toBeFocused();
});

test('the short form fits the popup, and a problem under the closed "More details" opens it at the field', async ({ openPopup }) => {
  const popup = await openUnlockedPopup(openPopup);
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.reload();
  await popup.getByRole('button', { name: 'Add your first entry' }).click();
  const editor = popup.locator('form.editor');
  // Name, marketplace, the credentials box, which date, the date, "More details", Save and Cancel.
  await expect(editor.locator('input, select, textarea, summary, button').filter({ visible: true })).toHaveCount(9);
  const save = popup.getByRole('button', { name: 'Save entry' });
  expect((await save.boundingBox())!.y + (await save.boundingBox())!.height).toBeLessThanOrEqual(600);

  // A paste without any credential is refused with a sentence, and the box keeps none of it.
  const box = popup.getByLabel('LWA credentials');
  await box.evaluate((input) => {
    (input as HTMLTextAreaElement).focus();
    const data = new DataTransfer();
    data.setData('text/plain', 'Client secret: (hidden) — click View');
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(popup.getByText('No LWA client id, client secret or refresh token found in the pasted text.')).toBeVisible();
  await expect(box).toHaveValue('');
  await expect(box).toHaveAttribute('aria-invalid', 'true');

  await popup.getByLabel('Name').fill('Typo in details');
  await popup.getByText('More details', { exact: true }).click();
  await popup.getByRole('textbox', { name: 'Refresh token' }).fill('Atza|not-a-refresh-token');
  await popup.getByText('More details', { exact: true }).click();
  await expect(popup.getByRole('textbox', { name: 'Refresh token' })).toBeHidden();
  await save.click();
  await expect(popup.getByRole('textbox', { name: 'Refresh token' })).toBeFocused();
  await expect(popup.getByText('This is an access token (Atza|…)')).toBeVisible();
});
