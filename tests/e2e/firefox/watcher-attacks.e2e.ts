import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../harness';
import { startupReplayPage } from '../hostile-pages';
import { contentStatus, firefoxForFile, openPopup, readStore, textOf } from './harness';

/**
 * A page cannot stop the reader in Firefox either (the page tests/e2e/watcher-attacks.e2e.ts
 * serves Chromium): it replays WXT's start-up and location-change events with the add-on's id,
 * which in Firefox is its public gecko id, and posts back every WXT message it sees.
 */
// The extension APIs as seen inside an extension page (evaluated there, not in Node).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const browser: any;

const HOME = 'https://appweb.movistar.es/home';
const GB = 1024 ** 3;
const capped = readFileSync(join('tests/fixtures/movistar-es', '2026-11-20-capped.html'), 'utf8');
const usedOf = (rows: Record<string, unknown>[]) => rows.map((r) => Number(r.usedBytes) / GB);

const ff = firefoxForFile();

describe('Firefox: a page cannot stop the reader (production build)', () => {
  it('keeps reading, and following route changes, while the page replays WXT’s start-up event with the add-on’s id', async () => {
    const id = (await ff.ext.evaluate(() => browser.runtime.id)) as string;
    expect(id).toMatch(/@/);
    ff.session.serve(HOME, startupReplayPage(capped, id));
    const page = await ff.session.openCarrierPage(HOME);
    const first = await waitFor(() => readStore(ff.ext, 'readings'), 'a reading despite the replayed start-up event');
    expect(usedOf(first!)).toEqual([3.5]);
    // WXT posts no start-up message (with the add-on's id) on the page's window.
    expect(await page.evaluate(() => (window as unknown as { posted: unknown[] }).posted)).toEqual([]);

    await page.evaluate(() => (window as unknown as { nextView: () => void }).nextView());
    const both = await waitFor(async () => {
      const rows = await readStore(ff.ext, 'readings');
      return rows.length >= 2 ? rows : null;
    }, 'the reading of the next view');
    expect(usedOf(both!)).toEqual([3.5, 4.5]);
    await waitFor(() => contentStatus(ff.ext, 'movistar-es'), 'the content script answering');
    const popup = await openPopup(ff.session);
    await popup.waitForSelector('.tab-status[data-state]');
    expect(await textOf(popup, '.tab-status')).toContain('Movistar: read 1 line from this page');
    await popup.close();
  });
});
