import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Manifest permissions are the narrowest that work: `storage` for the settings, `alarms` for the
// periodic badge re-check. Host access comes only from the carrier content-script matches (see
// lib/carriers), so the extension can touch nothing but carrier portals.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022', sourcemap: process.env.SOURCEMAP === '1' },
  }),
  manifest: ({ browser }) => ({
    name: 'eSIM Usage Guard',
    description:
      'Reads your data usage from your carrier’s own pages, keeps it in your browser, and warns before the cap runs out.',
    permissions: ['storage', 'alarms'],
    action: { default_title: 'eSIM Usage Guard' },
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'self'"
        : { extension_pages: "script-src 'self'; object-src 'self'" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'esim-usage-guard@esim-usage-guard.invalid',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
