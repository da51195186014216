import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchExtension, openPopup, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

/**
 * The options page of the production build in real Chromium, one session through the whole
 * story, in order: settings, lines, manual reading, delete + Undo, export → wipe → import, a
 * broken file. Every write goes page → background → IndexedDB, and is checked there.
 */
const fixture = (name: string) => readFileSync(join('tests/fixtures/movistar-es', name), 'utf8');

interface Row {
  [key: string]: unknown;
}

let session: ExtensionSession;
let options: Page;
const problems: string[] = [];

/** Lines and readings without the ids IndexedDB hands out (an import renumbers them). */
async function content() {
  const lines = await readStore<Row>(session.worker, 'lines');
  const readings = await readStore<Row>(session.worker, 'readings');
  const keyOf = new Map(lines.map((l) => [l.id, l.lineKey]));
  const strip = ({ id: _id, ...rest }: Row) => rest;
  return {
    lines: lines.map(strip).sort((a, b) => String(a.lineKey).localeCompare(String(b.lineKey))),
    readings: readings
      .map(({ id: _id, lineId, ...rest }): Row => ({ line: keyOf.get(lineId), ...rest }))
      .sort((a, b) => String(a.line).localeCompare(String(b.line)) || Number(a.capturedAt) - Number(b.capturedAt)),
  };
}

const storedSettings = () => session.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);

beforeAll(async () => {
  session = await launchExtension();
  await serveCarrierPage(session.context, 'https://appweb.movistar.es/home', fixture('2026-11-20-capped.html'));
  const carrier = await session.context.newPage();
  await carrier.goto('https://appweb.movistar.es/home');
  await waitFor(() => readStore(session.worker, 'readings'), 'the carrier page’s reading');
  await carrier.close();

  options = await session.context.newPage();
  options.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  options.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await options.setViewportSize({ width: 800, height: 600 });
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Lines' }).waitFor();
  await options.locator('#line-1-label').waitFor();
});
afterAll(async () => {
  await session?.close();
});

describe('options page (production build, real Chromium)', () => {
  it('is the manifest’s options page, opened in a tab', async () => {
    const manifest = await session.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
  });

  it('saves a changed threshold, and shows it after a reload', async () => {
    await options.getByLabel('Level 2').fill('75');
    await options.getByRole('button', { name: 'Save alert settings' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await waitFor(async () => (await storedSettings())?.thresholds?.[1] === 75, 'the saved threshold');
    expect((await storedSettings()).thresholds).toEqual([50, 75, 90, 100]);
    await options.reload();
    await expect.poll(() => options.getByLabel('Level 2').inputValue()).toBe('75');
  });

  it('switches language at once, without a reload, and back', async () => {
    await options.getByLabel('Show the extension in').selectOption('fr');
    await options.getByRole('heading', { level: 1, name: 'Réglages d’eSIM Usage Guard' }).waitFor();
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect((await storedSettings()).language).toBe('fr');
    await options.getByLabel('Afficher l’extension en').selectOption('en');
    await options.getByRole('heading', { level: 1, name: 'eSIM Usage Guard settings' }).waitFor();
    // The alert levels saved before are untouched by a language change.
    expect((await storedSettings()).thresholds).toEqual([50, 75, 90, 100]);
  });

  it('renames a line, and the popup shows the new name', async () => {
    await options.locator('#line-1-label').fill('Travel phone');
    await options.locator('#line-1-label').press('Tab');
    await waitFor(async () => (await readStore<Row>(session.worker, 'lines'))[0]?.label === 'Travel phone', 'the new label');
    const popup = await openPopup(session);
    await popup.getByText('Travel phone').waitFor();
    await popup.close();
  });

  it('adds a reading by hand for a line without a supported portal', async () => {
    await options.getByLabel('Name of the new line').fill('Holiday eSIM');
    await options.getByLabel('Used', { exact: true }).fill('1.5');
    await options.getByLabel('Allowance').fill('10');
    await options.getByRole('button', { name: 'Add reading' }).click();
    const readings = await waitFor(
      async () => (await readStore<Row>(session.worker, 'readings')).filter((r) => r.source === 'manual'),
      'the manual reading',
    );
    expect(readings[0]).toMatchObject({ usedBytes: 1.5 * 1024 ** 3, totalBytes: 10 * 1024 ** 3, source: 'manual' });
    await options.getByRole('row', { name: /Holiday eSIM/ }).waitFor();
  });

  it('deletes a line after confirmation, and Undo brings every reading back', async () => {
    const before = await content();
    await options.getByRole('button', { name: 'Delete Travel phone…' }).click();
    await options.getByRole('button', { name: 'Delete', exact: true }).click();
    await waitFor(async () => (await readStore<Row>(session.worker, 'lines')).length === 1, 'the deleted line');
    expect((await content()).readings).toHaveLength(before.readings.length - 1);
    const undo = options.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.evaluate((el) => el === document.activeElement)).toBe(true);
    await undo.click();
    await options.getByText('Travel phone is back.').waitFor();
    await waitFor(async () => (await readStore<Row>(session.worker, 'lines')).length === 2, 'the restored line');
    expect(await content()).toEqual(before);
  });

  it('exports JSON, deletes everything, imports the file: the same lines and readings', async () => {
    const before = await content();
    expect(before.lines).toHaveLength(2);
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export backup (JSON)' }).click();
    const file = artifactPath('options-export.json');
    await (await download).saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'esim-usage-guard-backup', version: 2 });

    await options.getByRole('button', { name: 'Delete everything…' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await options.getByText('Everything was deleted.').waitFor();
    expect(await content()).toEqual({ lines: [], readings: [] });
    await options.getByText('No lines yet.').waitFor();

    await options.getByLabel('Backup file (JSON)').setInputFiles(file);
    await options.getByText('options-export.json holds:').waitFor();
    expect(await options.locator('.import-preview').innerText()).toContain(`Readings: ${before.readings.length} (${before.readings.length} new, 0 already saved)`);
    // A preview changes nothing.
    expect(await content()).toEqual({ lines: [], readings: [] });
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText(/^Imported\./).waitFor();
    expect(await content()).toEqual(before);
    await options.getByRole('row', { name: /Travel phone/ }).waitFor();
  });

  it('refuses a broken file with a clear message and changes nothing', async () => {
    const before = await content();
    const settings = await storedSettings();
    await options.getByLabel('Backup file (JSON)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"esim-usage-guard-backup","version":1,"lines":[{"id":1,') });
    const alert = options.getByRole('alert').filter({ hasText: 'broken.json' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Nothing was changed.');
    expect(await alert.innerText()).toMatch(/truncated|cut short/);
    expect(await content()).toEqual(before);
    expect(await storedSettings()).toEqual(settings);
  });

  it('reports storage use and asks to keep the data', async () => {
    await expect.poll(() => options.locator('#storage-usage').innerText()).toMatch(/uses .+ of the .+ the browser allows it/);
    const keep = options.getByRole('button', { name: 'Keep my data' });
    if (await keep.isVisible()) {
      await keep.click();
      await options.getByText(/The browser (agreed|did not agree|will keep)/).first().waitFor();
    }
  });

  it('works from the keyboard with a visible focus', async () => {
    await options.reload();
    await options.locator('#level-0').waitFor();
    const focused = () =>
      options.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { id: el.id, text: el.textContent, outline: getComputedStyle(el).outlineStyle };
      });
    // Skip the table-of-contents links to the first field, then type and save without a mouse.
    for (let i = 0; i < 8; i++) await options.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ id: 'level-0', outline: 'solid' });
    await options.keyboard.press('Tab');
    await options.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ id: 'level-1' });
    await options.keyboard.press('ControlOrMeta+a');
    await options.keyboard.type('80');
    await options.keyboard.press('Enter');
    await waitFor(async () => (await storedSettings())?.thresholds?.[1] === 80, 'the threshold saved with Enter');
  });

  it('has no console error, and a screenshot at 800×600', async () => {
    await options.evaluate(() => window.scrollTo(0, 0));
    await options.screenshot({ path: artifactPath('options-800x600.png') });
    await options.screenshot({ path: artifactPath('options-full-800.png'), fullPage: true });
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.screenshot({ path: artifactPath('options-800x600-dark.png') });
    await options.emulateMedia({ colorScheme: 'light' });
    expect(problems).toEqual([]);
  });
});
