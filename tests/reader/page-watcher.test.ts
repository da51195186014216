import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineCarrier } from '@/lib/carriers/types';
import { type PageReading } from '@/lib/vocabulary/reading';
import type { StoreReply } from '@/lib/messages/schemas';
import { PageWatcher } from '@/lib/reader/page-watcher';
import { GB, pageReading } from '../helpers/readings';

/** A stand-in adapter: reads `<b id="used">N</b>` as N GB of 20 GB. */
const fakeAdapter = defineCarrier(
  { id: 'fake-carrier', label: 'Fake', country: 'ES', locale: 'es-ES', unitBase: 1024, matches: ['https://fake.example/*'], usageUrl: 'https://fake.example/' },
  {
  parse(doc) {
    if (doc.querySelector('input[type=password]')) return { ok: false, reason: 'logged-out', detail: '' };
    const used = doc.getElementById('used')?.textContent;
    if (!used && doc.querySelector('[data-offers]')) return { ok: false, reason: 'not-usage-page', detail: 'offers only' };
    if (!used) return { ok: false, reason: 'layout-changed', detail: 'labels but no figures' };
    const gb = Number(used);
    return { ok: true, readings: [pageReading({ usedBytes: gb * GB, remainingBytes: Math.max(0, 20 - gb) * GB })] };
  },
  },
);

let sent: PageReading[][];
let reply: StoreReply;

function makeWatcher() {
  return new PageWatcher({
    adapter: fakeAdapter,
    doc: document,
    url: () => new URL('https://fake.example/usage'),
    now: () => Date.UTC(2026, 10, 20),
    send: async (readings) => {
      sent.push(readings);
      return reply;
    },
    boundMs: 90_000,
    settleMs: 400,
  });
}

/** Lets MutationObserver callbacks and the settle timer run. */
async function settle(ms = 500) {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<main id="app"></main>';
  sent = [];
  reply = { ok: true, stored: 1, confirmed: 0 };
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PageWatcher', () => {
  it('reads figures already on the page and sends them once', async () => {
    document.getElementById('app')!.innerHTML = '<b id="used">3</b>';
    const watcher = makeWatcher();
    watcher.start();
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]![0]!.usedBytes).toBe(3 * GB);
    expect(watcher.status).toMatchObject({ state: 'read', lines: 1, carrierId: 'fake-carrier' });
    watcher.stop();
  });

  it('waits for figures that render late, then reads them', async () => {
    const watcher = makeWatcher();
    watcher.start();
    await settle();
    expect(sent).toHaveLength(0);
    expect(watcher.status.state).toBe('waiting');

    await vi.advanceTimersByTimeAsync(35_000); // China Mobile HK takes 30-40 s
    document.getElementById('app')!.innerHTML = '<b id="used">7</b>';
    await settle();
    expect(sent.map((r) => r[0]!.usedBytes)).toEqual([7 * GB]);
    expect(watcher.status.state).toBe('read');
    watcher.stop();
  });

  it('sends a re-rendered identical figure only once, and a changed one again', async () => {
    const watcher = makeWatcher();
    watcher.start();
    document.getElementById('app')!.innerHTML = '<b id="used">3</b>';
    await settle();
    document.getElementById('app')!.innerHTML = '<div><b id="used">3</b></div>';
    await settle();
    expect(sent).toHaveLength(1);
    document.getElementById('used')!.textContent = '4';
    await settle();
    expect(sent.map((r) => r[0]!.usedBytes)).toEqual([3 * GB, 4 * GB]);
    watcher.stop();
  });

  it('gives up after the bound with a verdict and stops observing', async () => {
    const watcher = makeWatcher();
    watcher.start();
    await vi.advanceTimersByTimeAsync(90_001);
    expect(watcher.status).toMatchObject({ state: 'layout-changed', detail: 'labels but no figures' });
    document.getElementById('app')!.innerHTML = '<b id="used">3</b>';
    await settle(5_000);
    expect(sent).toHaveLength(0);
  });

  it('watches again after a route change', async () => {
    const watcher = makeWatcher();
    watcher.start();
    await vi.advanceTimersByTimeAsync(90_001);
    document.getElementById('app')!.innerHTML = '<b id="used">5</b>';
    watcher.restart();
    await settle();
    expect(sent.map((r) => r[0]!.usedBytes)).toEqual([5 * GB]);
    watcher.stop();
  });

  it('says “not a usage page” at once, and corrects it when figures appear', async () => {
    document.getElementById('app')!.setAttribute('data-offers', '');
    const watcher = makeWatcher();
    watcher.start();
    await settle();
    expect(watcher.status.state).toBe('not-usage-page');
    document.getElementById('app')!.innerHTML = '<b id="used">2</b>';
    await settle();
    expect(watcher.status.state).toBe('read');
    watcher.stop();
  });

  it('says logged out at once on a sign-in page', async () => {
    document.getElementById('app')!.innerHTML = '<input type="password">';
    const watcher = makeWatcher();
    watcher.start();
    await settle();
    expect(watcher.status.state).toBe('logged-out');
    watcher.stop();
  });

  it('reports a background rejection and retries on the next change', async () => {
    reply = { ok: false, error: 'untrusted sender' };
    document.getElementById('app')!.innerHTML = '<b id="used">3</b>';
    const watcher = makeWatcher();
    watcher.start();
    await settle();
    expect(watcher.status).toMatchObject({ state: 'rejected', detail: 'untrusted sender' });
    reply = { ok: true, stored: 1, confirmed: 0 };
    document.getElementById('app')!.appendChild(document.createElement('i'));
    await settle();
    expect(sent).toHaveLength(2);
    expect(watcher.status.state).toBe('read');
    watcher.stop();
  });
});
