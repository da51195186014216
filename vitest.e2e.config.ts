import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real-browser tests: the production builds in Debian Chromium (playwright-core) and Firefox ESR
// (puppeteer-core over WebDriver BiDi, tests/e2e/firefox/). Each file launches its own browser
// with its own profile and ports. Two files at a time, on the two cores every machine here has:
// the files spend their time waiting on the extension's own timers (a figure must hold steady for
// 5 s, sends are 10 s apart), not on the CPU, so two at a time take half as long (617 s one at a
// time, 317 s two at a time; 365 s and 375 s with both cores kept busy by two and by four other
// processes spinning, so a busy machine slows the files without making them fail).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    // Generous: a busy CI machine starts a browser slowly. Tests wait for states, never for time.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
