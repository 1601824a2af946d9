import { defineConfig } from 'vitest/config';

/** `npm run test:store`: builds the store packages with `wxt zip` and checks what the stores require. */
export default defineConfig({
  test: {
    include: ['tests/store/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
