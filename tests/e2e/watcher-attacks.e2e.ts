import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, openPopup, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';
import { startupReplayPage, withScript } from './hostile-pages';

/**
 * Hostile carrier pages against the production build in real Chromium (issue 16 #8, #12, #14):
 * a page that replays WXT's start-up event to stop the reader, a page that floods same-document
 * navigations with new figures, and a page whose figures glitch for three seconds.
 */
const HOME = 'https://appweb.movistar.es/home';
const GB = 1024 ** 3;
const capped = readFileSync(join('tests/fixtures/movistar-es', '2026-11-20-capped.html'), 'utf8');
const usedOf = (rows: Record<string, unknown>[]) => rows.map((r) => Number(r.usedBytes) / GB);

let session: ExtensionSession;
beforeEach(async () => {
  session = await launchExtension();
});
afterEach(async () => {
  await session?.close();
});

describe('a page cannot stop the reader (#12)', () => {
  it('keeps reading, and following route changes, while the page replays WXT’s start-up event with the extension id', async () => {
    // A published extension's id is public: the page is given it, as an attacker would have it.
    const shell = startupReplayPage(capped, session.extensionId);
    await serveCarrierPage(session.context, HOME, shell);
    const page = await session.context.newPage();
    await page.goto(HOME);
    const first = await waitFor(() => readStore(session.worker, 'readings'), 'a reading despite the replayed start-up event');
    expect(usedOf(first)).toEqual([3.5]);
    // WXT no longer posts its start-up message (with the extension id) on the page's window.
    expect(await page.evaluate(() => (window as unknown as { posted: unknown[] }).posted)).toEqual([]);

    await page.evaluate(() => (window as unknown as { nextView: () => void }).nextView());
    const both = (await waitFor(async () => {
      const rows = await readStore(session.worker, 'readings');
      return rows.length >= 2 ? rows : null;
    }, 'the reading of the next view'))!;
    expect(usedOf(both)).toEqual([3.5, 4.5]);
    const popup = await openPopup(session);
    await popup.getByText('Movistar: read 1 line from this page').waitFor();
  });
});

describe('a page cannot flood the reader (#14)', () => {
  it('turns a flood of same-document navigations with new figures into no readings, then reads the figures that stay', async () => {
    const flood = withScript(
      capped,
      `
      let i = 0;
      const value = document.querySelector('.roundel__value');
      window.flood = setInterval(() => {
        i++;
        history.pushState(null, '', '/home?view=' + i);
        value.textContent = (i % 190) / 10 + ' GB';
      }, 20);
      window.stopFlood = () => { clearInterval(window.flood); value.textContent = '7,5 GB'; return i; };`,
    );
    await serveCarrierPage(session.context, HOME, flood);
    const page = await session.context.newPage();
    await page.goto(HOME);
    await page.waitForTimeout(15_000);
    const navigations = await page.evaluate(() => (window as unknown as { stopFlood: () => number }).stopFlood());
    expect(navigations).toBeGreaterThan(200);
    // Never steady for five seconds: nothing was stored, however many views went by.
    expect(await readStore(session.worker, 'readings')).toEqual([]);
    const rows = await waitFor(() => readStore(session.worker, 'readings'), 'the reading once the page settles');
    expect(usedOf(rows)).toEqual([7.5]);
    await page.waitForTimeout(3_000);
    expect(await readStore(session.worker, 'readings')).toHaveLength(1);
  });
});

describe('a figure must hold steady before it is stored (#8)', () => {
  it('never stores a 3-second glitch between two sightings of the real figures', async () => {
    const glitch = withScript(
      capped,
      `window.glitch = () => {
        const value = document.querySelector('.roundel__value');
        value.textContent = '16,5 GB';
        setTimeout(() => { value.textContent = '3,5 GB'; }, 3000);
      };`,
    );
    await serveCarrierPage(session.context, HOME, glitch);
    const page = await session.context.newPage();
    await page.goto(HOME);
    const first = await waitFor(() => readStore(session.worker, 'readings'), 'the real reading');
    expect(usedOf(first)).toEqual([3.5]);
    await page.evaluate(() => (window as unknown as { glitch: () => void }).glitch());
    await page.waitForTimeout(15_000);
    expect(usedOf(await readStore(session.worker, 'readings'))).toEqual([3.5]);
  });
});
