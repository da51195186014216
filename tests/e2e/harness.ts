import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { readStoreInPage } from './in-page';

/** The extension APIs as seen inside the service worker (evaluated there, not in Node). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

export const CHROME_DIST = resolve('.output/chrome-mv3');
export const ARTIFACTS = resolve('test-results');

/** Debian's Chromium (installed by .ci/run); override with CHROMIUM_PATH. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('Chromium not found: run `apt-get install -y chromium` or set CHROMIUM_PATH');
  return found;
}

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * The production build in real Chromium, on a fresh profile. Every request leaving the browser
 * is answered by the test (routed carrier pages) or aborted, so nothing reaches a network.
 */
export async function launchExtension(options: { args?: string[] } = {}): Promise<ExtensionSession> {
  if (!existsSync(join(CHROME_DIST, 'manifest.json'))) throw new Error(`No build at ${CHROME_DIST}: run npm run build first`);
  const profile = mkdtempSync(join(tmpdir(), 'esim-guard-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 360, height: 600 },
    args: [
      `--disable-extensions-except=${CHROME_DIST}`,
      `--load-extension=${CHROME_DIST}`,
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(options.args ?? []),
    ],
  });
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves `html` at a real carrier URL: the shipped content-script matches apply unchanged. */
export async function serveCarrierPage(context: BrowserContext, url: string, html: string | (() => string)): Promise<void> {
  // Requests never carry the #fragment (single-page apps route on it), so the route must not either.
  await context.route(url.split('#')[0]!, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: typeof html === 'string' ? html : html() }),
  );
}

/**
 * All rows of an object store of the extension's database, read inside the service worker or an
 * extension page (after a worker restart Playwright's old worker handle no longer answers).
 */
export async function readStore<T = Record<string, unknown>>(where: Worker | Page, store: 'lines' | 'readings' | 'alerts'): Promise<T[]> {
  return (where as Worker).evaluate(readStoreInPage<T>, store);
}

export async function badgeOf(worker: Worker): Promise<{ text: string; color: number[]; title: string }> {
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: await chrome.action.getBadgeBackgroundColor({}),
    title: await chrome.action.getTitle({}),
  }));
}

/** Polls until `probe` returns a truthy value (SPAs, messages and IndexedDB are all asynchronous). */
export async function waitFor<T>(probe: () => Promise<T>, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await probe();
    if (last && (!Array.isArray(last) || last.length > 0)) return last;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < deadline);
  throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}

/**
 * Opens the popup the way a click on the toolbar button would show it next to a page: in its own
 * window, so the carrier tab stays the active tab of the normal window.
 */
export async function openPopup(session: ExtensionSession, size = { width: 360, height: 600 }): Promise<Page> {
  const url = `chrome-extension://${session.extensionId}/popup.html`;
  const pagePromise = session.context.waitForEvent('page', (page) => page.url().startsWith(url));
  await session.worker.evaluate(
    ({ url, size }) => chrome.windows.create({ url, type: 'popup', width: size.width, height: size.height }),
    { url, size },
  );
  const popup = await pagePromise;
  await popup.setViewportSize(size);
  await popup.waitForLoadState('domcontentloaded');
  return popup;
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
