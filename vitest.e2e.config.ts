import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real-browser tests: the production builds in Debian Chromium (playwright-core) and Firefox ESR
// (puppeteer-core over WebDriver BiDi, tests/e2e/firefox/). Run one file at a time: each launches
// its own browser and two cores are all we have.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    // Generous: a busy CI machine starts a browser slowly. Tests wait for states, never for time.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
