import { defineConfig } from '@playwright/test';
import { writeBlankPage } from './blank-page.mjs';

// Tracing multiplies page-load times: the bench measures untraced unless asked otherwise.
process.env.E2E_TRACE ??= 'off';
// The reference row's page (bench/blank-page.mjs), in place before any browser loads the extension.
writeBlankPage();

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
