import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../harness';
import {
  figures, FOREIGN_FIGURE, FRAME_PAGES, readableFixture, readingsOfCarrier, SHADOW_PAGES, withForeignFrame, type StoredLine, type StoredReading,
} from '../reader-pages';
import { launchFirefox, readStore, type FirefoxSession } from './harness';

/**
 * What a person sees is what the reader reads, in Firefox with the production build (the pages
 * tests/e2e/reader-shadow-frames.e2e.ts serves Chromium): figures inside declarative shadow roots,
 * and figures inside a same-origin frame from the carrier host beside a cross-origin frame whose
 * figure must never be read. Firefox's content scripts see page nodes through X-ray wrappers, so
 * this proves shadow roots and frame documents are reached there too.
 */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let session: FirefoxSession;
let ext: Page;
beforeAll(async () => {
  session = await launchFirefox();
  ext = await session.openExtensionPage('popup.html');
});
afterAll(async () => {
  await session?.close();
});

async function storedFor(carrierId: string, expected: number): Promise<StoredReading[]> {
  const found = await waitFor(async () => {
    const readings = readingsOfCarrier(carrierId, await readStore<StoredLine>(ext, 'lines'), await readStore<StoredReading>(ext, 'readings'));
    return readings.length >= expected ? readings : null;
  }, `${carrierId} readings`);
  return found ?? [];
}

describe('Firefox: the reader sees through shadow roots and same-origin frames (production build)', () => {
  it.each(SHADOW_PAGES)('%s/%s: figures inside nested shadow roots are stored, the hidden one is not', async (carrierId, name) => {
    const f = readableFixture(carrierId, name);
    session.serve(f.expected.url, f.html);
    const page = await session.openCarrierPage(f.expected.url);
    const stored = await storedFor(carrierId, f.expected.result.readings.length);
    // Settled: nothing more arrives (the hidden bucket or copy never does).
    await pause(1_500);
    const again = await storedFor(carrierId, f.expected.result.readings.length);
    expect(again.map(figures).sort()).toEqual(f.expected.result.readings.map(figures).sort());
    expect(stored.length).toBe(again.length);
    await page.close();
  });

  it.each(FRAME_PAGES)('%s/%s: the frame’s figures join the page’s line, the cross-origin frame is skipped', async (carrierId, name) => {
    const f = readableFixture(carrierId, name);
    for (const [src, html] of Object.entries(f.frames)) session.serve(src, html);
    const top = withForeignFrame(f.html);
    // Every cross-origin frame on the page shows a figure the reader must not see.
    const foreign = [...top.matchAll(/src="(https:\/\/ads\.example\.com\/[^"]+)"/g)].map((m) => m[1]!);
    expect(foreign.length).toBeGreaterThan(0);
    for (const src of foreign) session.serve(src, FOREIGN_FIGURE);
    session.serve(f.expected.url, top);
    const page = await session.openCarrierPage(f.expected.url);
    const stored = await storedFor(carrierId, f.expected.result.readings.length);
    await pause(1_500);
    const again = await storedFor(carrierId, f.expected.result.readings.length);
    expect(again.map(figures).sort()).toEqual(f.expected.result.readings.map(figures).sort());
    expect(stored.length).toBe(again.length);
    // One line, keyed by the number the top page shows: frame and page read as one.
    const lines = (await readStore<StoredLine>(ext, 'lines')).filter((l) => l.carrierId === carrierId);
    expect(lines.map((l) => l.lineKey)).toEqual([`${carrierId}:${f.expected.result.readings[0]!.lineDigits}`]);
    await page.close();
  });
});
