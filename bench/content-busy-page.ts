import { readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { launchExtension, serveCarrierPage } from '../tests/e2e/harness';

/**
 * What the content script costs on a huge page that never stops changing: a carrier usage page
 * (Movistar Spain's fixture) padded to about 300,000 nodes, with a clock that rewrites its text
 * every second, as portals with a session timer or a live "updated at" do. Measured in real
 * Chromium with the production build: V8's sampling profiler runs for the first minute from the
 * navigation (reported per 30 s, so the first read and the steadiness check both fall inside),
 * and every sample whose stack holds a frame of our content script counts (DOM calls and forced
 * style or layout made from our code are inside those frames). Also reported: the longest task on
 * the page's main thread once the page has built itself (its own script then only ticks the
 * clock), i.e. the longest freeze the page feels, which is one read of the whole page.
 */
const URL = 'https://appweb.movistar.es/home';
const WINDOW_MS = 60_000;
const TILES = 33_400; // a tile and 4 children, each child with a text node: about 300,000 nodes

function busyPage(): string {
  const fixture = readFileSync('tests/fixtures/movistar-es/2026-11-20-capped.html', 'utf8');
  // Built by the page's own script before document_idle, as a framework would render it: shipping
  // 10 MB of HTML through the route would measure the transfer instead.
  const script = `<script>
    (() => {
      const footer = document.createElement('footer');
      for (let i = 0; i < ${TILES}; i++) {
        const tile = document.createElement('div');
        tile.className = 'tile_' + (i % 17);
        for (let j = 0; j < 4; j++) {
          const span = document.createElement(j === 0 ? 'h4' : 'span');
          span.textContent = j === 0 ? 'Oferta ' + i : 'Ver más ' + j;
          tile.appendChild(span);
        }
        footer.appendChild(tile);
      }
      document.body.appendChild(footer);
      // Long tasks after this point are the page's freezes: its own script only ticks the clock.
      window.longTasks = [];
      const built = performance.now();
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.startTime >= built) window.longTasks.push(e.duration); }).observe({ type: 'longtask' });
      const clock = document.createElement('p');
      clock.id = 'session-clock';
      document.querySelector('header').appendChild(clock);
      let seconds = 0;
      setInterval(() => { seconds++; clock.textContent = 'Sesión activa ' + Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0'); }, 1000);
    })();
  </script>`;
  return fixture.replace('</body>', `${script}</body>`);
}

interface ProfileNode { id: number; callFrame: { url: string }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Sample time (ms) whose stack holds one of our content-script frames. */
function oursMs(profile: Profile, prefix: string): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const memo = new Map<number, boolean>();
  const inOurs = (id: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const value = !!byId.get(id)?.callFrame.url.startsWith(prefix) || (up !== undefined && inOurs(up));
    memo.set(id, value);
    return value;
  };
  // timeDeltas[i] is the time from sample i-1 to sample i: the interval sample i stands for.
  const us = profile.samples.reduce((sum, id, i) => sum + (inOurs(id) ? (profile.timeDeltas[i] ?? 0) : 0), 0);
  if (process.env.BENCH_DEBUG) {
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      if (!inOurs(id)) return;
      const n = byId.get(id)!.callFrame as unknown as { functionName: string; url: string; lineNumber: number; columnNumber: number };
      const key = `${n.functionName || '(anon)'} ${n.url.split('/').pop()}:${n.lineNumber}:${n.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${Math.round(v)} ms ${k}`).join('\n'));
  }
  return Math.round(us / 1000);
}

export async function measure(): Promise<Record<string, number>> {
  const session = await launchExtension();
  try {
    const html = busyPage();
    await serveCarrierPage(session.context, URL, () => html);
    await serveCarrierPage(session.context, 'https://appweb.movistar.es/blank', '<!doctype html><title>blank</title>');
    const page = await session.context.newPage();
    // Same origin first, so the profiled renderer is the one the big page loads in.
    await page.goto('https://appweb.movistar.es/blank');
    const cdp: CDPSession = await session.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const started = Date.now();
    await page.goto(URL, { waitUntil: 'domcontentloaded' });
    await page.waitForTimeout(Math.max(0, WINDOW_MS - (Date.now() - started)));
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const nodes = await page.evaluate(() => {
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      let count = 0;
      while (walker.nextNode()) count++;
      return count;
    });
    const longest = await page.evaluate(() => Math.round(Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks)));
    const total = Math.round((oursMs(profile, `chrome-extension://${session.extensionId}/`) * 30_000) / WINDOW_MS);
    console.log(`content_busy_page: ${total} ms of content-script time per 30 s, longest task ${longest} ms (${nodes} nodes)`);
    return { content_busy_page_ms: total, content_busy_page_longest_ms: longest };
  } finally {
    await session.close();
  }
}

