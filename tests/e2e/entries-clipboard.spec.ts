import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CLIENT_ID, CLIENT_SECRET } from '../support/identifiers';
import { openUnlockedPopup, seedEntry } from './support/messages';

// A plain http page granted clipboard access reads the clipboard back (docs/toolchain.md: not an extension page).
async function clipboardReader(context: BrowserContext, url: string, origin: string) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  await page.goto(url);
  return {
    read: async () => {
      await page.bringToFront();
      return page.evaluate(() => navigator.clipboard.readText());
    },
    write: async (text: string) => {
      await page.bringToFront();
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    },
  };
}

async function copySecretFromDetail(popup: Page) {
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Copy client secret' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Copied. Clears in 10 s.' })).toBeVisible();
}

test('clears a copied secret after the delay set in Settings, but leaves something copied since alone', async ({
  openPopup,
  context,
  server,
}) => {
  test.setTimeout(90_000);
  const popup = await openUnlockedPopup(openPopup);
  await seedEntry(popup, { alias: 'Cleo US', clientId: CLIENT_ID }, { clientSecret: CLIENT_SECRET });
  await popup.reload();

  await popup.getByRole('tab', { name: 'Settings' }).click();
  await popup.getByLabel('Clear copied secrets from the clipboard').selectOption('10');
  await expect(popup.getByText('Saved.')).toBeVisible();
  await popup.getByRole('tab', { name: 'Entries' }).click();
  await popup.getByRole('button', { name: /^Cleo US/ }).click();

  const clipboard = await clipboardReader(context, server.url('/harness/plain.html'), server.origin);

  await copySecretFromDetail(popup);
  expect(await clipboard.read()).toBe(CLIENT_SECRET);
  await expect.poll(clipboard.read, { timeout: 20_000, intervals: [1_000] }).toBe('');

  // The history says what was copied, never the value.
  await popup.bringToFront();
  const history = popup.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Copied: client secret');
  await expect(history).not.toContainText(CLIENT_SECRET);

  await copySecretFromDetail(popup);
  await clipboard.write('the user copied this meanwhile');
  await popup.waitForTimeout(13_000); // past the 10 s delay
  expect(await clipboard.read()).toBe('the user copied this meanwhile');
});
