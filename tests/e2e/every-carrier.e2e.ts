import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARRIERS } from '@/lib/carriers';
import { firstReadable } from './carrier-pages';
import { launchExtension, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';

interface StoredLine {
  id: number;
  carrierId: string;
}
interface StoredReading {
  lineId: number;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
  generic: boolean;
}

// For each carrier, its first fixture that holds figures: served at its real URL, it must be stored.
let session: ExtensionSession;
// The pages are of a carrier each: all open side by side, so their steadiness waits overlap.
beforeAll(async () => {
  session = await launchExtension();
  for (const fixture of firstReadable) await serveCarrierPage(session.context, fixture.expected.url, fixture.html);
  await Promise.all(firstReadable.map(async (fixture) => (await session.context.newPage()).goto(fixture.expected.url)));
});
afterAll(async () => {
  await session?.close();
});

describe('every carrier’s page is read in Chromium through its own content script', () => {
  it('has a readable fixture for every carrier', () => {
    expect(firstReadable.map((f) => f.carrierId)).toEqual(CARRIERS.map((c) => c.id));
  });

  it.each(firstReadable.map((f) => [`${f.carrierId}/${f.name}`, f] as const))('%s is stored', async (_name, fixture) => {
    const expected = fixture.expected.result.readings;
    const mine = async () => {
      const lines = (await readStore<StoredLine>(session.worker, 'lines')).filter((l) => l.carrierId === fixture.carrierId);
      const readings = await readStore<StoredReading>(session.worker, 'readings');
      const stored = readings.filter((r) => lines.some((l) => l.id === r.lineId));
      return stored.length >= expected.length ? stored : null;
    };
    const stored = await waitFor(mine, `${fixture.carrierId} readings`);
    expect(stored!.map((r) => [r.usedBytes, r.totalBytes, r.unlimited, r.generic]).sort()).toEqual(
      expected.map((r) => [r.usedBytes, r.totalBytes, r.unlimited, false]).sort(),
    );
  });
});
