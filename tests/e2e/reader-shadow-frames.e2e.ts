import { afterAll, beforeAll, describe, it } from 'vitest';
import { readableFixture } from './carrier-pages';
import { launchExtension, readStore, serveCarrierPage, type ExtensionSession } from './harness';
import {
  expectStoredAsShown, FOREIGN_FIGURE, FOREIGN_ORIGIN, FRAME_PAGES, SHADOW_PAGES, withForeignFrame,
} from './reader-pages';
import type { StoredLine, StoredReading, Stores } from './stored';

/**
 * What a person sees is what the reader reads, in real Chromium with the production build: a page
 * whose figures sit in open shadow roots (declarative, so Chromium attaches them while parsing),
 * and pages whose figures sit in a same-origin frame loaded from the carrier host (served at its
 * real URL through routing, like the page), beside a cross-origin frame whose figure must never be
 * read. Top page and frame make one reading set: the stored rows equal the sidecar's exactly.
 * The four pages are of four carriers, so they are opened side by side and read at once.
 */
let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  // A cross-origin frame (an ad, a chat widget) that shows a figure: the reader must not see it.
  await session.context.route(`${FOREIGN_ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: FOREIGN_FIGURE }));
  for (const [carrierId, name] of SHADOW_PAGES) {
    const f = readableFixture(carrierId, name);
    await serveCarrierPage(session.context, f.expected.url, f.html);
  }
  for (const [carrierId, name] of FRAME_PAGES) {
    const f = readableFixture(carrierId, name);
    for (const [src, html] of Object.entries(f.frames)) await serveCarrierPage(session.context, src, html);
    await serveCarrierPage(session.context, f.expected.url, withForeignFrame(f.html));
  }
  await Promise.all([...SHADOW_PAGES, ...FRAME_PAGES].map(async ([carrierId, name]) => {
    const page = await session.context.newPage();
    await page.goto(readableFixture(carrierId, name).expected.url);
  }));
});
afterAll(async () => {
  await session?.close();
});

const stores: Stores = {
  lines: () => readStore<StoredLine>(session.worker, 'lines'),
  readings: () => readStore<StoredReading>(session.worker, 'readings'),
};

describe('the reader in Chromium sees through shadow roots and same-origin frames', () => {
  it.each(SHADOW_PAGES)('%s/%s: figures inside nested shadow roots are stored, the hidden one is not', async (carrierId, name) => {
    await expectStoredAsShown(stores, carrierId, name);
  });

  it.each(FRAME_PAGES)('%s/%s: the frame’s figures join the page’s line, the cross-origin frame is skipped', async (carrierId, name) => {
    await expectStoredAsShown(stores, carrierId, name, { oneLine: true });
  });
});
