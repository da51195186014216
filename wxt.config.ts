import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Manifest permissions are the narrowest that work: `storage` for the settings, `alarms` for the
// periodic badge re-check. Host access comes only from the carrier content-script matches (see
// lib/carriers), so the extension can touch nothing but carrier portals.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // No module-preload polyfill: it is a `fetch()` the pages never need (every browser we support
    // preloads natively) and the security checks forbid network calls in our code.
    build: { target: 'es2022', sourcemap: process.env.SOURCEMAP === '1', modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    // Name and description come from public/_locales, like every UI string.
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
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
              // data_collection_permissions exists from Firefox 140 (142 on Android); an older
              // minimum makes addons-linter warn that the key would be ignored.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
