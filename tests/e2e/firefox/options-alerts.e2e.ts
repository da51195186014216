import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, waitFor } from '../harness';
import { inPage } from '../in-page';
import { badgeOf, launchFirefox, openPopup, ORIGIN, readStore, restartExtension, textOf, watchErrors, type FirefoxSession } from './harness';

/**
 * The options page, notifications and start-up in Firefox, one browser through the whole story:
 * a cap edited in the options page reaches the badge and raises a notification (basic fields
 * only, as Firefox for Android can show nothing else), a backup is previewed and imported
 * through the file picker, a broken one is refused, and a restart of the add-on re-creates its
 * alarm and badge without showing the notification again.
 */
// The extension APIs as seen inside an extension page (evaluated there, not in Node).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const browser: any;

const HOME = 'https://appweb.movistar.es/home';
const GB = 1024 ** 3;

interface Row {
  [key: string]: unknown;
}
interface AlertRow {
  id: number;
  kind: string;
  shownAt: number | null;
  title: string;
}

let session: FirefoxSession;
let ext: Page;
let options: Page;
let lineId = 0;
const errors: string[] = [];

const storedSettings = () => ext.evaluate(async () => (await browser.storage.local.get('settings')).settings);
const notifications = () => ext.evaluate(() => browser.notifications.getAll() as Promise<Record<string, Record<string, unknown>>>);
const badgeText = async (text: string) => ((await badgeOf(ext)).text === text ? true : null);

/** A backup holding one more line and a week of its readings, dated from the browser's clock. */
function backupText(): string {
  const GB = 1024 ** 3;
  const DAY = 86_400_000;
  const now = Date.now();
  const readings = [];
  for (let day = 7; day >= 1; day--) {
    const t = now - day * DAY;
    readings.push({
      lineId: 1, bucket: 'data', capturedAt: t, confirmedAt: t, usedBytes: (8 - day) * 0.5 * GB, totalBytes: 20 * GB, unlimited: false,
      remainingBytes: 20 * GB - (8 - day) * 0.5 * GB, periodEnd: now + 20 * DAY, pageSaysUpdatedAt: null, overage: false, source: 'page', generic: false,
    });
  }
  const line = {
    id: 1, carrierId: 'orange-es', lineKey: 'orange-es:0055', lineDigits: '0055', planName: null, label: 'Imported eSIM', color: null,
    hidden: false, pendingConfirmation: false, createdAt: now - 8 * DAY,
  };
  return JSON.stringify({ format: 'esim-usage-guard-backup', version: 1, exportedAt: now, lines: [line], readings });
}

async function choose(file: string): Promise<void> {
  const input = (await options.waitForSelector('#import-file')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
}

beforeAll(async () => {
  session = await launchFirefox();
  ext = await session.openExtensionPage('popup.html');
  session.serve(HOME, readFileSync(join('tests/fixtures/movistar-es', '2026-11-20-capped.html'), 'utf8'));
  const carrier = await session.openCarrierPage(HOME);
  await waitFor(() => badgeText('17%'), 'the badge at 3.5 of 20 GB');
  lineId = (await readStore<Row>(ext, 'lines'))[0]!.id as number;
  await carrier.close();

  options = await session.openExtensionPage('options.html', { viewport: { width: 800, height: 600 } });
  watchErrors(options, errors);
  await options.waitForSelector(`#line-${lineId}-cap`);
});
afterAll(async () => {
  await session?.close();
});

describe('Firefox: options page, notifications, start-up (production build)', () => {
  it('is the manifest’s options page, opened in a tab (as Firefox for Android does)', async () => {
    const manifest = await ext.evaluate(() => browser.runtime.getManifest());
    // Firefox hands the page back as a full URL.
    expect(manifest.options_ui).toMatchObject({ page: `${ORIGIN}/options.html`, open_in_tab: true });
  });

  it('switches language at once, without a reload, and back', async () => {
    await options.select('#language', 'fr');
    await waitFor(async () => ((await textOf(options, 'h1')) === 'Réglages d’eSIM Usage Guard' ? true : null), 'the French title');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect((await storedSettings()).language).toBe('fr');
    await options.select('#language', 'en');
    await waitFor(async () => ((await textOf(options, 'h1')) === 'eSIM Usage Guard settings' ? true : null), 'the English title');
  });

  it('edits a line’s cap: the badge follows, and one notification with basic fields only goes out', async () => {
    expect(await notifications()).toEqual({});
    await options.type(`#line-${lineId}-cap`, '4');
    await options.keyboard.press('Tab');
    await waitFor(async () => ((await readStore<Row>(ext, 'lines'))[0]?.capBytes === 4 * GB ? true : null), 'the cap stored');
    // 3.5 GB of the user's own 4 GB.
    await waitFor(() => badgeText('87%'), 'the badge at 3.5 of 4 GB');
    expect((await badgeOf(ext)).title).toBe('eSIM Usage Guard\nMovistar ••12: 87% used');

    const rows = await waitFor(async () => {
      const stored = await readStore<AlertRow>(ext, 'alerts');
      return stored.length === 1 && stored[0]!.shownAt ? stored : null;
    }, 'the 80 % alert shown');
    const shown = await notifications();
    expect(Object.keys(shown)).toEqual([`esim-alert:${rows![0]!.id}`]);
    const note = shown[`esim-alert:${rows![0]!.id}`]!;
    expect(note).toMatchObject({ type: 'basic', title: 'Movistar ••12: 80% of data used', message: expect.stringContaining('(87%)') });
    expect(note.iconUrl).toEqual(expect.stringMatching(/^(data:image\/png|moz-extension:)/));
    // Firefox for Android has no buttons, no persistent notifications, no list or image types.
    expect(note).not.toHaveProperty('buttons');
    expect(note).not.toHaveProperty('requireInteraction');
  });

  it('previews a backup chosen with the file picker, changes nothing until confirmed, then imports it', async () => {
    const file = artifactPath('firefox-import.json');
    writeFileSync(file, (await ext.evaluate(inPage(backupText, null))) as string);
    const before = await readStore<Row>(ext, 'lines');
    await choose(file);
    await options.waitForSelector('.import-preview');
    const preview = await textOf(options, '.import-preview');
    expect(preview).toContain('firefox-import.json holds:');
    expect(preview).toContain('Lines: 1 (1 new)');
    expect(preview).toContain('Readings: 7 (7 new, 0 already saved)');
    expect(await readStore(ext, 'lines')).toEqual(before);

    await options.click('.import-preview button.primary');
    await waitFor(async () => ((await textOf(options, '.import-status')).startsWith('Imported.') ? true : null), 'the import done');
    const lines = await readStore<Row>(ext, 'lines');
    expect(lines.map((l) => l.label ?? l.lineKey)).toEqual([...before.map((l) => l.label ?? l.lineKey), 'Imported eSIM']);
    expect((await readStore<Row>(ext, 'readings')).filter((r) => r.lineId === lines[1]!.id)).toHaveLength(7);
    await waitFor(async () => ((await textOf(options, '.lines-table')).includes('Imported eSIM') ? true : null), 'the imported line listed');

    const popup = await openPopup(session);
    watchErrors(popup, errors);
    await popup.waitForSelector('.line-card[aria-label="Imported eSIM"]');
    await popup.close();
  });

  it('refuses a broken backup with a clear message and changes nothing', async () => {
    const before = { lines: await readStore(ext, 'lines'), readings: await readStore(ext, 'readings') };
    const file = artifactPath('broken.json');
    writeFileSync(file, '{"format":"esim-usage-guard-backup","version":1,"lines":[{"id":1,');
    await choose(file);
    await waitFor(async () => ((await options.$('.import-status[role="alert"]')) ? true : null), 'the refusal');
    const alert = await textOf(options, '.import-status[role="alert"]');
    expect(alert).toContain('broken.json');
    expect(alert).toContain('Nothing was changed.');
    expect({ lines: await readStore(ext, 'lines'), readings: await readStore(ext, 'readings') }).toEqual(before);
  });

  it('re-creates its alarm and badge when the add-on starts again, and shows no notification twice', async () => {
    const alarms = () => ext.evaluate(() => browser.alarms.getAll());
    expect(await alarms()).toEqual([expect.objectContaining({ name: 'overview-recheck', periodInMinutes: 30 })]);
    const alertsBefore = await readStore<AlertRow>(ext, 'alerts');
    // What a browser restart leaves: no alarm (Firefox keeps none across restarts), a blank badge.
    await ext.evaluate(async () => {
      await browser.alarms.clearAll();
      await browser.browserAction.setBadgeText({ text: '' });
      await browser.storage.session.set({ beforeRestart: true });
    });
    expect(await alarms()).toEqual([]);
    await options.close();

    ext = await restartExtension(session, ext);
    // storage.session is emptied by a restart: proof that the add-on really started again.
    expect(await ext.evaluate(() => browser.storage.session.get('beforeRestart'))).toEqual({});
    await waitFor(async () => ((await alarms()).length > 0 ? true : null), 'the alarm re-created');
    expect(await alarms()).toEqual([expect.objectContaining({ name: 'overview-recheck', periodInMinutes: 30 })]);
    await waitFor(() => badgeText('87%'), 'the badge rebuilt at start');
    // The same alert rows, each still marked shown when it first was: none was shown again.
    expect(await readStore<AlertRow>(ext, 'alerts')).toEqual(alertsBefore);
  });

  it('logged no console error and threw nothing', () => {
    expect(errors).toEqual([]);
  });
});
