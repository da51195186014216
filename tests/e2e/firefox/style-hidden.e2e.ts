import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type Fixture } from '../../helpers/fixtures';
import { waitFor } from '../harness';
import { ADOPT_SHEET, CDN_CSS, CDN_CSS_URL, CDN_LINK, CHANGE_RULES, figures, READ_TEXT, SHOWN_AFTER, SHOWN_FIRST, styleHiddenPage, textModelScript, type TextRead } from '../style-hidden-page';
import { launchFirefox, readStore, type FirefoxSession } from './harness';

/**
 * The same page as tests/e2e/style-hidden.e2e.ts, in Firefox ESR: the text model skips every
 * figure the page's own rules hide (Gecko's computed style, `::part`, `:host`, `::slotted`, closed
 * details, a cross-origin sheet it cannot read), and the production build stores only the figure
 * a person sees from a carrier page whose decoys its rules hide.
 */
let session: FirefoxSession;
let ext: Page;
let textModel: string;
beforeAll(async () => {
  session = await launchFirefox();
  textModel = await textModelScript();
  session.serve(CDN_CSS_URL, CDN_CSS, 'text/css');
  ext = await session.openExtensionPage('popup.html');
});
afterAll(async () => {
  await session?.close();
});

describe('Firefox: the reader skips what the page’s style rules hide', () => {
  it.each([
    ['readable rules', 'https://rules.example.test/', ''],
    ['a cross-origin sheet besides', 'https://cross.example.test/', CDN_LINK],
  ])('%s: every shown figure is read, no hidden one', async (_name, url, head) => {
    session.serve(url, styleHiddenPage(head));
    const page = await session.openCarrierPage(url);
    await page.addScriptTag({ content: textModel });
    await page.evaluate(ADOPT_SHEET);
    const first = (await page.evaluate(READ_TEXT)) as TextRead;
    await page.evaluate(CHANGE_RULES);
    const second = (await page.evaluate(READ_TEXT)) as TextRead;
    await page.close();
    for (const read of [first.text, first.pieces, first.visible]) expect(figures(read).sort()).toEqual(SHOWN_FIRST);
    for (const read of [second.text, second.pieces, second.visible]) expect(figures(read).sort()).toEqual(SHOWN_AFTER);
  });

  it('stores only the figure a person sees from a carrier page whose decoys its rules hide', async () => {
    const f = loadFixtures().find((x): x is Fixture & { expected: { result: { ok: true } } } => x.carrierId === 'movistar-es' && x.name === '2026-12-02-style-hidden' && x.expected.result.ok)!;
    session.serve(f.expected.url, f.html);
    const page = await session.openCarrierPage(f.expected.url);
    await waitFor(() => readStore(ext, 'readings'), 'the reading');
    // Settled: nothing more arrives (a hidden figure never does).
    await new Promise((r) => setTimeout(r, 1_500));
    const stored = await readStore<{ usedBytes: number; totalBytes: number }>(ext, 'readings');
    expect(stored.map((r) => [r.usedBytes, r.totalBytes])).toEqual(f.expected.result.readings.map((r) => [r.usedBytes, r.totalBytes]));
    await page.close();
  });
});
