import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  artifactPath,
  badgeOf,
  launchExtension,
  openPopup,
  readStore,
  serveCarrierPage,
  waitFor,
  type ExtensionSession,
} from './harness';

const fixture = (name: string) => readFileSync(join('tests/fixtures/movistar-es', name), 'utf8');
const GB = 1024 ** 3;

let session: ExtensionSession;
beforeEach(async () => {
  session = await launchExtension();
});
afterEach(async () => {
  await session?.close();
});

describe('carrier page → IndexedDB → badge and popup (production build, real Chromium)', () => {
  it('reads a Movistar usage page, stores it, shows it on the badge and in the popup', async () => {
    await serveCarrierPage(session.context, 'https://appweb.movistar.es/home', fixture('2026-11-20-capped.html'));
    const page = await session.context.newPage();
    await page.goto('https://appweb.movistar.es/home');

    const readings = await waitFor(() => readStore(session.worker, 'readings'), 'a stored reading');
    expect(readings).toHaveLength(1);
    expect(readings[0]).toMatchObject({ bucket: 'data', usedBytes: 3.5 * GB, totalBytes: 20 * GB, unlimited: false, source: 'page' });
    const lines = await readStore(session.worker, 'lines');
    expect(lines).toEqual([expect.objectContaining({ carrierId: 'movistar-es', lineDigits: '0012' })]);

    const badge = await waitFor(async () => {
      const current = await badgeOf(session.worker);
      return current.text ? current : null;
    }, 'the badge');
    expect(badge!.text).toBe('17%');
    expect(badge!.title).toContain('Movistar ••12: 17% used');

    const popup = await openPopup(session);
    await popup.getByText('Movistar ••12').waitFor();
    const text = (await popup.locator('body').innerText()).replace(/[\u00A0\u202F]/g, ' ');
    expect(text).toContain('3.5 GB');
    expect(text).toContain('of 20 GB');
    expect(text).toContain('17%');
    expect(text).toMatch(/read (just now|\d+ seconds? ago)/);
    expect(text).toContain('Movistar: read 1 line from this page');
    await popup.screenshot({ path: artifactPath('popup-movistar-360x600.png') });

    // Reloading the same page is no new usage: still one reading.
    await page.reload();
    await page.waitForTimeout(1_000);
    expect(await readStore(session.worker, 'readings')).toHaveLength(1);
  });

  it('stores figures that a single-page app renders seconds after load', async () => {
    const capped = fixture('2026-11-20-capped.html');
    const shell = capped.replace(/<main>[\s\S]*<\/main>/, '<main id="late"></main>').replace(
      '</body>',
      `<script>setTimeout(() => { document.getElementById('late').innerHTML = ${JSON.stringify(/<main>([\s\S]*)<\/main>/.exec(capped)![1])}; }, 3000);</script></body>`,
    );
    await serveCarrierPage(session.context, 'https://appweb.movistar.es/home', shell);
    const page = await session.context.newPage();
    await page.goto('https://appweb.movistar.es/home');
    await page.waitForTimeout(1_500);
    expect(await readStore(session.worker, 'readings')).toHaveLength(0);
    const readings = await waitFor(() => readStore(session.worker, 'readings'), 'the late reading');
    expect(readings[0]).toMatchObject({ usedBytes: 3.5 * GB });
  });

  it('stores nothing from a page that is not a usage page, and says so in the popup', async () => {
    await serveCarrierPage(session.context, 'https://mi.movistar.es/tarifas', fixture('2026-11-20-marketing.html'));
    const page = await session.context.newPage();
    await page.goto('https://mi.movistar.es/tarifas');
    await page.waitForTimeout(2_000);
    expect(await readStore(session.worker, 'readings')).toEqual([]);
    expect(await readStore(session.worker, 'lines')).toEqual([]);
    expect((await badgeOf(session.worker)).text).toBe('');

    const popup = await openPopup(session);
    await popup.getByText('No lines yet').waitFor();
    expect(await popup.locator('body').innerText()).toContain('Movistar: this is not a usage page');
    await popup.screenshot({ path: artifactPath('popup-empty-360x600.png') });
  });

  it('says “signed out” on a sign-in page and stores nothing', async () => {
    await serveCarrierPage(session.context, 'https://mi.movistar.es/login', fixture('2026-11-20-logged-out.html'));
    const page = await session.context.newPage();
    await page.goto('https://mi.movistar.es/login');
    const popup = await openPopup(session);
    await popup.getByText('you are signed out', { exact: false }).waitFor();
    expect(await readStore(session.worker, 'readings')).toEqual([]);
  });
});
