import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type Fixture } from '../helpers/fixtures';
import { launchExtension, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';

/**
 * What the page's own style hides, the reader never reads, in real Chromium: the walk asks the
 * browser's computed style only of elements some rule could hide (lib/extract/style-hiding.ts),
 * so every way a rule reaches an element must make it a candidate. Shown figures are written
 * 1xx GB, hidden ones 9xx GB. The same page is read twice: with readable rules, and with a
 * cross-origin sheet besides, whose rules cannot be read (every text element is then asked).
 */
const RULES = `
  .card h4 { display: none }
  section + section { display: none }
  @media (min-width: 1px) { .m { display: none } }
  :root { --d: none }
  .var { display: var(--d) }
  .vh { visibility: hidden }
  .vh .back { visibility: visible }
  x-gauge::part(prev) { display: none }
`;
const BODY = `
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
const SHOWN = [101, 102, 103, 104, 105, 106, 107, 108, 109];
const figures = (text: string) => [...text.matchAll(/(\d+) GB/g)].map((m) => Number(m[1]));

let session: ExtensionSession;
let textModel: string;
beforeAll(async () => {
  session = await launchExtension();
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
  textModel = bundle.outputFiles[0]!.text;
  await session.context.route('https://cdn.example.test/site.css', (route) =>
    route.fulfill({ status: 200, contentType: 'text/css', body: '.cdn { display: none }' }),
  );
});
afterAll(async () => {
  await session?.close();
});

async function readPage(url: string, head: string): Promise<Array<{ text: string; pieces: string; visible: string }>> {
  await serveCarrierPage(session.context, url, `<!doctype html><html><head>${head}<style>${RULES}</style></head><body>${BODY}${head ? '<div class="cdn">hidden 917 GB</div>' : ''}</body></html>`);
  const page = await session.context.newPage();
  await page.goto(url);
  await page.addScriptTag({ content: textModel });
  const read = () => page.evaluate(() => (globalThis as unknown as { readText: () => { text: string; pieces: string; visible: string } }).readText());
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.a1 { display: none }');
    document.adoptedStyleSheets = [sheet];
  });
  const first = await read();
  // The page's script changes its rules: a rule added, an adopted sheet replaced by as many rules.
  await page.evaluate(() => {
    const sheet = [...document.styleSheets].find((s) => s.ownerNode?.nodeName === 'STYLE')!;
    sheet.insertRule('.late { display: none }', sheet.cssRules.length);
    document.adoptedStyleSheets[0]!.replaceSync('.a2 { display: none }');
  });
  const second = await read();
  await page.close();
  return [first, second];
}

describe('the reader in Chromium skips what the page’s style rules hide', () => {
  it.each([
    ['readable rules', 'https://rules.example.test/', ''],
    ['a cross-origin sheet besides', 'https://cross.example.test/', '<link rel="stylesheet" href="https://cdn.example.test/site.css">'],
  ])('%s: every shown figure is read, no hidden one', async (_name, url, head) => {
    const [first, second] = await readPage(url, head);
    for (const read of [first!.text, first!.pieces, first!.visible]) expect(figures(read).sort()).toEqual([...SHOWN, 111].sort());
    for (const read of [second!.text, second!.pieces, second!.visible]) expect(figures(read).sort()).toEqual([...SHOWN.filter((f) => f !== 109), 110].sort());
  });

  it('stores only the figure a person sees from a carrier page whose decoys its rules hide', async () => {
    const f = loadFixtures().find((x): x is Fixture & { expected: { result: { ok: true } } } => x.carrierId === 'movistar-es' && x.name === '2026-12-02-style-hidden' && x.expected.result.ok)!;
    const decoys = '<mm-old class="antiguo"><template shadowrootmode="open"><style>:host(.antiguo) { display: none }</style><p>Llevas 15 GB de 20 GB</p></template></mm-old><div popover>Llevas 14 GB de 20 GB</div>';
    await serveCarrierPage(session.context, f.expected.url, f.html.replace('</main>', `${decoys}</main>`));
    const page = await session.context.newPage();
    await page.goto(f.expected.url);
    const stored = async () => {
      const lines = (await readStore<{ id: number; carrierId: string }>(session.worker, 'lines')).filter((l) => l.carrierId === 'movistar-es');
      return (await readStore<{ lineId: number; usedBytes: number; totalBytes: number }>(session.worker, 'readings')).filter((r) => lines.some((l) => l.id === r.lineId));
    };
    await waitFor(stored, 'movistar-es readings');
    // Settled: nothing more arrives (a hidden figure never does).
    await page.waitForTimeout(1_500);
    const expected = f.expected.result.readings.map((r) => [r.usedBytes, r.totalBytes]);
    expect((await stored()).map((r) => [r.usedBytes, r.totalBytes])).toEqual(expected);
    await page.close();
  });
});
