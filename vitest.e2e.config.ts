import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real-browser tests: the production build in Debian Chromium driven by playwright-core.
// Run one file at a time: each launches its own Chromium and two cores are all we have.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    // Generous: a busy CI machine starts Chromium slowly. Tests wait for states, never for time.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
