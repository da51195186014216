import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactPath, launchExtension, openPopup, serveCarrierPage } from './harness';
import { gotoExtension, launchFirefox, ORIGIN as FIREFOX_ORIGIN, setViewportSize, type FirefoxSession } from './firefox/harness';
import { inPage } from './in-page';
import {
  dataScreens,
  EMPTY_SCREEN,
  LANGUAGES,
  measurePage,
  PHONE,
  saveLanguage,
  screenReady,
  SCHEMES,
  seedPhoneData,
  TAB_PAGE,
  type Measure,
  type Scheme,
  type Screen,
} from './phone-screens';

/**
 * Firefox for Android shows the popup as a full-window overlay and the options page in a tab, so
 * at 360×740 every screen must fit: no sideways scrolling of the page or of anything in it, and
 * no button or tag broken over two lines or cut off. Each screen is measured in every language,
 * light and dark, in Chromium and in Firefox, with realistic content (lib seeding: phone-screens).
 */

/** What the test needs from a browser page, whichever driver holds it. */
interface Driver {
  name: 'chromium' | 'firefox';
  evaluate<T>(expression: string): Promise<T>;
  /** Opens an extension path in the phone-sized page (a new document unless only the hash differs). */
  open(path: string): Promise<void>;
  reload(): Promise<void>;
  setWidth(width: number): Promise<void>;
  /** Applies a colour scheme when the browser can switch at run time; false when it cannot. */
  setScheme(scheme: Scheme): Promise<boolean>;
  screenshot(path: string, fullPage: boolean): Promise<void>;
}

interface Row extends Measure {
  browser: string;
  scheme: Scheme;
  lang: string;
  screen: string;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(driver: Driver, expression: string, what: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  do {
    // A page in the middle of a navigation cannot answer: ask again.
    if (await driver.evaluate<boolean>(expression).catch(() => false)) return;
    await pause(100);
  } while (Date.now() < deadline);
  throw new Error(`Timed out waiting for ${what}`);
}

async function showScreen(driver: Driver, screen: Screen, lang: string): Promise<void> {
  const hash = screen.path.includes('#') ? `#${screen.path.split('#')[1]}` : '';
  if (screen.prepare) await driver.evaluate(screen.prepare);
  else await driver.open(screen.path);
  await until(driver, inPage(screenReady, { selector: screen.ready, lang, hash }), `${screen.name} in ${lang}`);
  // Fonts and the chart's canvas settle in the next frames.
  await driver.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))');
}

/**
 * Every screen in every language, in the schemes the browser can switch to at run time (Firefox
 * needs a restart per scheme: see launchFirefox). `visitTab` opens the carrier page beside the
 * popup, once the empty screens are measured.
 */
async function measureAll(driver: Driver, schemes: readonly Scheme[], visitTab: () => Promise<void>): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = artifactPath('phone');
  mkdirSync(dir, { recursive: true });
  const record = async (screen: Screen, lang: string) => {
    for (const scheme of schemes) {
      await driver.setScheme(scheme);
      const measure = await driver.evaluate<Measure>(inPage(measurePage, null));
      const row: Row = { browser: driver.name, scheme, lang, screen: screen.name, ...measure };
      rows.push(row);
      // Pictures of every English screen (the README's come from here) and of every failure.
      if (lang !== 'en' && !failed(row)) continue;
      const options = screen.path.startsWith('options');
      // The options page is long: its lines, where the layout changes most, fill the picture.
      if (options) await driver.evaluate("document.getElementById('lines-title')?.scrollIntoView({ behavior: 'instant' })");
      await driver.screenshot(join(dir, `${driver.name}-${screen.name}-${lang}-${scheme}.png`), !options);
    }
  };
  const setLanguage = async (lang: string) => {
    expect(await driver.evaluate<boolean>(inPage(saveLanguage, lang))).toBe(true);
    await driver.reload();
  };

  await driver.open('popup.html');
  for (const lang of LANGUAGES) {
    await setLanguage(lang);
    await showScreen(driver, EMPTY_SCREEN, lang);
    await record(EMPTY_SCREEN, lang);
  }

  await visitTab();
  const reply = await driver.evaluate<{ ok: boolean }>(inPage(seedPhoneData, null));
  expect(reply).toMatchObject({ ok: true });
  await driver.open('popup.html');
  const detailLine = await until(driver, "document.querySelectorAll('.line-card').length >= 5", 'the seeded lines').then(() =>
    driver.evaluate<number>("Number(document.querySelector('.line-card[aria-label^=\"Travel eSIM\"]').dataset.lineId)"),
  );
  for (const lang of LANGUAGES) {
    await setLanguage(lang);
    for (const screen of dataScreens(detailLine)) {
      await driver.setWidth(screen.width ?? PHONE.width);
      await showScreen(driver, screen, lang);
      await record(screen, lang);
    }
  }
  return rows;
}

function report(rows: Row[], name: string): void {
  writeFileSync(artifactPath(`phone-width-${name}.json`), JSON.stringify(rows, null, 1));
  const widest = new Map<string, number>();
  for (const r of rows) widest.set(r.screen, Math.max(widest.get(r.screen) ?? 0, r.scrollWidth));
  console.log(`${name} at ${PHONE.width} px, widest scrollWidth per screen:`, Object.fromEntries(widest));
}

const failed = (r: Row) => r.scrollWidth > r.clientWidth || r.offenders.length > 0 || r.scrollers.length > 0 || r.broken.length > 0;

/** Only what fails, so a failure names every screen, language and element at once. */
const failures = (rows: Row[]) =>
  rows
    .filter(failed)
    .map((r) => ({ at: `${r.browser} ${r.screen} ${r.lang} ${r.scheme}`, width: `${r.scrollWidth}/${r.clientWidth}`, offenders: r.offenders.slice(0, 4), scrollers: r.scrollers, broken: r.broken }));

const screensPerScheme = LANGUAGES.length * (1 + dataScreens(0).length);

describe(`every screen at ${PHONE.width}×${PHONE.height}, in ${LANGUAGES.join(', ')}, light and dark`, () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of cleanup) await close().catch(() => undefined);
  });

  it('Chromium: nothing scrolls sideways, nothing short wraps or is cut off', async () => {
    const session = await launchExtension();
    cleanup.push(() => session.close());
    const popup = await openPopup(session, PHONE);
    const base = `chrome-extension://${session.extensionId}/`;
    const driver: Driver = {
      name: 'chromium',
      evaluate: (expression) => popup.evaluate(expression),
      async open(path) {
        const url = base + path;
        if (popup.url() === url) return;
        const sameDocument = popup.url().split('#')[0] === url.split('#')[0];
        if (sameDocument) await popup.evaluate((u) => void (location.href = u), url);
        else await popup.goto(url);
      },
      reload: async () => void (await popup.reload()),
      setWidth: (width) => popup.setViewportSize({ width, height: PHONE.height }),
      setScheme: async (colorScheme) => (await popup.emulateMedia({ colorScheme }), true),
      screenshot: async (path, fullPage) => void (await (popup as PwPage).screenshot({ path, fullPage })),
    };
    const tab = session.context.pages().find((p) => p !== popup) ?? (await session.context.newPage());
    const html = readFileSync(join('tests/fixtures', `${TAB_PAGE.fixture}.html`), 'utf8');
    const rows = await measureAll(driver, SCHEMES, async () => {
      await serveCarrierPage(session.context, TAB_PAGE.url, html);
      await tab.goto(TAB_PAGE.url);
    });
    report(rows, 'chromium');
    expect(rows).toHaveLength(SCHEMES.length * screensPerScheme);
    expect(failures(rows)).toEqual([]);
  });

  // Firefox reads the colour scheme from prefs at start-up: one browser per scheme.
  it.each(SCHEMES)('Firefox, %s: nothing scrolls sideways, nothing short wraps or is cut off', async (scheme) => {
    const session: FirefoxSession = await launchFirefox({ dark: scheme === 'dark' });
    cleanup.push(() => session.close());
    const tab = (await session.browser.pages())[0]!;
    const popup: PpPage = await session.openExtensionPage('popup.html', { type: 'window', viewport: PHONE });
    const driver: Driver = {
      name: 'firefox',
      evaluate: (expression) => popup.evaluate(expression) as Promise<never>,
      async open(path) {
        const url = `${FIREFOX_ORIGIN}/${path}`;
        const current = await popup.evaluate(() => location.href).catch(() => '');
        if (current === url) return;
        if (current.split('#')[0] === url.split('#')[0]) await popup.evaluate((u) => void (location.href = u), url);
        else await gotoExtension(popup, path);
      },
      reload: async () => void (await popup.evaluate(() => location.reload()).catch(() => undefined)),
      setWidth: (width) => setViewportSize(popup, { width, height: PHONE.height }),
      setScheme: async (wanted) => wanted === scheme,
      screenshot: async (path, fullPage) => void (await popup.screenshot({ path: path as `${string}.png`, fullPage })),
    };
    expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    session.serve(TAB_PAGE.url, readFileSync(join('tests/fixtures', `${TAB_PAGE.fixture}.html`), 'utf8'));
    const rows = await measureAll(driver, [scheme], async () => {
      await tab.goto(TAB_PAGE.url);
    });
    report(rows, `firefox-${scheme}`);
    expect(rows).toHaveLength(screensPerScheme);
    expect(failures(rows)).toEqual([]);
  });
});
