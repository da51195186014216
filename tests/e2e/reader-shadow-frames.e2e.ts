import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';
import {
  figures, FOREIGN_FIGURE, FOREIGN_ORIGIN, FRAME_PAGES, readableFixture, readingsOfCarrier, SHADOW_PAGES, withForeignFrame, type StoredLine, type StoredReading,
} from './reader-pages';

/**
 * What a person sees is what the reader reads, in real Chromium with the production build: a page
 * whose figures sit in open shadow roots (declarative, so Chromium attaches them while parsing),
 * and pages whose figures sit in a same-origin frame loaded from the carrier host (served at its
 * real URL through routing, like the page), beside a cross-origin frame whose figure must never be
 * read. Top page and frame make one reading set: the stored rows equal the sidecar's exactly.
 */
let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  // A cross-origin frame (an ad, a chat widget) that shows a figure: the reader must not see it.
  await session.context.route(`${FOREIGN_ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: FOREIGN_FIGURE }));
});
afterAll(async () => {
  await session?.close();
});

async function storedFor(carrierId: string, expected: number): Promise<StoredReading[]> {
  const found = await waitFor(async () => {
    const readings = readingsOfCarrier(carrierId, await readStore<StoredLine>(session.worker, 'lines'), await readStore<StoredReading>(session.worker, 'readings'));
    return readings.length >= expected ? readings : null;
  }, `${carrierId} readings`);
  return found ?? [];
}

describe('the reader in Chromium sees through shadow roots and same-origin frames', () => {
  it.each(SHADOW_PAGES)('%s/%s: figures inside nested shadow roots are stored, the hidden one is not', async (carrierId, name) => {
    const f = readableFixture(carrierId, name);
    await serveCarrierPage(session.context, f.expected.url, f.html);
    const page = await session.context.newPage();
    await page.goto(f.expected.url);
    const stored = await storedFor(carrierId, f.expected.result.readings.length);
    // Settled: nothing more arrives (the hidden bucket or copy never does).
    await page.waitForTimeout(1_500);
    const again = await storedFor(carrierId, f.expected.result.readings.length);
    expect(again.map(figures).sort()).toEqual(f.expected.result.readings.map(figures).sort());
    expect(stored.length).toBe(again.length);
    await page.close();
  });

  it.each(FRAME_PAGES)('%s/%s: the frame’s figures join the page’s line, the cross-origin frame is skipped', async (carrierId, name) => {
    const f = readableFixture(carrierId, name);
    for (const [src, html] of Object.entries(f.frames)) await serveCarrierPage(session.context, src, html);
    await serveCarrierPage(session.context, f.expected.url, withForeignFrame(f.html));
    const page = await session.context.newPage();
    await page.goto(f.expected.url);
    const stored = await storedFor(carrierId, f.expected.result.readings.length);
    await page.waitForTimeout(1_500);
    const again = await storedFor(carrierId, f.expected.result.readings.length);
    expect(again.map(figures).sort()).toEqual(f.expected.result.readings.map(figures).sort());
    expect(stored.length).toBe(again.length);
    // One line, keyed by the number the top page shows: frame and page read as one.
    const lines = (await readStore<StoredLine>(session.worker, 'lines')).filter((l) => l.carrierId === carrierId);
    expect(lines.map((l) => l.lineKey)).toEqual([`${carrierId}:${f.expected.result.readings[0]!.lineDigits}`]);
    await page.close();
  });
});
