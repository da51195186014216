import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../harness';
import { CDN_CSS, CDN_CSS_URL, CDN_LINK, expectShownOnly, readTwice, styleHiddenFixture, styleHiddenPage, textModelScript } from '../style-hidden-page';
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
    expectShownOnly(await readTwice(await session.openCarrierPage(url), textModel));
  });

  it('stores only the figure a person sees from a carrier page whose decoys its rules hide', async () => {
    const f = styleHiddenFixture();
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
