import { test } from './fixtures';
import { createVault, seedMany } from './entries-support';

test('perf probe', async ({ openPopup, context, extensionId }) => {
  test.setTimeout(300_000);
  const popup = await openPopup();
  await createVault(popup);
  for (const n of [0, 200, 1000]) {
    if (n) await seedMany(popup, n === 200 ? 200 : 800, Date.now());
    for (let i = 0; i < 4; i++) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await page.waitForFunction(() => performance.getEntriesByName('lwa:entries-list-ready').length > 0 || document.querySelector('.empty'));
      await page.waitForTimeout(300);
      const marks = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { domInteractive: Math.round(nav.domInteractive), load: Math.round(nav.loadEventEnd), ...Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])), ...Object.fromEntries(performance.getEntriesByType('paint').map((m) => [m.name, Math.round(m.startTime)])) };
      });
      console.log(n, JSON.stringify(marks));
      await page.close();
    }
  }
});
