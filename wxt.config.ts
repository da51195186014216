import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { CARRIER_CATALOG } from './lib/carriers/catalog';
import { languageDefines } from './lib/extract/page-languages';
import type { AliasOptions, Plugin } from 'vite';

/**
 * Content scripts run on every carrier page, so their size is budgeted (content_js_gzip_kb ≤ 20).
 * They use only runtime.sendMessage and onMessage with sendResponse, which the browsers' own
 * `browser`/`chrome` objects already do with promises: they get WXT's plain `browser` instead of
 * the webextension-polyfill (about 3 KB gzip) that every extension page keeps.
 */
function withoutPolyfill(alias: AliasOptions | undefined): AliasOptions {
  const plain = [
    { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
    // WXT's content-script context listens for an event the page can forge: ours cannot be stopped by the page.
    { find: /^wxt\/utils\/content-script-context$/, replacement: fileURLToPath(new URL('./lib/content/context.ts', import.meta.url)) },
  ];
  if (!alias) return plain;
  return [...plain, ...(Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement })))];
}

/**
 * A second minifier pass over the budgeted carrier scripts: terser, run on Vite's minified output,
 * packs each 0.2-0.3 KB gzip smaller (repeated compress passes fold the language flags' dead
 * branches and shorten joins), which Vite's own minifier does not. Extension pages and the
 * MAIN-world script keep the default alone: no budget that tight there.
 */
function packTighter(): Plugin {
  return {
    name: 'esim-guard:pack-content-scripts',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || process.env.SOURCEMAP === '1') continue;
        const packed = await minify(chunk.code, { ecma: 2020, compress: { passes: 3 }, mangle: true, format: { comments: false } });
        if (packed.code) chunk.code = packed.code;
      }
    },
  };
}

// Manifest permissions are the narrowest that work: `storage` for the settings, `alarms` for the
// periodic badge re-check, `notifications` for the usage warnings. Host access comes only from
// the carrier content-script matches (see lib/carriers), so the extension can touch nothing but
// carrier portals.
const EXTENSION_PAGES_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      config.resolve = { ...config.resolve, alias: withoutPolyfill(config.resolve?.alias) };
      // A carrier's script carries only its portal's languages (lib/extract/page-languages.ts).
      const carrier = entrypoints.length === 1 ? CARRIER_CATALOG.find((c) => c.id === entrypoints[0]!.name) : undefined;
      if (!carrier) return;
      if (carrier.languages) config.define = { ...config.define, ...languageDefines(carrier.languages) };
      config.plugins = [...(config.plugins ?? []), packTighter()];
    },
  },
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
    permissions: ['storage', 'alarms', 'notifications'],
    action: { default_title: 'eSIM Usage Guard' },
    // Our pages load nothing but the extension's own files: not a script, not an image, not a style
    // from anywhere else, whatever a stored value says (uPlot draws on canvas; data: images only).
    content_security_policy:
      browser === 'firefox' ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
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
