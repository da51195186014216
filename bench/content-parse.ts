import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CARRIER_CATALOG } from '../lib/carriers/catalog';
import { languageDefines } from '../lib/extract/page-languages';
import { loadFixtures } from '../tests/helpers/fixtures';
import { median } from './stats';

const TARGET_ELEMENTS = 3_000;
const SHADOW_ELEMENTS = 500;
// The page's parse once the code is compiled (the watcher re-reads a page at every change of its
// figures): the first runs on a fresh page are the engine compiling the reader, reported apart.
const RUNS = 60;
const WARM_UP = 10;

const tile = (i: number) =>
  `<div class="tile_${i % 17}"><h4>Oferta ${i}</h4><ul><li><span>Tarifa</span> <b>${i % 90} €</b></li><li><a href="/o/${i}">Ver más</a></li></ul></div>`;
const elementsIn = (html: string) => (html.match(/<[a-z]/gi) ?? []).length;
// Portals style their pages: the computed-visibility check runs as it would there.
const STYLE = '<style>.tile_3{color:#333}.tab-pane{display:none}.tile_5 b{font-weight:600}</style>';

/**
 * A realistic heavy portal page: the carrier's own usage fixture plus navigation, footers and
 * offer tiles until the document holds about 3,000 elements.
 */
export function padTo3000(html: string): string {
  const tiles = Math.max(0, Math.ceil((TARGET_ELEMENTS - elementsIn(html)) / 7));
  const noise = Array.from({ length: tiles }, (_, i) => tile(i)).join('');
  return html.replace('</head>', `${STYLE}</head>`).replace('</body>', `<footer class="noise">${noise}</footer></body>`);
}

/**
 * The same page built the way component portals are: the fixture's body rendered inside an open
 * shadow root (declarative, so Chromium attaches it while parsing), nested component tiles in
 * more shadow roots, 500 elements in shadow trees in all, and light-DOM noise up to 3,000.
 */
export function shadowPage(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
  const inBody = elementsIn(body);
  const shadowTiles = Math.max(0, Math.ceil((SHADOW_ELEMENTS - inBody) / 9));
  const components = Array.from({ length: shadowTiles }, (_, i) =>
    `<x-offer><template shadowrootmode="open"><style>:host{display:block}</style><x-price><template shadowrootmode="open">${tile(i)}</template></x-price></template></x-offer>`,
  ).join('');
  const app = `<x-app><template shadowrootmode="open">${STYLE}<div class="app">${body}</div><slot></slot>${components}</template></x-app>`;
  const lightTiles = Math.max(0, Math.ceil((TARGET_ELEMENTS - SHADOW_ELEMENTS - 2) / 7));
  const noise = Array.from({ length: lightTiles }, (_, i) => tile(i)).join('');
  return html.replace(/<body([^>]*)>[\s\S]*<\/body>/i, `<body$1>${app}<footer class="noise">${noise}</footer></body>`).replace('</head>', `${STYLE}</head>`);
}

export async function measure(): Promise<Record<string, number>> {
  // Each carrier's parse with the language flags its shipped script is built with (wxt.config.ts).
  const scriptFor = async (carrierId: string) => {
    const languages = CARRIER_CATALOG.find((c) => c.id === carrierId)?.languages;
    const define = languages ? languageDefines(languages) : {};
    const bundle = await build({ entryPoints: ['bench/parse-entry.ts'], bundle: true, write: false, format: 'iife', minify: true, target: 'es2022', define });
    return bundle.outputFiles[0]!.text;
  };
  // Pages whose figures come from a frame need that frame served too: the plain pages suffice here.
  const fixtures = loadFixtures().filter((f) => f.expected.result.ok && Object.keys(f.frames).length === 0);
  // For looking into one carrier: BENCH_CARRIER=<id> measures only it; BENCH_JS_FLAGS passes V8
  // flags (`--max-opt=2`: no optimising compiler), BENCH_NO_SANDBOX=1 lets V8 write its log
  // (`--log-deopt --logfile=…`); BENCH_TIMES=1 prints every parse.
  const carriers = [...new Set(fixtures.map((f) => f.carrierId))].filter((c) => !process.env.BENCH_CARRIER || c === process.env.BENCH_CARRIER);
  const profile = mkdtempSync(join(tmpdir(), 'esim-guard-parse-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', ...(process.env.BENCH_NO_SANDBOX ? ['--no-sandbox'] : []), ...(process.env.BENCH_JS_FLAGS ? [`--js-flags=${process.env.BENCH_JS_FLAGS}`] : [])],
  });
  const perCarrier: Record<string, number> = {};
  const perCarrierShadow: Record<string, number> = {};
  const firstParse: number[] = [];
  try {
    for (const carrierId of carriers) {
      const script = await scriptFor(carrierId);
      const fixture = fixtures.find((f) => f.carrierId === carrierId)!;
      for (const [results, html] of [[perCarrier, padTo3000(fixture.html)], [perCarrierShadow, shadowPage(fixture.html)]] as const) {
        // Requests never carry the #fragment (Movistar Chile routes by hash): route the URL without it.
        const routed = fixture.expected.url.replace(/#.*$/, '');
        await context.unrouteAll();
        await context.route(routed, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
        const page = await context.newPage();
        await page.goto(fixture.expected.url);
        await page.addScriptTag({ content: script });
        const times = await page.evaluate(
          ({ id, runs, now }) => (globalThis as unknown as { benchParse: (id: string, runs: number, now: number) => number[] }).benchParse(id, runs, now),
          { id: carrierId, runs: RUNS, now: Date.parse(fixture.expected.now) },
        );
        if (process.env.BENCH_TIMES) console.log(carrierId, times.map((t) => t.toFixed(1)).join(" "));
        results[carrierId] = median(times.slice(WARM_UP));
        firstParse.push(times[0]!);
        await page.close();
      }
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  console.log('content_parse_ms per carrier (plain):', Object.fromEntries(Object.entries(perCarrier).map(([k, v]) => [k, round(v)])));
  console.log('content_parse_ms per carrier (shadow):', Object.fromEntries(Object.entries(perCarrierShadow).map(([k, v]) => [k, round(v)])));
  // The budget applies to every carrier and both pages: report the slowest one's median.
  const plain = round(Math.max(...Object.values(perCarrier)));
  const shadow = round(Math.max(...Object.values(perCarrierShadow)));
  return {
    content_parse_ms: Math.max(plain, shadow),
    content_parse_plain_ms: plain,
    content_parse_shadow_ms: shadow,
    // The first parse on a fresh page, code not yet compiled: the slowest page's (no budget).
    content_parse_first_ms: round(Math.max(...firstParse)),
  };
}
