import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CLOCK_START as NOW, DAY, installClock } from './support/clock';
import { createVault, seedEntry } from './support/messages';
import { expectNoSeriousA11yViolations } from './support/axe';

// The pop-out's Timeline, measured in the page as drawn: the widths are the narrowest pop-out the README promises
// (760 px) and the toolbar popup's (380 px).
const WIDTHS = [760, 380];

/** Every axis label and legend entry as the browser lays them out, in CSS px. */
async function measureTimeline(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('svg.timeline-picture')!;
    const frame = svg.parentElement!.getBoundingClientRect();
    const box = (element: Element) => {
      const r = element.getBoundingClientRect();
      return { text: element.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    return {
      // 1 when the picture is drawn 1:1; below 1 when the browser shrinks it (and its text) to fit.
      scale: svg.getScreenCTM()!.a,
      picture: box(svg),
      frame: { left: frame.left, right: frame.right },
      viewportWidth: document.documentElement.clientWidth,
      timelineScrollsSideways: document.querySelector('section.timeline')!.scrollWidth > document.querySelector('section.timeline')!.clientWidth,
      today: box(svg.querySelector('.tl-today-label')!),
      months: [...svg.querySelectorAll('.tl-axis:not(.tl-year)')].map(box),
      years: [...svg.querySelectorAll('.tl-year')].map(box),
      fontSizes: [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize)),
      fullTextWidths: [...svg.querySelectorAll<SVGTextElement>('text.tl-axis, text.tl-today-label')].map((t) => ({
        text: t.textContent,
        drawn: t.getBoundingClientRect().width,
        full: t.getComputedTextLength(),
      })),
      drawn: [...new Set([...svg.querySelectorAll('[data-legend]')].flatMap((e) => [e.getAttribute('data-legend')!, e.getAttribute('data-level')].filter((k): k is string => !!k)))],
      legend: [...document.querySelectorAll('.tl-legend li')].map((li) => ({ ...box(li), key: li.getAttribute('data-legend'), text: li.textContent?.trim() ?? '' })),
    };
  });
}

type Box = { left: number; right: number; top: number; bottom: number };
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function seedDeadlinesOfEveryKind(popup: Page) {
  await createVault(popup);
  await seedEntry(popup, { alias: 'Banner', secretExpiresAt: Date.parse('2027-06-04T12:00:00Z') });
  await seedEntry(popup, { alias: 'Renewal', authorizedAt: NOW - 200 * DAY });
  await seedEntry(popup, { alias: 'Rotated yesterday', secretIssuedAt: NOW - DAY, previousSecretExpiresAt: NOW + 6 * DAY });
  await seedEntry(popup, { alias: 'Late', secretExpiresAt: NOW - 3 * DAY });
  await seedEntry(popup, { alias: 'ShopCtrl 3P Germany, Austria and Switzerland', secretIssuedAt: NOW - 120 * DAY });
}

for (const width of WIDTHS) {
  test(`the timeline at ${width} px: every month label whole and apart, Today clear of them, 12 px text, a complete legend`, async ({ openPopup, extension }) => {
    const popup = await openPopup();
    await seedDeadlinesOfEveryKind(popup);
    await installClock(popup);
    await popup.setViewportSize({ width, height: 800 });
    await popup.goto(extension.extensionUrl('popup.html?popout=1#timeline'));
    await expect(popup.getByRole('img', { name: 'Deadlines over the next 12 months' })).toBeVisible();

    const m = await measureTimeline(popup);
    expect(m.scale).toBe(1);
    expect(Math.min(...m.fontSizes)).toBeGreaterThanOrEqual(11);
    expect(m.timelineScrollsSideways).toBe(false);
    // Today is 23 May 2027: every first of a month up to May 2028, and the year where it turns, none shortened.
    expect(m.months.map((b) => b.text)).toEqual(['Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May']);
    expect(m.years.map((b) => b.text)).toEqual(['2028']);
    expect(m.today.text).toBe('Today, 23 May 2027');
    const labels = [...m.months, ...m.years];
    for (const label of [m.today, ...labels]) {
      expect(label.left, `${label.text} starts inside the picture`).toBeGreaterThanOrEqual(Math.max(m.picture.left, m.frame.left));
      expect(label.right, `${label.text} ends inside the picture`).toBeLessThanOrEqual(Math.min(m.picture.right, m.frame.right, m.viewportWidth));
      expect(overlap(label, m.today) && label !== m.today, `${label.text} collides with Today`).toBe(false);
    }
    for (const { text, drawn, full } of m.fullTextWidths) expect(drawn, `${text} drawn whole`).toBeGreaterThanOrEqual(full - 0.5);
    labels.forEach((a, i) => {
      for (const b of labels.slice(i + 1)) expect(overlap(a, b), `${a.text} overlaps ${b.text}`).toBe(false);
    });

    // Each shape and colour in the picture has its legend entry, with words, on screen.
    expect(m.drawn).toEqual(expect.arrayContaining(['secret', 'previous-secret', 'authorization', 'overlap', 'today', 'level-overdue', 'level-urgent', 'level-soon', 'level-ok']));
    const legendKeys = m.legend.map((l) => l.key);
    for (const key of m.drawn) expect(legendKeys, `legend entry for ${key}`).toContain(key);
    for (const entry of m.legend) {
      expect(entry.text, `${entry.key} has words`).not.toBe('');
      expect(entry.right, `${entry.key} fits the page`).toBeLessThanOrEqual(m.viewportWidth);
    }
    await expect(popup.locator('.tl-legend li[data-legend="previous-secret"]')).toHaveText('previous secret stops working');

    // A long name is shortened inside its column, never drawn into the months.
    const name = popup.locator('.tl-label', { hasText: 'ShopCtrl 3P' });
    await expect(name).toHaveText(/…$/);
    const nameBox = (await name.boundingBox())!;
    const plotLeft = (await popup.locator('svg.timeline-picture .tl-today').boundingBox())!.x;
    expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(plotLeft);

    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      await expectNoSeriousA11yViolations(popup, { screen: `timeline at ${width} px, ${colorScheme}` });
    }
  });
}

test('in December the last month label is whole at the right edge, and the labels follow a resize', async ({ openPopup, extension }) => {
  const popup = await openPopup();
  await seedDeadlinesOfEveryKind(popup);
  await installClock(popup, Date.parse('2026-12-10T12:00:00Z'));
  await popup.setViewportSize({ width: 760, height: 800 });
  await popup.goto(extension.extensionUrl('popup.html?popout=1#timeline'));
  await expect(popup.getByRole('img', { name: 'Deadlines over the next 12 months' })).toBeVisible();

  for (const width of [760, 1100, 380]) {
    await popup.setViewportSize({ width, height: 800 });
    await expect.poll(async () => (await measureTimeline(popup)).picture.right).toBeLessThanOrEqual(width);
    const m = await measureTimeline(popup);
    expect(m.months.map((b) => b.text)).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec']);
    expect(m.years.map((b) => b.text)).toEqual(['2027']);
    const december = m.months.at(-1)!;
    expect(december.right, `Dec inside at ${width} px`).toBeLessThanOrEqual(m.picture.right);
    const labels = [...m.months, ...m.years];
    labels.forEach((a, i) => {
      expect(overlap(a, m.today), `${a.text} collides with Today at ${width} px`).toBe(false);
      for (const b of labels.slice(i + 1)) expect(overlap(a, b), `${a.text} overlaps ${b.text} at ${width} px`).toBe(false);
    });
    expect(m.scale).toBe(1);
  }
});
