import { expect, test } from './fixtures';
import { CLOCK_START as NOW, DAY, installClock } from './support/clock';
import { createVault, seedEntry } from './support/messages';

// NOW is the controlled clock's start, 23 May 2027 noon UTC: every date below is that far from it.

test('counts down to each deadline under a controlled clock, most urgent first, level in words', async ({ openPopup }) => {
  const popup = await openPopup();
  await createVault(popup);
  await seedEntry(popup, { alias: 'Calm', secretIssuedAt: NOW - 10 * DAY });
  await seedEntry(popup, { alias: 'Banner', secretExpiresAt: Date.parse('2027-06-04T12:00:00Z') });
  await seedEntry(popup, { alias: 'Notice', secretIssuedAt: NOW - 100 * DAY });
  await seedEntry(popup, { alias: 'Late', secretExpiresAt: NOW - 3 * DAY });
  await seedEntry(popup, { alias: 'This week', secretIssuedAt: NOW - 175 * DAY });
  await seedEntry(popup, { alias: 'Undated' });

  await installClock(popup);
  await popup.reload();

  const rows = popup.getByRole('list', { name: /Entries/ }).getByRole('listitem');
  await expect(rows).toHaveText([
    /^Late.*Overdue\s*Secret 3 days overdue · 20 May 2027$/,
    /^This week.*Urgent\s*Secret in 5 days · 28 May 2027$/,
    /^Banner.*Soon\s*Secret in 12 days · 4 Jun 2027$/,
    /^Notice.*Notice\s*Secret in 80 days · 11 Aug 2027$/,
    /^Calm.*OK\s*Secret in 170 days · 9 Nov 2027$/,
    /^Undated.*No secret saved$/,
  ]);
  const banner = rows.filter({ hasText: 'Banner' }).locator('.countdown');
  await expect(banner).toHaveAttribute('data-level', 'soon');

  // Live while the popup stays open: a day later, without reloading.
  await popup.clock.fastForward(DAY);
  await expect(banner).toHaveText(/Soon\s*Secret in 11 days · 4 Jun 2027/);
  await popup.clock.fastForward(10 * DAY);
  await expect(banner).toHaveText(/Urgent\s*Secret tomorrow · 4 Jun 2027/);
  await expect(banner).toHaveAttribute('data-level', 'urgent');
  await popup.clock.fastForward(DAY);
  await expect(banner).toHaveText(/Overdue\s*Secret overdue today · 4 Jun 2027/);
});

test('shows every deadline of an entry, and the previous secret’s 7 days after a rotation', async ({ openPopup }) => {
  const popup = await openPopup();
  await createVault(popup);
  await seedEntry(popup, {
    alias: 'Rotated',
    secretIssuedAt: NOW - 2 * DAY,
    previousSecretExpiresAt: NOW + 5 * DAY,
    authorizedAt: NOW - 300 * DAY,
  });
  await installClock(popup);
  await popup.reload();
  await popup.getByRole('button', { name: /^Rotated/ }).click();

  const deadlines = popup.getByRole('list', { name: 'Deadlines' }).getByRole('listitem');
  await expect(deadlines).toHaveText([
    /Client secret expires\s*OK\s*in 178 days · 17 Nov 2027\s*180 days after it was issued/,
    /Previous secret stops working\s*Urgent\s*in 5 days · 28 May 2027\s*7 days after the rotation/,
    /Authorization renewal due\s*Notice\s*in 65 days · 27 Jul 2027\s*365 days after it was authorized/,
  ]);
});

test('the pop-out timeline pictures the next 12 months, with a table as its text alternative', async ({ openPopup, extension }) => {
  const popup = await openPopup();
  await createVault(popup);
  await seedEntry(popup, { alias: 'Banner', secretExpiresAt: Date.parse('2027-06-04T12:00:00Z') });
  await seedEntry(popup, { alias: 'Renewal', authorizedAt: NOW - 200 * DAY });
  await seedEntry(popup, { alias: 'Undated' });
  await installClock(popup);
  await popup.goto(extension.extensionUrl('popup.html?popout=1#timeline'));

  await expect(popup.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  const picture = popup.getByRole('img', { name: 'Deadlines over the next 12 months' });
  await expect(picture).toBeVisible();
  await expect(picture.locator('desc')).toHaveText(/^2 deadlines of 2 entries .* \(1 soon\)/);
  await expect(picture.locator('.tl-today')).toHaveCount(1);
  await expect(picture.locator('.tl-mark.level-soon')).toHaveCount(1);

  const table = popup.getByRole('table', { name: /Every deadline in the next 12 months/ });
  await expect(table.getByRole('row')).toHaveText([
    /Entry\s*Deadline\s*When\s*Level/,
    /Banner\s*Client secret expires\s*in 12 days · 4 Jun 2027\s*Soon/,
    /Renewal\s*Authorization renewal\s*in 165 days · 4 Nov 2027\s*OK/,
  ]);
  await expect(popup.getByText('1 entry has no dates yet.')).toBeVisible();

  await table.getByRole('link', { name: 'Banner' }).click();
  await expect(popup.getByRole('heading', { name: 'Banner' })).toBeVisible();
  await expect(popup.getByRole('tab', { name: 'Entries' })).toHaveAttribute('aria-selected', 'true');
});
