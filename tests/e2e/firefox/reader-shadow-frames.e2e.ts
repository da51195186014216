import { describe, expect, it } from 'vitest';
import { readableFixture } from '../carrier-pages';
import {
  expectStoredAsShown, FOREIGN_FIGURE, FRAME_PAGES, SHADOW_PAGES, withForeignFrame,
} from '../reader-pages';
import type { StoredLine, StoredReading, Stores } from '../stored';
import { firefoxForFile, readStore } from './harness';

/**
 * What a person sees is what the reader reads, in Firefox with the production build (the pages
 * tests/e2e/reader-shadow-frames.e2e.ts serves Chromium): figures inside declarative shadow roots,
 * and figures inside a same-origin frame from the carrier host beside a cross-origin frame whose
 * figure must never be read. Firefox's content scripts see page nodes through X-ray wrappers, so
 * this proves shadow roots and frame documents are reached there too. The four pages are of four
 * carriers, so they are opened side by side and read at once.
 */
const ff = firefoxForFile(async ({ session }) => {
  for (const [carrierId, name] of SHADOW_PAGES) {
    const f = readableFixture(carrierId, name);
    session.serve(f.expected.url, f.html);
  }
  for (const [carrierId, name] of FRAME_PAGES) {
    const f = readableFixture(carrierId, name);
    for (const [src, html] of Object.entries(f.frames)) session.serve(src, html);
    const top = withForeignFrame(f.html);
    // Every cross-origin frame on the page shows a figure the reader must not see.
    const foreign = [...top.matchAll(/src="(https:\/\/ads\.example\.com\/[^"]+)"/g)].map((m) => m[1]!);
    expect(foreign.length).toBeGreaterThan(0);
    for (const src of foreign) session.serve(src, FOREIGN_FIGURE);
    session.serve(f.expected.url, top);
  }
  // One after another: Firefox opens tabs one at a time.
  for (const [carrierId, name] of [...SHADOW_PAGES, ...FRAME_PAGES]) await session.openCarrierPage(readableFixture(carrierId, name).expected.url);
});

const stores: Stores = {
  lines: () => readStore<StoredLine>(ff.ext, 'lines'),
  readings: () => readStore<StoredReading>(ff.ext, 'readings'),
};

describe('Firefox: the reader sees through shadow roots and same-origin frames (production build)', () => {
  it.each(SHADOW_PAGES)('%s/%s: figures inside nested shadow roots are stored, the hidden one is not', async (carrierId, name) => {
    await expectStoredAsShown(stores, carrierId, name);
  });

  it.each(FRAME_PAGES)('%s/%s: the frame’s figures join the page’s line, the cross-origin frame is skipped', async (carrierId, name) => {
    await expectStoredAsShown(stores, carrierId, name, { oneLine: true });
  });
});
