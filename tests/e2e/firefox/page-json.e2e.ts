import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../harness';
import { apiPage, asOfToday, CMHK_API, CMHK_PAGE, fetchScript, fixture, TELCEL_API, TELCEL_PAGE, xhrScript } from '../page-json-pages';
import { carrierReadings, type StoredLine, type StoredReading, type Stores } from '../stored';
import { firefoxForFile, readStore } from './harness';

/**
 * The page's own JSON in Firefox (production build): the manifest's `world: "MAIN"` script runs
 * in the page's world there too, copies the answers the page's own fetch and XMLHttpRequest
 * receive, and the carrier's content script and the background store them. The pages render
 * nothing readable, so a stored reading can only have come from the JSON. (The forged-answer and
 * message-boundary cases are the same code as in Chromium: tests/e2e/page-json.e2e.ts and the
 * unit tests.)
 */
const MB = 1024 ** 2;
const GB = 1024 ** 3;
const JSON_TYPE = 'application/json; charset=utf-8';

interface JsonReading extends StoredReading {
  remainingBytes: number | null;
  via?: string;
}

const ff = firefoxForFile();
const stores: Stores<JsonReading> = {
  lines: () => readStore<StoredLine>(ff.ext, 'lines'),
  readings: () => readStore<JsonReading>(ff.ext, 'readings'),
};

const pageGot = (page: Page) => page.evaluate(() => (window as unknown as { pageGot: unknown[] }).pageGot);

describe('Firefox: the page’s own JSON (production build)', () => {
  it('stores Telcel’s usage answer fetched by the page, and the page gets its answer untouched', async () => {
    const answer = asOfToday(fixture('telcel-mx', '2026-12-01-frame-consumos'));
    ff.session.serve(TELCEL_PAGE, apiPage('Mi Telcel | Consumo de datos', fetchScript(TELCEL_API)));
    ff.session.serve(TELCEL_API, JSON.stringify(answer), JSON_TYPE);
    const page = await ff.session.openCarrierPage(TELCEL_PAGE);
    const readings = await carrierReadings(stores, 'telcel-mx', 2);
    expect(readings.map((r) => [r.bucket, r.usedBytes, r.totalBytes, r.remainingBytes, r.via])).toEqual([
      ['data', Math.round(1024.5 * MB), 3072 * MB, Math.round(2047.5 * MB), 'json'],
      ['bonus', 0, 500 * MB, 500 * MB, 'json'],
    ]);
    await waitFor(async () => ((await pageGot(page)).length === 1 ? true : null), 'the page’s own answer');
    expect(await pageGot(page)).toEqual([answer]);
    await page.close();
  });

  it('stores China Mobile HK’s answer read with XMLHttpRequest as JSON, every bucket of the number', async () => {
    const answer = fixture('cmhk', '2026-12-01-usage-query');
    ff.session.serve(CMHK_PAGE, apiPage('用量查詢', xhrScript(CMHK_API)));
    ff.session.serve(CMHK_API, JSON.stringify(answer), JSON_TYPE);
    const page = await ff.session.openCarrierPage(CMHK_PAGE);
    const readings = await carrierReadings(stores, 'cmhk', 3);
    expect(readings.map((r) => [r.bucket, r.usedBytes, r.totalBytes, r.unlimited])).toEqual([
      ['data', 12.5 * GB, 60 * GB, false],
      ['roaming', 1.25 * GB, 6 * GB, false],
      ['local', 30.5 * GB, null, true],
    ]);
    expect((await stores.lines()).find((l) => l.carrierId === 'cmhk')).toMatchObject({ lineDigits: '0012' });
    expect(await pageGot(page)).toEqual([answer]);
    await page.close();
  });
});
