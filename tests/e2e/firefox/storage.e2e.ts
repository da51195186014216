import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../harness';
import { firefoxForFile, openPopup, readStore, textOf } from './harness';

/** Storage in Firefox (as tests/e2e/storage.e2e.ts in Chromium): two tabs, one reading; a failed save shown, then cleared. */
// The extension APIs as seen inside an extension page (evaluated there, not in Node).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const browser: any;

const HOME = 'https://appweb.movistar.es/home';
const html = readFileSync(join('tests/fixtures/movistar-es', '2026-11-20-capped.html'), 'utf8');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ff = firefoxForFile(async (file) => {
  file.session.serve(HOME, html);
});

describe('Firefox: storage (production build)', () => {
  it('stores one reading when two tabs read the same page at the same moment', async () => {
    const [first, second] = [await ff.session.newPage(), await ff.session.newPage()];
    await Promise.all([first.goto(HOME), second.goto(HOME)]);
    await waitFor(() => readStore(ff.ext, 'readings'), 'a stored reading');
    // Both content scripts have sent by now; give the second write time to land.
    await pause(1_500);
    expect(await readStore(ff.ext, 'readings')).toHaveLength(1);
    expect(await readStore(ff.ext, 'lines')).toHaveLength(1);
    await Promise.all([first.close(), second.close()]);
  });

  it('shows in the popup a reading the background could not save, until the next save clears it', async () => {
    await ff.ext.evaluate(() =>
      browser.storage.local.set({
        'storage-error': { at: Date.now(), message: 'the last reading could not be saved, because the browser’s storage for the extension is full' },
      }),
    );
    const popup = await openPopup(ff.session);
    const alertText = () => textOf(popup, '[role="alert"]').catch(() => '');
    await waitFor(async () => ((await alertText()).includes('storage for the extension is full') ? true : null), 'the storage alert');
    // The next successful write clears it, live.
    const page = await ff.session.openCarrierPage(HOME);
    await waitFor(async () => ((await alertText()).includes('storage for the extension is full') ? null : true), 'the alert gone');
    expect(await ff.ext.evaluate(() => browser.storage.local.get('storage-error'))).toEqual({});
    await Promise.all([page.close(), popup.close()]);
  });
});
