import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_JSON_MAX_CHARS } from '@/lib/page-json/envelope';
import { STEADY_MS } from '@/lib/reader/page-watcher';
import { advance, app, figure, makeWatcher, resetHarness, usedOf } from './watcher-harness';

/** Past the steadiness check: a figure is sent once it has been seen for STEADY_MS. */
const SENT = STEADY_MS + 1_000;

beforeEach(() => {
  vi.useFakeTimers();
  resetHarness();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PageWatcher', () => {
  it('reads figures already on the page and sends them once they have held steady', async () => {
    app().innerHTML = figure(3);
    const { watcher, sent } = makeWatcher();
    watcher.start();
    await advance(STEADY_MS - 500);
    expect(sent).toHaveLength(0);
    await advance(1_500);
    expect(usedOf(sent)).toEqual([3]);
    expect(watcher.status).toMatchObject({ state: 'read', lines: 1, carrierId: 'fake-carrier' });
    await advance(60_000);
    expect(sent).toHaveLength(1);
    watcher.stop();
  });

  it('waits for figures that render late, then reads them', async () => {
    const { watcher, sent } = makeWatcher();
    watcher.start();
    await advance(1_000);
    expect(sent).toHaveLength(0);
    expect(watcher.status.state).toBe('waiting');

    await advance(35_000); // China Mobile HK takes 30-40 s
    app().innerHTML = figure(7);
    await advance(SENT);
    expect(usedOf(sent)).toEqual([7]);
    expect(watcher.status.state).toBe('read');
    watcher.stop();
  });

  it('sends a re-rendered identical figure only once, and a changed one again', async () => {
    const { watcher, sent } = makeWatcher();
    watcher.start();
    app().innerHTML = figure(3);
    await advance(SENT);
    app().innerHTML = `<div>${figure(3)}</div>`;
    await advance(SENT);
    expect(sent).toHaveLength(1);
    document.getElementById('used')!.textContent = '4';
    await advance(15_000);
    expect(usedOf(sent)).toEqual([3, 4]);
    watcher.stop();
  });

  it('gives up after the bound with a verdict and stops observing', async () => {
    const { watcher, sent } = makeWatcher();
    watcher.start();
    await advance(90_001);
    expect(watcher.status).toMatchObject({ state: 'layout-changed', detail: 'labels but no figures' });
    app().innerHTML = figure(3);
    await advance(30_000);
    expect(sent).toHaveLength(0);
  });

  it('watches again after a route change', async () => {
    const { watcher, sent } = makeWatcher();
    watcher.start();
    await advance(90_001);
    app().innerHTML = figure(5);
    watcher.restart();
    await advance(SENT);
    expect(usedOf(sent)).toEqual([5]);
    watcher.stop();
  });

  it('says “not a usage page” at once, and corrects it when figures appear', async () => {
    app().setAttribute('data-offers', '');
    const { watcher } = makeWatcher();
    watcher.start();
    await advance(500);
    expect(watcher.status.state).toBe('not-usage-page');
    app().innerHTML = figure(2);
    await advance(SENT);
    expect(watcher.status.state).toBe('read');
    watcher.stop();
  });

  it('says logged out at once on a sign-in page', async () => {
    app().innerHTML = '<input type="password">';
    const { watcher } = makeWatcher();
    watcher.start();
    await advance(500);
    expect(watcher.status.state).toBe('logged-out');
    watcher.stop();
  });

  it('reports a background rejection and retries on the next change', async () => {
    app().innerHTML = figure(3);
    const run = makeWatcher();
    run.reply = { ok: false, error: 'untrusted sender' };
    run.watcher.start();
    await advance(SENT);
    expect(run.watcher.status).toMatchObject({ state: 'rejected', detail: 'untrusted sender' });
    run.reply = { ok: true, stored: 1, confirmed: 0 };
    app().innerHTML = figure(3);
    await advance(15_000);
    expect(run.sent).toHaveLength(2);
    expect(run.watcher.status.state).toBe('read');
    run.watcher.stop();
  });
});

describe('PageWatcher: shadow roots and same-origin frames', () => {
  it('reads figures rendered late inside an open shadow root attached after the start', async () => {
    const { watcher, sent } = makeWatcher();
    watcher.start();
    await advance(2_000);
    const host = document.createElement('usage-card');
    app().appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    await advance(2_000);
    // The card fills in later, inside its shadow root only: the document itself does not change.
    const inner = document.createElement('section');
    shadow.appendChild(inner);
    await advance(3_000);
    inner.innerHTML = figure(6);
    await advance(SENT);
    expect(usedOf(sent)).toEqual([6]);
    watcher.stop();
  });

  it('follows a figure that changes inside a nested shadow root', async () => {
    const outer = document.createElement('app-shell');
    app().appendChild(outer);
    const middle = document.createElement('usage-ring');
    outer.attachShadow({ mode: 'open' }).appendChild(middle);
    middle.attachShadow({ mode: 'open' }).innerHTML = figure(2);
    const { watcher, sent } = makeWatcher();
    watcher.start();
    await advance(SENT);
    middle.shadowRoot!.getElementById('used')!.textContent = '9';
    await advance(15_000);
    expect(usedOf(sent)).toEqual([2, 9]);
    watcher.stop();
  });

  it('reads figures written late into a same-origin frame that loads after the start', async () => {
    const { watcher, sent } = makeWatcher();
    watcher.start();
    await advance(2_000);
    const frame = document.createElement('iframe');
    frame.srcdoc = '<div id="late"></div>';
    app().appendChild(frame);
    await advance(2_000);
    frame.contentDocument!.getElementById('late')!.innerHTML = figure(4);
    await advance(SENT);
    expect(usedOf(sent)).toEqual([4]);
    // The frame navigates: its new document is watched too.
    frame.srcdoc = '<div id="next"></div>';
    await advance(2_000);
    frame.contentDocument!.getElementById('next')!.innerHTML = figure(4.5);
    await advance(15_000);
    expect(usedOf(sent)).toEqual([4, 4.5]);
    watcher.stop();
  });
});

describe('PageWatcher: the page’s own JSON answers, passed on raw', () => {
  const API = 'https://fake.example/api/usage';
  const answer = (used: number, url = API) => ({ url, body: JSON.stringify({ used }) });

  it('sends the page’s readings and its JSON answers in one message, and shows what the background stored', async () => {
    app().innerHTML = figure(3);
    const run = makeWatcher();
    run.reply = { ok: true, stored: 1, confirmed: 0, lines: 1 };
    run.watcher.start();
    run.watcher.offerJson(answer(3.25));
    await advance(SENT);
    expect(usedOf(run.sent)).toEqual([3]);
    expect(run.answers).toEqual([[answer(3.25)]]);
    expect(run.watcher.status).toMatchObject({ state: 'read', lines: 1 });
    run.watcher.stop();
  });

  it('sends JSON answers alone when the page shows nothing readable, and counts the lines the background read', async () => {
    app().innerHTML = '<p>Cargando…</p>';
    const run = makeWatcher();
    run.reply = { ok: true, stored: 2, confirmed: 0, lines: 1 };
    run.watcher.offerJson(answer(8));
    run.watcher.start();
    await advance(SENT);
    expect(run.sent).toEqual([[]]);
    expect(run.answers).toEqual([[answer(8)]]);
    expect(run.watcher.status).toMatchObject({ state: 'read', lines: 1 });
    run.watcher.stop();
  });

  it('says signed out when the background finds the JSON says so, over figures still on screen, and keeps saying it', async () => {
    app().innerHTML = figure(3);
    const run = makeWatcher();
    run.reply = { ok: true, stored: 0, confirmed: 0, verdict: 'logged-out' };
    run.watcher.start();
    run.watcher.offerJson(answer(0));
    await advance(SENT);
    expect(run.sent).toHaveLength(1);
    expect(run.watcher.status).toMatchObject({ state: 'logged-out', detail: 'page JSON: not signed in' });
    app().innerHTML = `<div>${figure(3)}</div>`;
    await advance(15_000);
    expect(run.sent).toHaveLength(1);
    expect(run.watcher.status.state).toBe('logged-out');
    run.watcher.stop();
  });

  it('keeps the page’s own verdict when nothing was readable, “waiting” while the page is still watched', async () => {
    app().innerHTML = '<p>Cargando…</p>';
    const run = makeWatcher();
    run.reply = { ok: true, stored: 0, confirmed: 0, verdict: 'layout-changed' };
    run.watcher.offerJson(answer(1));
    run.watcher.start();
    await advance(SENT);
    expect(run.sent).toHaveLength(1);
    expect(run.watcher.status.state).toBe('waiting');
    await advance(90_000);
    expect(run.watcher.status).toMatchObject({ state: 'layout-changed', detail: 'labels but no figures' });
    expect(run.sent).toHaveLength(1);
  });

  it('sends nothing on a page that shows a sign-in form, whatever the JSON', async () => {
    app().innerHTML = '<input type="password">';
    const run = makeWatcher();
    run.watcher.offerJson(answer(4));
    run.watcher.start();
    await advance(SENT);
    expect(run.sent).toHaveLength(0);
    expect(run.watcher.status.state).toBe('logged-out');
    run.watcher.stop();
  });

  it('sends a changed JSON body again, but not the same body fetched again', async () => {
    app().innerHTML = figure(3);
    const run = makeWatcher();
    run.watcher.start();
    run.watcher.offerJson(answer(3, `${API}?_=1`));
    await advance(SENT);
    run.watcher.offerJson(answer(3, `${API}?_=2`));
    await advance(15_000);
    expect(run.sent).toHaveLength(1);
    run.watcher.offerJson(answer(3.5, `${API}?_=3`));
    await advance(15_000);
    expect(run.answers).toEqual([[answer(3, `${API}?_=1`)], [answer(3.5, `${API}?_=3`)]]);
    run.watcher.stop();
  });

  it('keeps the latest answer of each call, at most four, none over the cap, and none once stale', async () => {
    app().innerHTML = figure(3);
    const run = makeWatcher();
    run.watcher.start();
    for (const call of ['a', 'b', 'c', 'd', 'e', 'b']) run.watcher.offerJson(answer(1, `${API}/${call}`));
    run.watcher.offerJson({ url: `${API}/f`, body: 'x'.repeat(PAGE_JSON_MAX_CHARS + 1) });
    await advance(SENT);
    expect(run.answers[0]!.map((a) => a.url.slice(API.length))).toEqual(['/c', '/d', '/e', '/b']);
    // 90 s later the answers are old: the page's own figures go alone (the window's last read
    // sends them once more without the answers, then a new view is read from its text).
    await advance(95_000);
    run.watcher.restart();
    app().innerHTML = figure(6);
    await advance(15_000);
    expect(usedOf(run.sent)).toEqual([3, 3, 6]);
    expect(run.answers.slice(1)).toEqual([[], []]);
    run.watcher.stop();
  });
});
