import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LineCard } from '@/components/LineCard';
import { badgeLinesOf, decideBadge } from '@/lib/alerts/badge';
import { decideAlerts } from '@/lib/alerts/decide';
import type { LineAnalysis } from '@/lib/analysis/types';
import { UI_LOCALES, type UiLocale } from '@/lib/i18n/translator';
import type { LineCardModel, StatusSource } from '@/lib/status/card';
import { describeOutlook } from '@/lib/wording/card';
import { plain, translator } from '../helpers/i18n';
import { DAY, GB, H, NOW, context, source, statusesAt } from '../alerts/states';

// The cycle renewed after the latest reading: that reading (here 1 GB of 1 GB, used up) is the
// previous cycle's. Nothing may still say "used up" or "100 %" of a cycle nobody has read.

const RENEWED = NOW - 2 * DAY;
const NEXT = NOW + 5 * DAY;

function renewed(projection: Partial<LineAnalysis['projection']> = {}, startSource: LineAnalysis['cycle']['startSource'] = 'inferred'): Partial<LineAnalysis> {
  return {
    cycle: { start: RENEWED, end: NEXT, startSource, endSource: 'inferred' },
    projection: { status: 'within-cap', exhaustAt: null, exhaustRange: null, spareBytes: 0.2 * GB, expectedDailyBytes: 0.1 * GB, renewedUnread: true, ...projection },
    usedBytes: null, percentUsed: null, pace: null, dailyBudgetBytes: null, lastReadingAt: null,
  };
}

/** A weekly 1 GB plan read (used up) three days ago; it renewed two days ago. */
const usedUpThenRenewed = (projection: Partial<LineAnalysis['projection']> = {}, r = {}) =>
  source(1, 1, 1, renewed(projection), {}, { capturedAt: NOW - 3 * DAY, confirmedAt: NOW - 3 * DAY, ...r });

const cardOf = (s: StatusSource): LineCardModel => statusesAt([s], context())[0]!.card;

describe('the status of a line that renewed after its latest reading', () => {
  it('claims no percentage of the new cycle: no "used up", no red level', () => {
    const card = cardOf(usedUpThenRenewed());
    expect(card.percent).toBeNull();
    expect(card.warnings.map((w) => w.kind)).not.toContain('used-up');
    expect(card.level).toBe('ok');
    expect(card.outlook?.renewedUnread).toEqual({ at: RENEWED, probable: true });
    // The previous cycle's figures are still there, to be worded as such.
    expect(card.usedBytes).toBe(1 * GB);
  });

  it('a new cycle the usual pace has probably used up already is worth a look (amber), not red', () => {
    const card = cardOf(usedUpThenRenewed({ status: 'exhausted', exhaustAt: NOW - DAY, likelyUsedUp: true, spareBytes: 0 }));
    expect(card.level).toBe('warning');
  });

  it('a prepaid pass that expired unread is not assumed bought again: no run-out warning', () => {
    const card = cardOf(usedUpThenRenewed({ status: 'runs-out', exhaustAt: NOW + 2 * DAY }, { periodEnd: RENEWED, periodEndKind: 'expiry' }));
    expect(card.warnings).toEqual([]);
    expect(card.level).toBe('ok');
  });

  it('the badge shows "?" and its title says the line renewed unread, not "100% used"', () => {
    const badge = decideBadge(badgeLinesOf(statusesAt([usedUpThenRenewed()], context()), { i18n: translator('en'), timeZone: 'UTC' }), { i18n: translator('en'), timeZone: 'UTC' });
    expect(badge.text).toBe('?');
    expect(badge.title).toMatch(/Movistar ••10: probably renewed on .*18.*, not read since/);
    expect(badge.title).not.toMatch(/100/);
  });

  it('raises no threshold ("100 % used") or run-out notification for the unread cycle', () => {
    const ctx = context();
    const alerts = decideAlerts(statusesAt([usedUpThenRenewed({ status: 'runs-out', exhaustAt: NOW + 2 * DAY })], ctx), [], ctx).add;
    expect(alerts.filter((a) => a.kind === 'threshold' || a.kind === 'overrun')).toEqual([]);
    // The same line read in its cycle at 100 % is notified.
    const read = source(1, 1, 1, { cycle: { start: RENEWED, end: NEXT, startSource: 'inferred', endSource: 'inferred' } });
    expect(decideAlerts(statusesAt([read], ctx), [], ctx).add.map((a) => a.kind)).toContain('threshold');
  });
});

function cardText(locale: UiLocale, card: LineCardModel): { text: string; root: HTMLElement } {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(<LineCard i18n={translator(locale)} card={card} now={NOW} usageUrl="https://appweb.movistar.es/" onConfirm={() => {}} onDiscard={() => {}} />, root);
  return { text: plain(root.textContent), root };
}

afterEach(() => {
  document.body.innerHTML = '';
});

/** Per language: what the card says of the renewal, the previous cycle's figures and the refresh link. */
const WORDS: Record<UiLocale, { renewed: RegExp; lastCycle: string; refresh: string; expired: RegExp; validUntil: RegExp }> = {
  en: { renewed: /probably renewed on .+, not read since/, lastCycle: 'last cycle: 1 GB of 1 GB', refresh: 'Open Movistar to refresh', expired: /expired on .+: open the page/, validUntil: /valid until/ },
  es: { renewed: /probablemente se renovó el .+; sin lecturas desde entonces/, lastCycle: 'ciclo anterior: 1 GB de 1 GB', refresh: 'Abrir Movistar para actualizar', expired: /caducó el .+: abre la página/, validUntil: /válido hasta/ },
  fr: { renewed: /sans doute renouvelé le .+, aucune lecture depuis/, lastCycle: 'cycle précédent : 1 Go sur 1 Go', refresh: 'Ouvrir Movistar pour actualiser', expired: /expiré le .+ : ouvrez la page/, validUntil: /valable jusqu/ },
  'zh-CN': { renewed: /可能已于.+续期，之后没有读数/, lastCycle: '上一周期：1 GB / 1 GB', refresh: '打开Movistar以更新', expired: /已于.+到期：请打开页面/, validUntil: /有效期至/ },
  'zh-HK': { renewed: /可能已於.+續期，之後沒有讀數/, lastCycle: '上一週期：1 GB / 1 GB', refresh: '開啟Movistar以更新', expired: /已於.+到期：請開啟頁面/, validUntil: /有效期至/ },
};

describe('the card of a line that renewed after its latest reading', () => {
  it.each(UI_LOCALES.map((l) => [l]))('%s: says it renewed unread, labels the figures as last cycle, offers the page, no gauge', (locale) => {
    const w = WORDS[locale];
    const card = cardOf(usedUpThenRenewed());
    const { text, root } = cardText(locale, card);
    expect(text).toMatch(w.renewed);
    expect(text).toContain(w.lastCycle);
    expect(text).toContain(w.refresh);
    expect(root.querySelector('.usage-bar')).toBeNull();
    expect(root.querySelector('.percent')).toBeNull();
    // Not a new line: the "press Check now" hint is for lines with too few readings.
    expect(root.querySelector('.next-hint')).toBeNull();
    // The usual pace's outlook for the new cycle follows, as for any cycle.
    expect(root.querySelector('.outlook')).not.toBeNull();
  });

  it.each(UI_LOCALES.map((l) => [l]))('%s: an expired pass says it expired and forecasts nothing', (locale) => {
    const card = cardOf(usedUpThenRenewed({}, { periodEnd: RENEWED, periodEndKind: 'expiry' }));
    const { text, root } = cardText(locale, card);
    expect(text).toMatch(WORDS[locale].expired);
    expect(root.querySelector('.outlook')).toBeNull();
    // Nor is a next validity end made up for a pass nobody knows was bought.
    expect(text).not.toMatch(WORDS[locale].validUntil);
  });

  it('with a stated renewal the date is not "probably"; the one-sentence outlook joins renewal and forecast', () => {
    const card = cardOf(source(1, 1, 1, renewed({}, 'page'), {}, { capturedAt: NOW - 3 * DAY, confirmedAt: NOW - 3 * DAY }));
    const i18n = translator('en');
    const sentence = plain(describeOutlook(card.outlook!, i18n));
    expect(sentence).toMatch(/^renewed on .+, not read since · lasts until renewal on /);
    expect(cardText('en', card).text).not.toContain('probably renewed');
  });

  it('a line read in its current cycle keeps its percentage and gauge', () => {
    const card = cardOf(source(1, 0.5, 1, {}, {}, { capturedAt: NOW - H, confirmedAt: NOW - H }));
    expect(card.percent).toBe(50);
    const { root } = cardText('en', card);
    expect(root.querySelector('.usage-bar')).not.toBeNull();
    expect(root.querySelector('.renewal-note')).toBeNull();
  });
});
