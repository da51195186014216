import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchExtension, openPopup, waitFor, type ExtensionSession } from './harness';

/**
 * The crowded case, in real Chromium on the production build: twelve lines imported through the
 * `import-backup` UI action (dated from the browser's own clock, so any day works): one over its
 * cap, one running out, a prepaid pass that expires with much unused, an unlimited one, one kept
 * by hand, one the generic reader found (pending), a Sosh line, and five ordinary ones. The popup
 * must put them in the order of urgency and say each in the right words.
 */
async function seedCrowd(): Promise<{ ok: boolean; error?: string }> {
  const GB = 1024 ** 3;
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const now = Date.now();
  type Plan = { id: number; carrierId: string; label: string; total: number | null; perDay: number; start: number; end: number; kind?: 'expiry'; source?: 'manual'; generic?: boolean; url?: string };
  const plans: Plan[] = [
    { id: 1, carrierId: 'movistar-es', label: 'Over cap', total: 20, perDay: 1.5, start: 14, end: 16 },
    { id: 2, carrierId: 'orange-es', label: 'Runs out', total: 10, perDay: 0.6, start: 14, end: 16 },
    { id: 3, carrierId: 'cmhk', label: 'Prepaid pass', total: 20, perDay: 0.1, start: 20, end: 6, kind: 'expiry' },
    { id: 4, carrierId: 'movistar-cl', label: 'Unlimited', total: null, perDay: 2, start: 14, end: 16 },
    { id: 5, carrierId: 'manual', label: 'By hand', total: 5, perDay: 0.05, start: 14, end: 16, source: 'manual' },
    { id: 6, carrierId: 'claro-cl', label: 'Pending', total: 8, perDay: 0.1, start: 2, end: 28, generic: true },
    { id: 7, carrierId: 'orange-fr', label: '', total: 30, perDay: 0.3, start: 14, end: 16, url: 'https://espace-client.sosh.fr/conso' },
    { id: 8, carrierId: 'entel-cl', label: 'Chile work', total: 30, perDay: 0.4, start: 14, end: 16 },
    { id: 9, carrierId: 'telcel-mx', label: 'Mexico', total: 25, perDay: 0.3, start: 14, end: 16 },
    { id: 10, carrierId: 'movistar-mx', label: 'Mexico 2', total: 25, perDay: 0.2, start: 14, end: 16 },
    { id: 11, carrierId: 'movistar-es', label: 'Home', total: 50, perDay: 0.5, start: 14, end: 16 },
    { id: 12, carrierId: 'orange-es', label: 'Tablet', total: 40, perDay: 0.2, start: 14, end: 16 },
  ];
  const lines = plans.map((p) => ({
    id: p.id, carrierId: p.carrierId, lineKey: `${p.carrierId}:00${p.id + 10}`, lineDigits: p.label ? null : `00${p.id + 10}`, planName: null,
    label: p.label || null, color: null, hidden: false, pendingConfirmation: p.generic === true, createdAt: now - 40 * DAY, lastPageUrl: p.url ?? null,
  }));
  const readings = [];
  for (const p of plans) {
    let used = 0;
    const end = now + p.end * DAY;
    for (let t = now - p.start * DAY + HOUR; t < now - HOUR; t += 6 * HOUR) {
      used += (p.perDay / 4) * GB;
      if (p.source === 'manual' && (t - now) % DAY > -18 * HOUR) continue;
      const usedBytes = Math.round(p.total === null ? used : Math.min(used, p.total * 1.05 * GB));
      readings.push({
        lineId: p.id, bucket: 'data', capturedAt: Math.round(t), confirmedAt: Math.round(t), usedBytes, totalBytes: p.total === null ? null : p.total * GB,
        unlimited: p.total === null, remainingBytes: null, periodEnd: Math.round(end), ...(p.kind ? { periodEndKind: p.kind } : {}),
        pageSaysUpdatedAt: null, overage: p.total !== null && usedBytes > p.total * GB, source: p.source ?? 'page', generic: p.generic === true,
      });
    }
  }
  const text = JSON.stringify({ format: 'esim-usage-guard-backup', version: 1, exportedAt: now, lines, readings });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api = (globalThis as any).chrome;
  return api.runtime.sendMessage({ type: 'import-backup', text, apply: true });
}

let session: ExtensionSession;
let popup: Page;

beforeAll(async () => {
  session = await launchExtension();
  const page = await openPopup(session);
  await page.evaluate('globalThis.__name = (f) => f');
  expect(await page.evaluate(seedCrowd)).toMatchObject({ ok: true });
  await page.close();
  popup = await openPopup(session, { width: 360, height: 2400 });
  await waitFor(async () => ((await popup.locator('.line-card').count()) === 12 ? true : null), 'twelve cards');
}, 120_000);
afterAll(async () => {
  await session?.close();
});

describe('twelve lines in the popup (production build, real Chromium)', () => {
  it('orders them by urgency and says each in plain words', async () => {
    await popup.screenshot({ path: artifactPath('crowded-12-lines.png'), fullPage: true });
    const cards = await popup.locator('.line-card').evaluateAll((els) => els.map((e) => ({ name: e.getAttribute('aria-label')!, text: (e as HTMLElement).innerText.replace(/\u00a0/g, ' ') })));
    const names = cards.map((c) => c.name);
    const at = (name: string) => names.indexOf(name);
    const card = (name: string) => cards[at(name)]!.text;
    // Worst first: over its cap, then the one running out; unlimited after every capped line; the pending one last.
    expect(names[0]).toBe('Over cap');
    expect(at('Runs out')).toBe(1);
    for (const capped of ['Prepaid pass', 'By hand', 'Chile work', 'Mexico', 'Mexico 2', 'Home', 'Tablet']) expect(at(capped)).toBeLessThan(at('Unlimited'));
    expect(names[names.length - 1]).toBe('Pending');

    expect(card('Over cap')).toContain('Allowance used up');
    expect(card('Over cap')).toContain('What to do');
    expect(card('Runs out')).toMatch(/At this pace it runs out on \d+ \w+, \d+ days? before renewal/);
    expect(card('Runs out')).toContain('Buy an add-on');
    expect(card('Runs out')).not.toMatch(/on pace|about even/);
    expect(card('Prepaid pass')).toMatch(/valid until \d+ \w+/);
    expect(card('Prepaid pass')).toMatch(/will be lost on \d+ \w+/);
    expect(card('Prepaid pass')).not.toMatch(/renew/i);
    expect(card('Unlimited')).toMatch(/[\d.]+ GB used · unlimited/);
    expect(card('By hand')).toContain('Added by hand');
    expect(card('By hand')).not.toMatch(/Open .* to refresh/);
    expect(card('Pending')).toContain('what the page shows?');
    expect(names).toContain('Sosh ••17');
    expect(cards.map((c) => c.text).join('\n')).not.toMatch(/Orange \/ Sosh|behind pace|ahead of pace|of unlimited|\{\w+\}/);
  });

  it('compare names a title for each axis and a distinct marker per line', async () => {
    await popup.locator('.compare-open').click();
    await popup.locator('.compare-chart > svg').waitFor();
    const axes = await popup.locator('.compare-chart .axis-label').allTextContents();
    expect(axes).toEqual(expect.arrayContaining(['Share of the cycle gone', 'Share of the cap used']));
    await popup.screenshot({ path: artifactPath('crowded-compare.png'), fullPage: true });
  });
});
