import { defineConfig } from 'vitest/config';

// Real-browser tests: the production build in Debian Chromium driven by playwright-core.
// Run one file at a time: each launches its own Chromium and two cores are all we have.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
