import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built extension (.output/chrome-mv3, so `npm run build` first) in Debian's Chromium.
 * Browser, profile and server come from tests/e2e/fixtures.ts, not from the options below.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // Each test launches its own Chromium; on a 2-core machine one at a time is the reliable choice.
  // E2E_WORKERS=2 to try more.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  fullyParallel: false,
  // A flaky test is a bug to fix, not to retry.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  globalTimeout: 40 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    // Only used if a test asks for Playwright's own `browser` fixture: never a downloaded browser.
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
