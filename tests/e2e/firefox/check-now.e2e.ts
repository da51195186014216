import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../harness';
import { launchFirefox, openPopup, readStore, textOf, type FirefoxSession } from './harness';

/**
 * "Check now" in Firefox (MV2). The round reloads the carrier tab the user has open on the line's
 * page (the path of opening an inactive tab is driven in Chromium: tests/e2e/check-now.e2e.ts,
 * because a tab the add-on opens itself is not reached by puppeteer's request interception here).
 */
const HOME = 'https://appweb.movistar.es/home';
const movistar = (name: string) => readFileSync(join('tests/fixtures/movistar-es', name), 'utf8');
const capped = movistar('2026-11-20-capped.html');
const GB = 1024 ** 3;

let session: FirefoxSession;
let ext: Page;
let html = capped;

interface Round {
  id: string;
  finishedAt: number | null;
  results: Record<string, { outcome: string }>;
}
const round = () =>
  ext.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const { browser } = globalThis as any;
    return ((await browser.storage.session.get('check-round'))['check-round'] ?? null) as Round | null;
  });
const finished = (after: string | null) => waitFor(async () => {
  const r = await round();
  return r && r.id !== after && r.finishedAt !== null ? r : null;
}, 'the round to finish', 120_000);

beforeAll(async () => {
  session = await launchFirefox();
  session.serve(HOME, () => html);
  ext = await session.openExtensionPage('popup.html');
});
afterAll(async () => {
  await session?.close();
});

describe('Firefox: Check now (production build)', () => {
  it('reads the line’s open carrier tab again and stores its new figure; a sign-in page says "Sign in to update"', async () => {
    const tab = await session.openCarrierPage(HOME);
    await waitFor(() => readStore(ext, 'readings'), 'the first reading');
    html = capped.replaceAll('3,5 GB', '6,5 GB');
    const popup = await openPopup(session);
    await popup.waitForSelector('button.check-now');
    await popup.click('button.check-now');
    const first = (await finished(null))!;
    expect(Object.values(first.results).map((r) => r.outcome)).toEqual(['updated']);
    const readings = await readStore<{ usedBytes: number }>(ext, 'readings');
    expect(readings.at(-1)!.usedBytes).toBe(Math.round(6.5 * GB));
    // The user's tab was reloaded, not closed.
    expect(await tab.evaluate(() => document.body.innerText)).toContain('6,5 GB');

    html = movistar('2026-11-20-logged-out.html');
    await popup.click('button.check-now');
    const second = (await finished(first.id))!;
    expect(Object.values(second.results).map((r) => r.outcome)).toEqual(['sign-in']);
    expect(await readStore(ext, 'readings')).toHaveLength(readings.length);
    await popup.waitForSelector('.check-status[data-outcome="sign-in"]');
    expect(await textOf(popup, '.check-status[data-outcome="sign-in"]')).toContain('Sign in to update');
  });
});
