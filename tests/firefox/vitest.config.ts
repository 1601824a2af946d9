import { defineConfig } from 'vitest/config';

/** `npm run test:firefox`: the Firefox build (`npm run build:firefox` first) in Debian's firefox-esr. */
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    // One Firefox, steps in file order.
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
