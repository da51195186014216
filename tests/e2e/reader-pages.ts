import { loadFixtures, type Fixture } from '../helpers/fixtures';

/**
 * The carrier pages that prove the reader sees what a person sees, shared by the Chromium
 * (tests/e2e/reader-shadow-frames.e2e.ts) and Firefox (tests/e2e/firefox/reader-shadow-frames.e2e.ts)
 * tests: pages whose figures sit in nested shadow roots, and pages whose figures sit in a
 * same-origin frame beside a cross-origin one.
 */
export interface StoredLine {
  id: number;
  carrierId: string;
  lineKey: string;
}
export interface StoredReading {
  lineId: number;
  bucket: string;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
}

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

export const readableFixture = (carrier: string, name: string) =>
  loadFixtures().find((f): f is Fixture & { expected: { result: { ok: true } } } => f.carrierId === carrier && f.name === name && f.expected.result.ok)!;

/** The page with its chat widget's frame moved to the foreign origin the tests serve. */
export const withForeignFrame = (html: string) => html.replace('https://chat.vendor.invalid/widget', `${FOREIGN_ORIGIN}/widget.html`);

export const figures = (r: Pick<StoredReading, 'bucket' | 'usedBytes' | 'totalBytes' | 'unlimited'>) => [r.bucket, r.usedBytes, r.totalBytes, r.unlimited];

/** The stored readings of `carrierId`'s lines, from the lines and readings stores. */
export function readingsOfCarrier(carrierId: string, lines: StoredLine[], readings: StoredReading[]): StoredReading[] {
  const ids = new Set(lines.filter((l) => l.carrierId === carrierId).map((l) => l.id));
  return readings.filter((r) => ids.has(r.lineId));
}
