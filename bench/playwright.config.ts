import { defineConfig } from '@playwright/test';

// Tracing multiplies page-load times: the bench measures untraced unless asked otherwise.
process.env.E2E_TRACE ??= 'off';

/** `npm run bench`: the performance table, measured in Debian's Chromium with the built extension. */
export default defineConfig({
  testDir: '.',
  testMatch: 'bench.spec.ts',
  outputDir: '../test-results/bench',
  workers: 1,
  retries: 0,
  timeout: 10 * 60_000,
  reporter: [['dot']],
});
