import { vi } from 'vitest';
import { defineCarrier } from '@/lib/carriers/types';
import { observableRoots } from '@/lib/content/roots';
import type { StoreReply } from '@/lib/messages/schemas';
import type { PageJsonAnswer } from '@/lib/page-json/envelope';
import { createPageWatcher, type PageWatcher, type PageWatcherDeps } from '@/lib/reader/page-watcher';
import type { PageReading } from '@/lib/vocabulary/reading';
import { GB, pageReading } from '../helpers/readings';

/**
 * A stand-in adapter for the watcher's tests: reads `<b id="used">N</b> GB de 20 GB` as N GB of
 * 20 GB, wherever it is — the document, an open shadow root or a same-origin frame — and charges
 * `readCostMs` of (simulated) time per read, so tests can see what reading costs.
 */
export const harness = {
  readCostMs: 0,
  /** Simulated time spent inside reads; the watcher's clock includes it. */
  elapsedInReads: 0,
  reads: 0,
};

export const fakeAdapter = defineCarrier(
  { id: 'fake-carrier', label: 'Fake', country: 'ES', locale: 'es-ES', unitBase: 1024, matches: ['https://fake.example/*'], usageUrl: 'https://fake.example/' },
  {
    parse(doc) {
      harness.reads += 1;
      harness.elapsedInReads += harness.readCostMs;
      const roots = observableRoots(doc);
      const find = (selector: string) => roots.map((r) => r.querySelector(selector)).find((el) => el !== null) ?? null;
      if (find('input[type=password]')) return { ok: false, reason: 'logged-out', detail: '' };
      const used = find('#used')?.textContent;
      if (!used && find('[data-offers]')) return { ok: false, reason: 'not-usage-page', detail: 'offers only' };
      if (!used) return { ok: false, reason: 'layout-changed', detail: 'labels but no figures' };
      const gb = Number(used);
      return { ok: true, readings: [pageReading({ usedBytes: gb * GB, remainingBytes: Math.max(0, 20 - gb) * GB })] };
    },
  },
);

/** The figure markup the fake adapter reads. */
export const figure = (gb: number | string) => `<p class="roundel"><b id="used">${gb}</b> GB de 20 GB</p>`;

export interface Run {
  watcher: PageWatcher;
  sent: PageReading[][];
  /** The JSON answers sent with each message (same order as `sent`). */
  answers: PageJsonAnswer[][];
  reply: StoreReply;
}

export function makeWatcher(overrides: Partial<PageWatcherDeps> = {}): Run {
  const run: Run = { sent: [], answers: [], reply: { ok: true, stored: 1, confirmed: 0 }, watcher: undefined as unknown as PageWatcher };
  run.watcher = createPageWatcher({
    adapter: fakeAdapter,
    doc: document,
    url: () => new URL('https://fake.example/usage'),
    now: () => Date.UTC(2026, 10, 20),
    send: async (readings, pageJson) => {
      run.sent.push(readings);
      run.answers.push(pageJson);
      return run.reply;
    },
    clock: () => Date.now() + harness.elapsedInReads,
    ...overrides,
  });
  return run;
}

export function resetHarness(): void {
  harness.readCostMs = 0;
  harness.elapsedInReads = 0;
  harness.reads = 0;
  document.body.innerHTML = '<main id="app"></main>';
}

/** Lets MutationObserver callbacks and timers run for `ms` of fake time. */
export async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

export const app = () => document.getElementById('app')!;
export const usedOf = (sent: PageReading[][]) => sent.map((readings) => readings[0]!.usedBytes! / GB);
