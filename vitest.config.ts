import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// Unit and component tests: happy-dom, a fake IndexedDB and WXT's fake browser.
// WxtVitest does not pick up wxt.config's vite plugins, so Preact is added here again.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // These tests check behaviour, not speed (speed lives in bench/). The fast-check properties
    // take a few seconds each on a quiet machine and several times that on a busy 2-core one, so
    // no test may fail for being slow: the limit only catches a test that hangs.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core machines here.
    // Two take 81 s instead of 126-155 s, and 163 s with both cores kept busy by two spinning
    // processes.
    maxWorkers: 2,
  },
});
