import { build } from 'esbuild';
import { expect } from 'vitest';
import { loadFixtures, type Fixture } from '../helpers/fixtures';

/**
 * A page whose figures the page's own style rules hide in every way a rule can reach an element
 * (tests/e2e/style-hidden.e2e.ts in Chromium, tests/e2e/firefox/style-hidden.e2e.ts in Firefox):
 * shown figures are written 1xx GB, hidden ones 9xx GB. The walk asks the browser's computed style
 * only of elements some rule could hide (lib/extract/style-hiding.ts), so each way must make the
 * element a candidate. Read twice: as loaded, and after the page's script changed its rules.
 */
export const RULES = `
  .card h4 { display: none }
  section + section { display: none }
  @media (min-width: 1px) { .m { display: none } }
  :root { --d: none }
  .var { display: var(--d) }
  .vh { visibility: hidden }
  .vh .back { visibility: visible }
  x-gauge::part(prev) { display: none }
`;
export const BODY = `
  <div class="card"><p>shown 101 GB</p><h4>hidden 901 GB</h4></div>
  <section><p>shown 102 GB</p></section><section><p>hidden 902 GB</p></section>
  <div class="m">hidden 903 GB</div>
  <div class="var">hidden 904 GB</div>
  <div class="vh">hidden 905 GB <span class="back">shown 103 GB</span></div>
  <details><summary>shown 104 GB</summary><p>hidden 906 GB</p></details>
  <dialog><p>hidden 907 GB</p></dialog>
  <div popover>hidden 908 GB</div>
  <svg width="200" height="40"><text x="0" y="10">shown 105 GB</text><text x="0" y="30" display="none">hidden 909 GB</text></svg>
  <x-gauge><template shadowrootmode="open"><style>.old { display: none } b + b { display: none }</style><p>shown 106 GB</p><p class="old">hidden 910 GB</p><p><b>shown 107 GB</b><b>hidden 911 GB</b></p><p part="prev">hidden 912 GB</p></template></x-gauge>
  <x-closed class="closed"><template shadowrootmode="open"><style>:host(.closed) { display: none }</style><p>hidden 913 GB</p></template></x-closed>
  <x-slots><template shadowrootmode="open"><style>::slotted(.prev) { display: none }</style><slot></slot></template><p>shown 108 GB</p><p class="prev">hidden 914 GB</p></x-slots>
  <div class="late">shown 109 GB</div>
  <div class="a1">shown 110 GB</div><div class="a2">shown 111 GB</div>
`;
export const SHOWN = [101, 102, 103, 104, 105, 106, 107, 108, 109];
export const figures = (text: string) => [...text.matchAll(/(\d+) GB/g)].map((m) => Number(m[1]));


/** What the page shows first, and after its rules changed (109 hidden, 110 shown, 111 hidden). */
export const SHOWN_FIRST = [...SHOWN, 111].sort();
export const SHOWN_AFTER = [...SHOWN.filter((f) => f !== 109), 110].sort();

/** A sheet from another origin, whose rules a page cannot read: every text element is then asked. */
export const CDN_CSS_URL = 'https://cdn.example.test/site.css';
export const CDN_CSS = '.cdn { display: none }';
export const CDN_LINK = `<link rel="stylesheet" href="${CDN_CSS_URL}">`;

export function styleHiddenPage(head: string): string {
  return `<!doctype html><html><head>${head}<style>${RULES}</style></head><body>${BODY}${head ? '<div class="cdn">hidden 917 GB</div>' : ''}</body></html>`;
}

export interface TextRead {
  text: string;
  pieces: string;
  visible: string;
}

/** The text model (lib/extract/text.ts) as one script for a page: it defines `readText()`. */
export async function textModelScript(): Promise<string> {
  const bundle = await build({
    stdin: {
      contents: "import { pageText, visibleText } from './lib/extract/text'; globalThis.readText = () => ({ text: pageText(document).text, pieces: pageText(document).pieces.map((p) => p.value).join(' '), visible: visibleText(document) });",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    define: { __READS_ZH__: 'true', __READS_FR__: 'true', __READS_CA__: 'true' },
  });
  return bundle.outputFiles[0]!.text;
}

// Expressions for the page (any driver's `evaluate`): adopt a sheet, read, change the rules.
const ADOPT_SHEET = "(() => { const sheet = new CSSStyleSheet(); sheet.replaceSync('.a1 { display: none }'); document.adoptedStyleSheets = [sheet]; return true; })()";
const READ_TEXT = 'globalThis.readText()';
// A rule added to the page's sheet, and the adopted sheet replaced by as many other rules.
const CHANGE_RULES =
  "(() => { const sheet = [...document.styleSheets].find((s) => s.ownerNode && s.ownerNode.nodeName === 'STYLE'); sheet.insertRule('.late { display: none }', sheet.cssRules.length); document.adoptedStyleSheets[0].replaceSync('.a2 { display: none }'); return true; })()";

/** What both drivers' pages offer (Playwright's and puppeteer's). */
interface ScriptPage {
  addScriptTag(options: { content: string }): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Reads a loaded page twice (as loaded, after its rules changed) and closes it. */
export async function readTwice(page: ScriptPage, textModel: string): Promise<[TextRead, TextRead]> {
  await page.addScriptTag({ content: textModel });
  await page.evaluate(ADOPT_SHEET);
  const first = (await page.evaluate(READ_TEXT)) as TextRead;
  await page.evaluate(CHANGE_RULES);
  const second = (await page.evaluate(READ_TEXT)) as TextRead;
  await page.close();
  return [first, second];
}

/** Every shown figure and no hidden one, in the page text, its pieces and visibleText, both times. */
export function expectShownOnly([first, second]: [TextRead, TextRead]): void {
  for (const read of [first.text, first.pieces, first.visible]) expect(figures(read).sort()).toEqual(SHOWN_FIRST);
  for (const read of [second.text, second.pieces, second.visible]) expect(figures(read).sort()).toEqual(SHOWN_AFTER);
}

/** The carrier page whose decoys its rules hide: what the production builds must store. */
export function styleHiddenFixture(): Fixture & { expected: { result: { ok: true } } } {
  return loadFixtures().find((x): x is Fixture & { expected: { result: { ok: true } } } => x.carrierId === 'movistar-es' && x.name === '2026-12-02-style-hidden' && x.expected.result.ok)!;
}
