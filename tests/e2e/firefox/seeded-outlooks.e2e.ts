import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../harness';
import { daysAheadInPage, firstWeeklyRenewal, inPage, replaceReadingsInPage, sparseWeeklyRenewals, steadyUse, usedUpBeforeRenewal, type SeededReadings } from '../in-page';
import { badgeOf, firefoxForFile, openPopup, readStore, textOf, watchErrors } from './harness';

/**
 * What seeded readings make the outlook say in Firefox (the same stories tests/e2e/alerts.e2e.ts
 * tells in Chromium): a close run-out, one that a slightly quieter pace would see through, is called
 * a close call on the card, in the toolbar tooltip and in the notification; a weekly plan read
 * every few days is shown at its new cycle's figure through renewals nobody announced; and after a
 * weekly plan's first renewal the next is placed a week on, not a month.
 */
// The extension APIs as seen inside an extension page (evaluated there, not in Node).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const browser: any;

const HOME = 'https://appweb.movistar.es/home';
// The capped fixture at 1 of its 20 GB, so only the seeded history below can raise an alert.
const page = readFileSync(join('tests/fixtures/movistar-es', '2026-11-20-capped.html'), 'utf8').replaceAll('3,5 GB', '1 GB');

interface AlertRow {
  id: number;
  kind: string;
  shownAt: number | null;
  message: string;
}

const errors: string[] = [];

const ff = firefoxForFile(async (file) => {
  file.session.serve(HOME, page);
  const carrier = await file.session.openCarrierPage(HOME);
  await waitFor(async () => ((await badgeOf(file.ext)).text === '5%' ? true : null), 'the badge at 1 of 20 GB');
  await carrier.close();
});

/** Replaces the line's readings with `seed`, runs the periodic re-check now, waits for the badge. */
async function seedReadings(seed: SeededReadings, badgeText: string) {
  await ff.ext.evaluate(inPage(replaceReadingsInPage, seed));
  // The periodic recheck, due now: the background looks at the stored readings afresh.
  await ff.ext.evaluate(() => browser.alarms.create('overview-recheck', { when: Date.now(), periodInMinutes: 30 }));
  return waitFor(async () => {
    const b = await badgeOf(ff.ext);
    return b.text === badgeText ? b : null;
  }, `the badge at ${badgeText}`);
}

/** The popup, opened afresh and watched for errors, and the text of its line card. */
async function lineCard() {
  const popup = await openPopup(ff.session);
  watchErrors(popup, errors);
  await popup.waitForSelector('.line-card');
  return { popup, text: await textOf(popup, '.line-card') };
}

describe('Firefox: outlooks from seeded readings (production build)', () => {
  it('a close run-out says it is close on the badge tooltip, in the notification and on the card', async () => {
    // Ten days of steady use every 3 hours up to 10.26 of 20 GB, renewing in ten days: at this
    // pace the cap runs out half a day before renewal; 10 % quieter, it lasts.
    const badge = await seedReadings(steadyUse({ days: 10, usedGb: 10.26, totalGb: 20 }), '50%');
    expect(badge!.title).toMatch(/^eSIM Usage Guard\nMovistar ••12: 50% used; close: could run out around \d{1,2} [A-Z][a-z]{2}$/);

    const overrun = await waitFor(async () => {
      const rows = await readStore<AlertRow>(ff.ext, 'alerts');
      return rows.find((r) => r.kind === 'overrun' && r.shownAt) ?? null;
    }, 'the overrun alert shown');
    const closeSentence = /^At the current pace the allowance runs out before renewal, but it is close: quieter days could still see it through\. /;
    expect(overrun!.message).toMatch(closeSentence);
    const shown = await ff.ext.evaluate(() => browser.notifications.getAll() as Promise<Record<string, { message: string }>>);
    expect(shown[`esim-alert:${overrun!.id}`]?.message).toMatch(closeSentence);

    const { popup, text } = await lineCard();
    expect(text).toMatch(/runs out on \d{1,2} [A-Z][a-z]{2}, \d+ days? before renewal; quieter days could still see it through/i);
    await popup.close();
  });

  it('a weekly plan read every few days shows its new cycle\'s figure through renewals nobody announced', async () => {
    const badge = await seedReadings(sparseWeeklyRenewals(), '21%');
    expect(badge!.title).toMatch(/Movistar ••12: 21% used/);
    const { popup, text } = await lineCard();
    // 215 000 000 bytes of 10^9, in the binary units the card uses.
    expect(text).toMatch(/205\sMB of 954\sMB/);
    expect(text).toMatch(/lasts until renewal/);
    expect(text).not.toMatch(/used up/i);
    await popup.close();
  });

  it('after a weekly plan\'s first renewal the next is placed 7 days on, and the plan lasts', async () => {
    const badge = await seedReadings(firstWeeklyRenewal(), '29%');
    expect(badge!.title).toBe('eSIM Usage Guard\nMovistar ••12: 29% used');
    const { popup, text } = await lineCard();
    expect(text).toMatch(/lasts until renewal/);
    expect(text).not.toMatch(/runs out/i);
    const renews = (await popup.evaluate(inPage(daysAheadInPage, 4))) as string[];
    expect(renews.some((d) => text.includes(`probably renews ${d}`))).toBe(true);
    await popup.close();
  });

  it('after a renewal nobody has read, the used-up figure is last cycle\'s: badge "?", no "used up" anywhere', async () => {
    const badge = await seedReadings(usedUpBeforeRenewal(), '?');
    const renewedOn = (await ff.ext.evaluate(inPage(daysAheadInPage, -2))) as string[];
    expect(renewedOn.some((d) => badge!.title.startsWith(`eSIM Usage Guard\nMovistar ••12: renewed on ${d}, not read since`))).toBe(true);
    expect(badge!.title).not.toMatch(/100%|used up/);
    const { popup, text } = await lineCard();
    expect(text).toMatch(/last cycle: 20\sGB of 20\sGB/);
    expect(renewedOn.some((d) => text.includes(`renewed on ${d}, not read since`))).toBe(true);
    expect(text).toContain('Open Movistar to refresh');
    expect(text).not.toMatch(/used up|100\s?%/i);
    expect(await popup.$('.line-card .usage-bar')).toBeNull();
    await popup.close();
    // No "used up" notification for a cycle nobody has read (the earlier stories' alerts stay).
    const rows = await readStore<AlertRow>(ff.ext, 'alerts');
    expect(rows.filter((r) => /used up|100\s?%/i.test(r.message))).toEqual([]);
  });

  it('logged no console error in the popup and threw nothing', () => {
    expect(errors).toEqual([]);
  });
});
