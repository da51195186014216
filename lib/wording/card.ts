import { formatBytes } from '../format/bytes';
import { formatDay, formatWhen } from '../format/date';
import { formatShare } from '../format/percent';
import type { Translator } from '../i18n/translator';
import { expiredUnread, forecastsAfterRenewal, type CardOutlook, type CardWarning, type LineCardModel } from '../status/card';
import { DAY } from '../time/units';

/**
 * The popup's sentences about a line, in the UI language. Pure. They say what the figures mean in
 * plain words: an allowance that expires "expires" (nothing renews), a safe pace is not called
 * "behind", and nothing sounds more alarming than the figures are.
 */

type Figures = Pick<LineCardModel, 'usedBytes' | 'totalBytes' | 'unlimited'>;

/** "3.5 GB of 20 GB", "64.1 GB used · unlimited", "3.5 GB of ?". */
export function figuresText(f: Figures, i18n: Translator): string {
  const { locale } = i18n;
  const used = f.usedBytes === null ? '—' : formatBytes(f.usedBytes, locale);
  if (f.unlimited) return i18n.t('figures_used_unlimited', { used });
  return i18n.t('figures_of', { used, total: f.totalBytes === null ? i18n.t('unknown_total') : formatBytes(f.totalBytes, locale) });
}

/** "Roaming: 24 MB of 1 GB": a label and its value, with the language's own colon ("Itinérance : …", "漫遊數據：…"). */
export function labelled(label: string, value: string, i18n: Translator): string {
  return i18n.t('labelled', { label, value });
}

const expires = (o: Pick<CardOutlook, 'endKind'>) => o.endKind === 'expiry';

/** Whole days from `from` to `to`, at least one. */
export function daysBetween(from: number, to: number): number {
  return Math.max(1, Math.round((to - from) / DAY));
}

/** "renews Dec 1" / "valid until Dec 1": the end of the period, as what it is. */
export function describeEnd(outlook: CardOutlook, i18n: Translator): string | null {
  // A pass that expired unread has no known end: whether a new one was bought only the page knows.
  if (outlook.cycleEnd === null || expiredUnread(outlook)) return null;
  const date = formatDay(outlook.cycleEnd, i18n.locale);
  if (expires(outlook)) return i18n.t('expires_on', { date });
  return i18n.t(outlook.cycleEndSource === 'inferred' ? 'renews_probably_on' : 'renews_on', { date });
}

/**
 * The cycle renewed after the latest reading: "renewed on Dec 3, not read since" (or "probably",
 * for an inferred date); a prepaid pass "expired on Dec 3": whether a new one was bought only the
 * page can tell. Null when the latest reading is of the current cycle.
 */
export function describeRenewal(outlook: CardOutlook, i18n: Translator): string | null {
  const renewed = outlook.renewedUnread;
  if (!renewed) return null;
  const date = formatDay(renewed.at, i18n.locale);
  if (expiredUnread(outlook)) return i18n.t('outlook_expired_unread', { date });
  return i18n.t(renewed.probable ? 'outlook_renewed_unread_probably' : 'outlook_renewed_unread', { date });
}

/** The outlook in one sentence where there is room for one (the compare table, the chart's caption). */
export function describeOutlook(outlook: CardOutlook, i18n: Translator, context: ProjectionContext = {}): string {
  const renewal = describeRenewal(outlook, i18n);
  if (renewal === null) return describeProjection(outlook, i18n, context);
  return forecastsAfterRenewal(outlook) ? `${renewal} · ${describeProjection(outlook, i18n, context)}` : renewal;
}

/** "last cycle: 1 GB of 1 GB" once the cycle has renewed unread; else the figures as they are. */
export function cardFiguresText(card: Pick<LineCardModel, 'usedBytes' | 'totalBytes' | 'unlimited' | 'outlook'>, i18n: Translator): string {
  const figures = figuresText(card, i18n);
  return card.outlook?.renewedUnread ? i18n.t('figures_last_cycle', { figures }) : figures;
}

/** "1.7 GB/day until renewal": what can be spent per day and still last. */
export function describeBudget(outlook: CardOutlook, i18n: Translator): string | null {
  if (outlook.dailyBudgetBytes === null || outlook.status !== 'within-cap') return null;
  return i18n.t(expires(outlook) ? 'budget_per_day_expiry' : 'budget_per_day', { amount: formatBytes(outlook.dailyBudgetBytes, i18n.locale) });
}

/**
 * A close call is said as one: a line that ends within 5 % of its cap is forecast right only about
 * half the time. The analysis also walks the pace faster and slower by its own uncertainty
 * (exhaustEarliest, exhaustLatest; latest null = the slower walk never runs out in time): a verdict
 * one of those walks overturns before the end is close. No range (older snapshots) claims nothing.
 */
const busierRunsOut = (o: CardOutlook, end: number) => o.exhaustEarliest !== null && o.exhaustEarliest < end;
const quieterLasts = (o: CardOutlook, end: number) => o.exhaustEarliest !== null && (o.exhaustLatest === null || o.exhaustLatest >= end);

/**
 * A run-out before the cycle's end that a quieter pace would still see through: the card, the
 * notification and the badge's tooltip all say it is close, never a flat "runs out".
 */
export function isCloseRunOut(o: CardOutlook | null | undefined): boolean {
  if (!o || o.status !== 'runs-out' || o.exhaustAt === null || o.cycleEnd === null || o.exhaustAt >= o.cycleEnd) return false;
  return quieterLasts(o, o.cycleEnd);
}

export interface ProjectionContext {
  /** A line added by hand: there is no page to open. */
  manual?: boolean;
}

/** "at this pace it runs out on Dec 12, 7 days before renewal" and its kin, in the UI language. */
export function describeProjection(outlook: CardOutlook, i18n: Translator, context: ProjectionContext = {}): string {
  const { locale } = i18n;
  switch (outlook.status) {
    case 'unlimited':
      return i18n.t('outlook_unlimited');
    case 'exhausted':
      if (outlook.likelyUsedUp) return i18n.t(context.manual ? 'outlook_likely_used_up_manual' : 'outlook_likely_used_up');
      return i18n.t('outlook_exhausted');
    case 'insufficient-data':
      return i18n.t('outlook_insufficient');
    case 'runs-out': {
      if (outlook.exhaustAt === null) return i18n.t('outlook_insufficient');
      const date = formatDay(outlook.exhaustAt, locale);
      if (outlook.cycleEnd === null || outlook.exhaustAt >= outlook.cycleEnd) return i18n.t('outlook_runs_out', { date });
      const days = i18n.plural('days', daysBetween(outlook.exhaustAt, outlook.cycleEnd));
      if (isCloseRunOut(outlook)) {
        return i18n.t(expires(outlook) ? 'outlook_runs_out_before_expiry_close' : 'outlook_runs_out_before_renewal_close', { date, days });
      }
      return i18n.t(expires(outlook) ? 'outlook_runs_out_before_expiry' : 'outlook_runs_out_before_renewal', { date, days });
    }
    case 'within-cap': {
      if (outlook.cycleEnd === null) return i18n.t('outlook_lasts_no_end');
      const date = formatDay(outlook.cycleEnd, locale);
      const earliest = busierRunsOut(outlook, outlook.cycleEnd) ? formatDay(outlook.exhaustEarliest!, locale) : null;
      // Used up on the renewal day itself at worst: hours early, and "by 30 Nov" next to "on 30 Nov" says nothing.
      if (earliest !== null && earliest !== date) {
        return i18n.t(expires(outlook) ? 'outlook_lasts_expiry_close' : 'outlook_lasts_renewal_close', { date, earliest });
      }
      return i18n.t(expires(outlook) ? 'outlook_lasts_expiry' : 'outlook_lasts_renewal', { date });
    }
  }
}

/**
 * What will be left unused: "5.9 GB will be lost on Dec 6" for an allowance that expires, "about
 * 2 GB left over at renewal" otherwise. Said only when a good share (a quarter) of the cap is.
 */
export function describeLeftover(outlook: CardOutlook, totalBytes: number | null, i18n: Translator): string | null {
  if (outlook.status !== 'within-cap' || outlook.spareBytes === null || totalBytes === null) return null;
  if (outlook.spareBytes < totalBytes * 0.25) return null;
  const spare = formatBytes(outlook.spareBytes, i18n.locale);
  if (expires(outlook) && outlook.cycleEnd !== null) return i18n.t('outlook_lost_on', { spare, date: formatDay(outlook.cycleEnd, i18n.locale) });
  return i18n.t('outlook_leftover', { spare });
}

/** Points of pace below which a line is simply "even": a small gap says nothing. */
const EVEN_POINTS = 5;

/**
 * The card's pace clause, for a line that lasts: "using less than an even share so far". Null
 * when the pace is about even or unknown (the outlook already says it lasts).
 */
export function describePace(pace: number | null, i18n: Translator): string | null {
  if (pace === null || Math.abs(pace) < EVEN_POINTS) return null;
  return i18n.t(pace > 0 ? 'pace_fast' : 'pace_slow');
}

/** The compare table's pace column: "slower than even", "faster than even", "about even". */
export function describePaceColumn(pace: number, i18n: Translator): string {
  if (Math.abs(pace) < EVEN_POINTS) return i18n.t('pace_even');
  return i18n.t(pace > 0 ? 'pace_col_faster' : 'pace_col_slower');
}

/** The headline of a warning: what happened, how much, when. */
export function describeWarning(warning: CardWarning, i18n: Translator, outlook: CardOutlook | null = null): string {
  const { locale } = i18n;
  if (warning.kind === 'overrun') {
    const date = formatDay(warning.end, locale);
    const end = outlook?.cycleEnd ?? null;
    if (end === null || warning.end >= end) return i18n.t('warning_overrun', { date });
    const days = i18n.plural('days', daysBetween(warning.end, end));
    // On the card this headline stands in for the outlook sentence, so a close call says so here too.
    if (outlook && isCloseRunOut(outlook)) return i18n.t(expires(outlook) ? 'warning_overrun_expiry_close' : 'warning_overrun_renewal_close', { date, days });
    return i18n.t(outlook && expires(outlook) ? 'warning_overrun_expiry' : 'warning_overrun_renewal', { date, days });
  }
  if (warning.kind === 'used-up') return i18n.t('warning_used_up');
  const params = { amount: formatBytes(warning.bytes, locale), from: formatWhen(warning.start, locale), to: formatWhen(warning.end, locale) };
  if ((warning.count ?? 1) > 1) return i18n.plural('warning_episode', warning.count!, params);
  if (warning.slowDrain) return i18n.t('warning_drain', params);
  if (warning.kind === 'overnight') return i18n.t('warning_overnight', params);
  if (warning.kind === 'burn-rate') return i18n.t('warning_burn_rate', params);
  return i18n.t('warning_spike', params);
}

/**
 * What unusual use cost, against the cap and the days left: "That is 6 % of the cap; 11.2 GB left
 * for 9 days." Null for warnings about the cap itself, or when the cap is unknown.
 */
export function describeCost(warning: CardWarning, card: Pick<LineCardModel, 'usedBytes' | 'totalBytes' | 'unlimited' | 'outlook'>, now: number, i18n: Translator): string | null {
  if (warning.kind === 'overrun' || warning.kind === 'used-up' || warning.percentOfCap === null || card.unlimited) return null;
  const percent = formatShare(warning.percentOfCap, i18n.locale);
  if (card.totalBytes === null || card.usedBytes === null) return i18n.t('warning_cost_cap', { percent });
  const left = formatBytes(Math.max(0, card.totalBytes - card.usedBytes), i18n.locale);
  const end = card.outlook?.cycleEnd ?? null;
  if (end === null || !(end > now)) return i18n.t('warning_cost_left', { percent, left });
  return i18n.t('warning_cost_days', { percent, left, days: i18n.plural('days', daysBetween(now, end)) });
}
