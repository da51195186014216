import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';
import { CDN_CSS, CDN_CSS_URL, CDN_LINK, expectShownOnly, readTwice, styleHiddenFixture, styleHiddenPage, textModelScript, type TextRead } from './style-hidden-page';

/**
 * What the page's own style hides, the reader never reads, in real Chromium: the text model on
 * a page that hides figures in every way a rule can (tests/e2e/style-hidden-page.ts), with
 * readable rules and with a cross-origin sheet besides; and the production build storing only
 * the figure a person sees from a carrier page whose decoys its rules hide.
 */
let session: ExtensionSession;
let textModel: string;
beforeAll(async () => {
  session = await launchExtension();
  textModel = await textModelScript();
  await session.context.route(CDN_CSS_URL, (route) => route.fulfill({ status: 200, contentType: 'text/css', body: CDN_CSS }));
});
afterAll(async () => {
  await session?.close();
});

async function readPage(url: string, head: string): Promise<[TextRead, TextRead]> {
  await serveCarrierPage(session.context, url, styleHiddenPage(head));
  const page = await session.context.newPage();
  await page.goto(url);
  return readTwice(page, textModel);
}

describe('the reader in Chromium skips what the page’s style rules hide', () => {
  it.each([
    ['readable rules', 'https://rules.example.test/', ''],
    ['a cross-origin sheet besides', 'https://cross.example.test/', CDN_LINK],
  ])('%s: every shown figure is read, no hidden one', async (_name, url, head) => {
    expectShownOnly(await readPage(url, head));
  });

  it('stores only the figure a person sees from a carrier page whose decoys its rules hide', async () => {
    const f = styleHiddenFixture();
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
