import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type Fixture } from '../helpers/fixtures';
import { launchExtension, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';

/**
 * What a person sees is what the reader reads, in real Chromium with the production build: a page
 * whose figures sit in open shadow roots (declarative, so Chromium attaches them while parsing),
 * and pages whose figures sit in a same-origin frame loaded from the carrier host (served at its
 * real URL through routing, like the page), beside a cross-origin frame whose figure must never be
 * read. Top page and frame make one reading set: the stored rows equal the sidecar's exactly.
 */
interface StoredLine {
  id: number;
  carrierId: string;
  lineKey: string;
}
interface StoredReading {
  lineId: number;
  bucket: string;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
}

const fixture = (carrier: string, name: string) =>
  loadFixtures().find((f): f is Fixture & { expected: { result: { ok: true } } } => f.carrierId === carrier && f.name === name && f.expected.result.ok)!;

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  // A cross-origin frame (an ad, a chat widget) that shows a figure: the reader must not see it.
  await session.context.route('https://ads.example.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<p>Has usado 19 GB de 20 GB</p>' }),
  );
});
afterAll(async () => {
  await session?.close();
});

async function storedFor(carrierId: string, expected: number): Promise<StoredReading[]> {
  const found = await waitFor(async () => {
    const lines = (await readStore<StoredLine>(session.worker, 'lines')).filter((l) => l.carrierId === carrierId);
    const readings = (await readStore<StoredReading>(session.worker, 'readings')).filter((r) => lines.some((l) => l.id === r.lineId));
    return readings.length >= expected ? readings : null;
  }, `${carrierId} readings`);
  return found ?? [];
}

const figures = (r: { bucket: string; usedBytes: number | null; totalBytes: number | null; unlimited: boolean }) => [r.bucket, r.usedBytes, r.totalBytes, r.unlimited];

describe('the reader in Chromium sees through shadow roots and same-origin frames', () => {
  it.each([
    ['movistar-es', '2026-11-20-shadow-components'],
    ['cmhk', '2026-11-20-vue-shadow'],
  ])('%s/%s: figures inside nested shadow roots are stored, the hidden one is not', async (carrierId, name) => {
    const f = fixture(carrierId, name);
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

  it.each([
    ['movistar-cl', '2026-11-20-spa-frame'],
    ['telcel-mx', '2026-11-20-frame-consumos'],
  ])('%s/%s: the frame’s figures join the page’s line, the cross-origin frame is skipped', async (carrierId, name) => {
    const f = fixture(carrierId, name);
    for (const [src, html] of Object.entries(f.frames)) await serveCarrierPage(session.context, src, html);
    const top = f.html.replace('https://chat.vendor.invalid/widget', 'https://ads.example.com/widget.html');
    await serveCarrierPage(session.context, f.expected.url, top);
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
