import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, openPopup, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const URL = 'https://appweb.movistar.es/home';
const html = readFileSync(join('tests/fixtures/movistar-es', '2026-11-20-capped.html'), 'utf8');

let session: ExtensionSession;
beforeEach(async () => {
  session = await launchExtension();
});
afterEach(async () => {
  await session?.close();
});

describe('storage in the real browser', () => {
  it('stores one reading when two tabs read the same page at the same moment', async () => {
    await serveCarrierPage(session.context, URL, html);
    const [first, second] = await Promise.all([session.context.newPage(), session.context.newPage()]);
    await Promise.all([first.goto(URL), second.goto(URL)]);
    await waitFor(() => readStore(session.worker, 'readings'), 'a stored reading');
    // Both content scripts have sent by now; give the second write time to land.
    await first.waitForTimeout(1_500);
    const readings = await readStore<{ capturedAt: number; confirmedAt: number }>(session.worker, 'readings');
    expect(readings).toHaveLength(1);
    expect(await readStore(session.worker, 'lines')).toHaveLength(1);
  });

  it('shows in the popup a reading the background could not save', async () => {
    await session.worker.evaluate(() =>
      chrome.storage.local.set({
        'storage-error': { at: Date.now(), message: 'the last reading could not be saved, because the browser’s storage for the extension is full' },
      }),
    );
    const popup = await openPopup(session);
    const alert = popup.getByRole('alert').filter({ hasText: 'storage for the extension is full' });
    await alert.waitFor();
    // The next successful write clears it, live.
    await serveCarrierPage(session.context, URL, html);
    const page = await session.context.newPage();
    await page.goto(URL);
    await alert.waitFor({ state: 'detached' });
  });
});
