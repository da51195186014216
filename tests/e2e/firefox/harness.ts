import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { readStoreInPage } from '../in-page';

/**
 * The Firefox build (MV2) in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi
 * (no geckodriver). The build is installed as a temporary add-on, exactly as it ships. Carrier
 * pages are served at their real https URLs by request interception, every other request is
 * refused, and a dead proxy (port 9) stands behind that, so nothing can reach a network.
 */
export const FIREFOX_DIST = resolve('.output/firefox-mv2');
/** Fixed in advance through a pref, so the add-on's pages have a known origin. */
const UUID = '5e1d2c3b-4a59-4f68-9b7a-8c6d5e4f3a2b';
export const ORIGIN = `moz-extension://${UUID}`;

/** Debian's firefox-esr (installed by .ci/run); override with FIREFOX_PATH. */
function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('Firefox not found: run `apt-get install -y firefox-esr` or set FIREFOX_PATH');
  return found;
}

export type Html = string | (() => string);

/** A request some guarded tab made, as the interception saw it. */
export interface SeenRequest {
  url: string;
  method: string;
  /** A navigation (a document loading in a tab or frame); BiDi gives puppeteer no finer type. */
  navigation: boolean;
  /** The URL of the frame that made it, when known. */
  from: string;
}

export interface FirefoxSession {
  browser: Browser;
  /** Every request any tab opened through the session made, in order. */
  requests: SeenRequest[];
  /** Serves `html` at a real carrier URL (without its #fragment) in every tab opened after or before. */
  serve(url: string, html: Html, contentType?: string): void;
  /** A new tab (or window) whose requests go only to the served pages. */
  newPage(type?: 'tab' | 'window'): Promise<Page>;
  /** A new tab outside the interception: its requests go to the network (the proxy). */
  newUnguardedTab(): Promise<Page>;
  /** A carrier page in a new tab, loaded. */
  openCarrierPage(url: string): Promise<Page>;
  /** An extension page (e.g. `popup.html#line=1`) in a new tab or window, loaded. */
  openExtensionPage(path: string, options?: { type?: 'tab' | 'window'; viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * `proxyPort`: where Firefox sends whatever leaves the browser (by default port 9, where nothing
 * listens). A test that must see every attempt, from any context, points it at a recorder.
 */
export async function launchFirefox(options: { dark?: boolean; proxyPort?: number } = {}): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_DIST, 'manifest.json'))) throw new Error(`No build at ${FIREFOX_DIST}: run npm run build first`);
  const geckoId = JSON.parse(readFileSync(join(FIREFOX_DIST, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id as string;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Without it, BiDi refuses to open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': options.proxyPort ?? 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': options.proxyPort ?? 9,
      'network.proxy.no_proxies_on': '',
      // Firefox's own notification windows: headless, the system backend closes every
      // notification at once, so `notifications.getAll()` could not see one.
      'alerts.useSystemBackend': false,
      ...(options.dark ? { 'layout.css.prefers-color-scheme.content-override': 0, 'ui.systemUsesDarkTheme': 1 } : { 'layout.css.prefers-color-scheme.content-override': 1, 'ui.systemUsesDarkTheme': 0 }),
    },
  });
  try {
    await browser.installExtension(FIREFOX_DIST);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const routes = new Map<string, { html: Html; contentType: string }>();
  const requests: SeenRequest[] = [];
  const answer = (request: HTTPRequest) => {
    const url = request.url();
    requests.push({ url, method: request.method(), navigation: request.isNavigationRequest(), from: request.frame()?.url() ?? 'unknown' });
    const served = routes.get(url.split('#')[0]!);
    if (served !== undefined) {
      const { html, contentType } = served;
      void request.respond({ status: 200, contentType, body: typeof html === 'string' ? html : html() });
    } else if (/^(https?|wss?|ftp):/i.test(url)) {
      void request.abort('internetdisconnected');
    } else {
      void request.continue();
    }
  };
  const guard = async (page: Page) => {
    await page.setRequestInterception(true);
    page.on('request', answer);
    return page;
  };
  // The tab Firefox starts with is guarded too: it is where a first carrier page may load.
  const startTabs = await browser.pages();
  for (const page of startTabs) await guard(page);
  const newTab = async (): Promise<Page> => {
    // Firefox ESR 140 cannot open a tab while a popup-type window (where the popup is shown)
    // is the last focused one: bring a tab of the normal window to the front first. On a busy
    // machine the focus change can land after the request, which then fails with "selectedTab
    // … is undefined": wait and ask again, a few times.
    for (let attempt = 1; ; attempt++) {
      const anchor = startTabs.find((p) => !p.isClosed());
      if (anchor) await anchor.bringToFront().catch(() => undefined);
      try {
        return await browser.newPage({ type: 'tab' });
      } catch (error) {
        if (attempt >= 5 || !/selectedTab/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  };

  const session: FirefoxSession = {
    browser,
    requests,
    serve: (url, html, contentType = 'text/html; charset=utf-8') => void routes.set(url.split('#')[0]!, { html, contentType }),
    newPage: async (type = 'tab') => guard(await (type === 'tab' ? newTab() : browser.newPage({ type }))),
    newUnguardedTab: newTab,
    async openCarrierPage(url) {
      const page = await session.newPage();
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path, { type = 'tab', viewport } = {}) {
      const page = await session.newPage(type);
      if (viewport) await setViewportSize(page, viewport);
      await gotoExtension(page, path);
      return page;
    },
    close: () => browser.close(),
  };
  return session;
}

/** What `firefoxForFile` holds for a file's tests once its `beforeAll` has run. */
export interface FirefoxFile {
  session: FirefoxSession;
  /** An extension page kept open in a tab, to read IndexedDB, storage and the badge. */
  ext: Page;
}

/**
 * One Firefox for a whole test file (start-up is most of the cost), with the popup page open in a
 * tab: launched in the file's `beforeAll`, then `prepare` (serve pages, read a first one), and
 * closed in its `afterAll`. The returned object is filled in before the first test runs.
 */
export function firefoxForFile(prepare?: (file: FirefoxFile) => Promise<void>): FirefoxFile {
  const file = {} as FirefoxFile;
  beforeAll(async () => {
    file.session = await launchFirefox();
    file.ext = await file.session.openExtensionPage('popup.html');
    await prepare?.(file);
  });
  afterAll(async () => {
    await file.session?.close();
  });
  return file;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sizes a page's viewport with BiDi's `browsingContext.setViewport` alone. puppeteer's
 * `setViewport` also sends `emulation.setScreenOrientationOverride`, which Firefox ESR 140 (what
 * Debian bookworm installs) does not know, so it fails there.
 */
export async function setViewportSize(page: Page, size: { width: number; height: number }): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext?: { setViewport(options: object): Promise<void> } };
  if (!frame.browsingContext) throw new Error('setViewportSize: not a WebDriver BiDi page');
  await frame.browsingContext.setViewport({ viewport: { width: size.width, height: size.height }, devicePixelRatio: null });
}

/**
 * Loads an extension page. puppeteer never sees a navigation to moz-extension:// finish, so the
 * navigation is started, not awaited, and the page itself is asked when it has loaded.
 */
export async function gotoExtension(page: Page, path: string, timeoutMs = 45_000): Promise<void> {
  const url = `${ORIGIN}/${path}`;
  page.goto(url).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const loaded = await page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false);
    if (loaded) return;
    await pause(100);
  }
  throw new Error(`Timed out loading ${url}`);
}

/** Polls `probe` in `page` until it returns something truthy (the page may be navigating meanwhile). */
export async function waitInPage<T>(page: Page, expression: string, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  do {
    // A page in the middle of a navigation cannot answer: ask again.
    last = await page.evaluate(expression).catch((error: Error) => ({ error: error.message }));
    const failed = typeof last === 'object' && last !== null && 'error' in last;
    if (last && !failed && (!Array.isArray(last) || last.length > 0)) return last as T;
    await pause(100);
  } while (Date.now() < deadline);
  throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}

/** All rows of an object store of the extension's database, read from an extension page. */
export function readStore<T = Record<string, unknown>>(page: Page, store: 'lines' | 'readings' | 'alerts'): Promise<T[]> {
  return page.evaluate(readStoreInPage<T>, store);
}

/** The toolbar button as Firefox shows it: MV2's `browserAction`. */
export function badgeOf(page: Page): Promise<{ text: string; color: number[]; title: string }> {
  return page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const action = (globalThis as any).browser.browserAction;
    return { text: await action.getBadgeText({}), color: await action.getBadgeBackgroundColor({}), title: await action.getTitle({}) };
  });
}

/** The visible text of a page, with the narrow spaces Intl puts in numbers made plain. */
export async function textOf(page: Page, selector = 'body'): Promise<string> {
  const text = await page.$eval(selector, (el) => (el as HTMLElement).innerText);
  return text.replace(/[\u00A0\u202F]/g, ' ');
}

/**
 * The popup as the toolbar button shows it beside a page: in a window of its own, so the carrier
 * tab stays the active tab of the normal window. (Firefox for Android shows it full-window.)
 */
export function openPopup(session: FirefoxSession, viewport = { width: 360, height: 600 }): Promise<Page> {
  return session.openExtensionPage('popup.html', { type: 'window', viewport });
}

/** Console errors and uncaught exceptions of a page, collected for a final check. */
export function watchErrors(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${(error as Error).message ?? String(error)}`));
}

/**
 * Restarts the add-on (`runtime.reload()`: what a browser restart or an update does to it) and
 * returns a fresh extension page once it is back. The old page dies with the add-on.
 */
export async function restartExtension(session: FirefoxSession, ext: Page): Promise<Page> {
  await ext.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    setTimeout(() => (globalThis as any).browser.runtime.reload(), 0);
  });
  const deadline = Date.now() + 45_000;
  while (await ext.evaluate(() => true).catch(() => false)) {
    if (Date.now() > deadline) throw new Error('The add-on did not unload');
    await pause(100);
  }
  return session.openExtensionPage('popup.html');
}

export interface ContentStatus {
  carrierId: string;
  state: string;
  lines: number;
}

/**
 * What the content script of an open `carrierId` page says it found (the popup asks the same
 * question), or null while no such script answers: proof that the page has been read.
 */
export function contentStatus(ext: Page, carrierId: string): Promise<ContentStatus | null> {
  return ext.evaluate(async (id) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const api = (globalThis as any).browser;
    for (const tab of await api.tabs.query({})) {
      const reply = await api.tabs.sendMessage(tab.id, { type: 'status-request' }).catch(() => null);
      if (reply && reply.carrierId === id) return reply as ContentStatus;
    }
    return null;
  }, carrierId);
}
