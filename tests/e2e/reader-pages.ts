import { expect } from 'vitest';
import { readableFixture } from './carrier-pages';
import { carrierReadings, type StoredReading, type Stores } from './stored';

/**
 * The carrier pages that prove the reader sees what a person sees, shared by the Chromium
 * (tests/e2e/reader-shadow-frames.e2e.ts) and Firefox (tests/e2e/firefox/reader-shadow-frames.e2e.ts)
 * tests: pages whose figures sit in nested shadow roots, and pages whose figures sit in a
 * same-origin frame beside a cross-origin one.
 */
export const SHADOW_PAGES: Array<[carrierId: string, fixture: string]> = [
  ['movistar-es', '2026-11-20-shadow-components'],
  ['cmhk', '2026-11-20-vue-shadow'],
];
export const FRAME_PAGES: Array<[carrierId: string, fixture: string]> = [
  ['movistar-cl', '2026-11-20-spa-frame'],
  ['telcel-mx', '2026-11-20-frame-consumos'],
];

/** Where the tests serve a cross-origin frame (an ad, a chat widget), and the figure it shows. */
export const FOREIGN_ORIGIN = 'https://ads.example.com';
export const FOREIGN_FIGURE = '<p>Has usado 19 GB de 20 GB</p>';

/** The page with its chat widget's frame moved to the foreign origin the tests serve. */
export const withForeignFrame = (html: string) => html.replace('https://chat.vendor.invalid/widget', `${FOREIGN_ORIGIN}/widget.html`);

export const figures = (r: Pick<StoredReading, 'bucket' | 'usedBytes' | 'totalBytes' | 'unlimited'>) => [r.bucket, r.usedBytes, r.totalBytes, r.unlimited];

/**
 * Asserts that the fixture page `name` of `carrierId`, open in the browser behind `read`, was
 * stored exactly as its sidecar says, and that nothing more arrived for a while after (the hidden
 * bucket or copy never does). With `oneLine`, top page and frame were read as one line, keyed by
 * the number the top page shows.
 */
export async function expectStoredAsShown(read: Stores, carrierId: string, name: string, { oneLine = false } = {}): Promise<void> {
  const expected = readableFixture(carrierId, name).expected.result.readings;
  const stored = await carrierReadings(read, carrierId, expected.length);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const again = await carrierReadings(read, carrierId, expected.length);
  expect(again.length).toBe(stored.length);
  expect(again.map(figures).sort()).toEqual(expected.map(figures).sort());
  if (!oneLine) return;
  const lines = (await read.lines()).filter((l) => l.carrierId === carrierId);
  expect(lines.map((l) => l.lineKey)).toEqual([`${carrierId}:${expected[0]!.lineDigits}`]);
}
