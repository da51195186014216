import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCarrierServer, type CarrierServer } from './carrier-server';
import { launchExtension, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const HOME = 'https://appweb.movistar.es/home';
const fixture = (name: string) => readFileSync(join('tests/fixtures/movistar-es', name), 'utf8');
const capped = fixture('2026-11-20-capped.html');
const signIn = fixture('2026-11-20-logged-out.html');

interface Reading {
  usedBytes: number | null;
  capturedAt: number;
}
interface Round {
  id: string;
  reason: string;
  finishedAt: number | null;
  current: { tabId: number | null } | null;
  results: Record<string, { outcome: string }>;
}

/**
 * "Check now" and scheduled checks in real Chromium, production build: the carrier page is served
 * at its real URL (its content changes between steps, as a real account's would), the background
 * opens it in an inactive tab, reads it through the ordinary content script and closes the tab.
 * Everything is observed from an extension page (the worker is stopped once on purpose).
 */
let session: ExtensionSession;
let server: CarrierServer;
let ext: Page;
let cdp: CDPSession;
let page: () => string = () => capped;
const created: boolean[] = [];

const round = () => ext.evaluate(async () => (await chrome.storage.session.get('check-round'))['check-round'] ?? null) as Promise<Round | null>;
const readings = () => readStore<Reading>(ext, 'readings');
const carrierTabs = () => ext.evaluate(async (url) => (await chrome.tabs.query({})).filter((t: { url?: string }) => t.url?.startsWith(url)).length, HOME);
const finished = async (after: string | null) => waitFor(async () => {
  const r = await round();
  return r && r.id !== after && r.finishedAt !== null ? r : null;
}, 'the round to finish', 120_000);

beforeAll(async () => {
  server = await startCarrierServer(['appweb.movistar.es'], (url) => (url.pathname === '/home' ? page() : null));
  session = await launchExtension({ args: server.args });
  await serveCarrierPage(session.context, HOME, () => page());
  // The user reads the page once: the line exists and knows where it was read.
  const tab = await session.context.newPage();
  await tab.goto(HOME);
  await waitFor(() => readStore(session.worker, 'readings'), 'the first reading');
  await tab.close();
  ext = await session.context.newPage();
  await ext.goto(`chrome-extension://${session.extensionId}/popup.html`);
  cdp = await session.context.newCDPSession(ext);
  await ext.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (globalThis as any).__created = [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    chrome.tabs.onCreated.addListener((t: { active: boolean }) => (globalThis as any).__created.push(t.active));
  });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Check now (production build, real Chromium)', () => {
  let last: string | null = null;

  it('opens the page in an inactive tab, stores the new figure, closes the tab, and the popup says so', async () => {
    page = () => capped.replaceAll('3,5 GB', '6,5 GB');
    const before = await readings();
    await ext.getByRole('button', { name: 'Check now' }).click();
    const r = (await finished(last))!;
    last = r.id;
    expect(Object.values(r.results).map((x) => x.outcome)).toEqual(['updated']);
    const after = await readings();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.usedBytes).toBe(Math.round(6.5 * 1024 ** 3));
    expect(await carrierTabs()).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    created.push(...(await ext.evaluate(() => (globalThis as any).__created as boolean[])));
    expect(created).toEqual([false]);
    await ext.locator('.check-status[data-outcome="updated"]').waitFor();
    expect(await ext.locator('.line-card .figures').innerText()).toContain('6.5');
  });

  it('on a sign-in page stores nothing and says "Sign in to update", linking to the page', async () => {
    page = () => signIn;
    const before = await readings();
    await ext.getByRole('button', { name: 'Check now' }).click();
    const r = (await finished(last))!;
    last = r.id;
    expect(Object.values(r.results).map((x) => x.outcome)).toEqual(['sign-in']);
    expect(await readings()).toEqual(before);
    const status = ext.locator('.check-status[data-outcome="sign-in"]');
    await status.waitFor();
    expect(await status.innerText()).toContain('Sign in to update');
    expect(await status.locator('a').getAttribute('href')).toBe(HOME);
    expect(await carrierTabs()).toBe(0);
  });

  it('runs on schedule from its alarm, leaving a line that needs a sign-in alone until it is read again', async () => {
    await ext.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), scheduledChecks: { enabled: true, everyHours: 6 } } });
    });
    // The schedule follows the setting: an alarm exists, hours away.
    const alarm = await waitFor(() => ext.evaluate(() => chrome.alarms.get('scheduled-checks')), 'the scheduled alarm');
    expect(alarm.scheduledTime).toBeGreaterThan(Date.now() + 30 * 60_000);
    await ext.evaluate(() => chrome.alarms.create('scheduled-checks', { when: Date.now() }));
    let r = (await finished(last))!;
    last = r.id;
    expect(r.reason).toBe('scheduled');
    expect(Object.values(r.results).map((x) => x.outcome)).toEqual(['skipped-sign-in']);

    // The user signs in and visits the page; the next scheduled check reads the line again.
    page = () => capped.replaceAll('3,5 GB', '7,5 GB');
    const tab = await session.context.newPage();
    await tab.goto(HOME);
    await waitFor(async () => ((await readings()).at(-1)?.usedBytes === Math.round(7.5 * 1024 ** 3) ? true : null), 'the visit’s reading');
    await tab.close();
    page = () => capped.replaceAll('3,5 GB', '8 GB');
    await ext.evaluate(() => chrome.alarms.create('scheduled-checks', { when: Date.now() }));
    r = (await finished(last))!;
    last = r.id;
    expect(Object.values(r.results).map((x) => x.outcome)).toEqual(['updated']);
    expect((await readings()).at(-1)!.usedBytes).toBe(8 * 1024 ** 3);
  });

  it('loses no line and leaves no tab open when the worker stops in the middle of a check', async () => {
    // A page that takes 8 s to show its figures: the worker is stopped while the check waits.
    const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(capped.replaceAll('3,5 GB', '9 GB'))![1]!;
    page = () => capped.replace(/<body([^>]*)>[\s\S]*<\/body>/, `<body$1><p>Cargando…</p><script>setTimeout(() => { document.body.innerHTML = ${JSON.stringify(body)}; }, 8000)</script></body>`);
    await ext.getByRole('button', { name: 'Check now' }).click();
    await waitFor(async () => ((await round())?.current?.tabId != null ? true : null), 'the check’s tab');
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Anything that wakes the worker resumes the round (here the resume alarm, at most 30 s later;
    // an extension page's message would do too).
    await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'database-ready' }));
    const r = (await finished(last))!;
    expect(Object.values(r.results).map((x) => x.outcome)).toEqual(['updated']);
    expect((await readings()).at(-1)!.usedBytes).toBe(9 * 1024 ** 3);
    expect(await carrierTabs()).toBe(0);
  });
});
