import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SENDS_PER_LOAD, SEND_GAP_MS, STEADY_MS } from '@/lib/reader/page-watcher';
import { advance, app, figure, harness, makeWatcher, resetHarness, usedOf } from './watcher-harness';

/**
 * What an adversarial run did to the watcher (issue 16 #8, #14, #15), replayed with fake timers:
 * each test fails on a watcher that sends what it reads at once and re-reads on every change.
 */
beforeEach(() => {
  vi.useFakeTimers();
  resetHarness();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a figure must hold steady before it is sent (#8)', () => {
  it('never sends a 3-second promo glitch over the real figures', async () => {
    app().innerHTML = figure(2);
    const { watcher, sent } = makeWatcher();
    watcher.start();
    await advance(STEADY_MS + 1_000);
    expect(usedOf(sent)).toEqual([2]);
    // "16.5 GB used" flashes for three seconds (an animation, a promo banner), then the page is right again.
    document.getElementById('used')!.textContent = '16.5';
    await advance(3_000);
    document.getElementById('used')!.textContent = '2';
    await advance(60_000);
    expect(usedOf(sent)).toEqual([2]);
    watcher.stop();
  });

  it('never sends a glitch shown while the page loads, and sends the figures that follow', async () => {
    app().innerHTML = figure(16.5);
    const { watcher, sent } = makeWatcher();
    watcher.start();
    await advance(3_000);
    document.getElementById('used')!.textContent = '2.5';
    await advance(STEADY_MS - 500);
    expect(sent).toHaveLength(0);
    await advance(2_000);
    expect(usedOf(sent)).toEqual([2.5]);
    watcher.stop();
  });

  it('sends nothing while the figures keep changing', async () => {
    app().innerHTML = figure(1);
    const { watcher, sent } = makeWatcher();
    watcher.start();
    for (let i = 0; i < 40; i++) {
      document.getElementById('used')!.textContent = String(1 + (i % 7));
      await advance(1_000);
    }
    expect(sent).toHaveLength(0);
    expect(watcher.status.state).toBe('waiting');
    await advance(STEADY_MS + 2_000);
    expect(sent).toHaveLength(1);
    watcher.stop();
  });
});

describe('a page cannot flood the reader (#14)', () => {
  it('turns 3,000 route changes with new figures in 60 s into a bounded number of reads and sends', async () => {
    app().innerHTML = figure(0);
    const { watcher, sent } = makeWatcher();
    watcher.start();
    for (let i = 1; i <= 3_000; i++) {
      document.getElementById('used')!.textContent = String((i % 190) / 10);
      watcher.restart(); // what a same-document navigation does
      await advance(20);
    }
    expect(sent.length).toBeLessThanOrEqual(1 + 60_000 / SEND_GAP_MS);
    // Reads are coalesced and paced: a few per second at most, never one per navigation.
    expect(harness.reads).toBeLessThanOrEqual(250);
    // When the page stops, its last figures are read and sent once.
    document.getElementById('used')!.textContent = '7';
    const before = sent.length;
    await advance(STEADY_MS + SEND_GAP_MS);
    expect(usedOf(sent).slice(before)).toEqual([7]);
    watcher.stop();
  });

  it('sends at most one reading per send gap, however often steady figures change', async () => {
    app().innerHTML = figure(1);
    const { watcher, sent } = makeWatcher();
    watcher.start();
    for (let i = 0; i < 10; i++) {
      await advance(STEADY_MS + 500);
      document.getElementById('used')!.textContent = String(2 + i);
    }
    // 10 figures that each held 5.5 s, over 55 s: one send per 10 s.
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent.length).toBeLessThanOrEqual(1 + 55_000 / SEND_GAP_MS);
    watcher.stop();
  });

  it('stops sending after the per-load budget and says so', async () => {
    app().innerHTML = figure(0.5);
    const { watcher, sent } = makeWatcher();
    watcher.start();
    for (let i = 1; i <= MAX_SENDS_PER_LOAD + 5; i++) {
      await advance(SEND_GAP_MS + STEADY_MS);
      document.getElementById('used')!.textContent = String(i / 2 + 0.5);
      if (i % 6 === 0) watcher.restart(); // route changes do not refill the budget
    }
    await advance(SEND_GAP_MS + STEADY_MS);
    expect(sent).toHaveLength(MAX_SENDS_PER_LOAD);
    expect(watcher.status).toMatchObject({ state: 'rejected', detail: 'too many changing figures on this page' });
    watcher.stop();
  });
});

describe('a huge, restless page costs little (#15)', () => {
  /** A session clock in the header, ticking every second, as on the 300k-node page. */
  function startClock(): () => void {
    const header = document.createElement('header');
    header.innerHTML = '<a href="/">Mi cuenta</a> <button>Cerrar sesión</button>';
    document.body.prepend(header);
    const clock = document.createElement('p');
    header.appendChild(clock);
    let seconds = 0;
    const timer = setInterval(() => {
      seconds++;
      clock.textContent = `Sesión activa ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    }, 1_000);
    return () => clearInterval(timer);
  }

  it('does not re-read for a clock outside the figures', async () => {
    app().innerHTML = figure(3);
    const stopClock = startClock();
    const { watcher, sent } = makeWatcher();
    watcher.start();
    await advance(30_000);
    // The first read and the steadiness check; the 30 ticks cost nothing.
    expect(harness.reads).toBe(2);
    expect(usedOf(sent)).toEqual([3]);
    stopClock();
    watcher.stop();
  });

  it('spends at most a twentieth of the time reading when every read is slow and the page never stops changing', async () => {
    harness.readCostMs = 1_300; // one read of a 300,000-node page
    app().innerHTML = `${figure(3)}<p id="ticker"></p>`;
    const { watcher, sent } = makeWatcher();
    watcher.start();
    // A ticker that looks like a figure, so the mutation filter cannot drop it.
    for (let s = 0; s < 60; s++) {
      document.getElementById('ticker')!.textContent = `Bono: ${s % 10},${s % 7} GB`;
      await advance(1_000);
    }
    const elapsed = 60_000 + harness.elapsedInReads;
    // One read at once, then at least 19 times its cost of rest after every read.
    expect(harness.reads * harness.readCostMs).toBeLessThanOrEqual(1_300 + elapsed / 20);
    expect(usedOf(sent)).toEqual([3]);
    watcher.stop();
  });

  it('backs off while changes beside a figure change nothing', async () => {
    app().innerHTML = `${figure(3)}<span id="beside">0 %</span>`;
    const { watcher } = makeWatcher();
    watcher.start();
    await advance(STEADY_MS + 1_000);
    const before = harness.reads;
    for (let i = 0; i < 120; i++) {
      document.getElementById('beside')!.textContent = `${i % 3} %`;
      await advance(500);
    }
    // 120 changes in 60 s: the rest doubles after each read that finds nothing new.
    expect(harness.reads - before).toBeLessThanOrEqual(20);
    watcher.stop();
  });
});
