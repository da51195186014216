import type { LineAnalysis } from '../analysis/types';
import { formatBytes } from '../format/bytes';
import { formatDay, formatWhen } from '../format/date';
import { wholePercent } from '../format/percent';
import type { Translator, UiLocale } from '../i18n/translator';
import type { CardWarning, LineCardModel } from '../status/card';

/**
 * Notification texts in the UI language. Pure: the background loads the translator once per
 * refresh and passes it in with the user's time zone, so every wording is tested without a browser.
 */

export interface AlertText {
  title: string;
  message: string;
}

/** What a wording needs: the translator (its locale formats sizes and dates) and the time zone. */
export interface Wording {
  i18n: Translator;
  timeZone?: string;
}

/** English notifications keep the day-first "25 Nov" they always had. */
function dateLocale(locale: UiLocale): string {
  return locale === 'en' ? 'en-GB' : locale;
}

export function dayText(time: number, w: Wording): string {
  return formatDay(time, dateLocale(w.i18n.locale), w.timeZone);
}

function whenText(time: number, w: Wording): string {
  return formatWhen(time, dateLocale(w.i18n.locale), w.timeZone);
}

function bytes(value: number, w: Wording): string {
  return formatBytes(value, w.i18n.locale);
}

/** A sentence ending on an abbreviated date ("le 8 déc.") keeps a single full stop. */
function say(w: Wording, key: Parameters<Translator['t']>[0], params?: Parameters<Translator['t']>[1]): string {
  return w.i18n.t(key, params).replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

/** Sentences of one message: spaced in Latin scripts, run together in Chinese. */
function sentences(w: Wording, ...parts: Array<string | null>): string {
  return parts.filter((p): p is string => Boolean(p)).join(w.i18n.locale.startsWith('zh') ? '' : ' ');
}

function renews(analysis: LineAnalysis, w: Wording): string | null {
  const end = analysis.cycle.end;
  if (end === null) return null;
  return say(w, analysis.cycle.endSource === 'inferred' ? 'alert_renews_probably' : 'alert_renews', { date: dayText(end, w) });
}

export function thresholdText(card: LineCardModel, threshold: number, analysis: LineAnalysis, w: Wording): AlertText {
  const { i18n } = w;
  const used = card.usedBytes ?? 0;
  const total = card.totalBytes ?? 0;
  const figures = i18n.t('alert_figures', { used: bytes(used, w), total: bytes(total, w), percent: wholePercent(card.percent ?? 0) });
  if (threshold >= 100) return { title: i18n.t('alert_used_up_title', { name: card.name }), message: sentences(w, figures, renews(analysis, w)) };
  return {
    title: i18n.t('alert_threshold_title', { name: card.name, percent: threshold }),
    message: sentences(w, figures, i18n.t('alert_left', { amount: bytes(Math.max(0, total - used), w) }), renews(analysis, w)),
  };
}

export type LeakWarning = CardWarning & { kind: 'spike' | 'overnight' | 'burn-rate' };

const LEAK_TITLES = {
  spike: 'alert_leak_spike_title',
  overnight: 'alert_leak_overnight_title',
  'burn-rate': 'alert_leak_burn_rate_title',
} as const satisfies Record<LeakWarning['kind'], string>;

function amountParams(warning: CardWarning, w: Wording) {
  return { amount: bytes(warning.bytes, w), from: whenText(warning.start, w), to: whenText(warning.end, w) };
}

/**
 * Unusual use in a few words, for the badge title. The analysis explains it in English (how much,
 * when, against what habit); other languages word it from the figures.
 */
export function unusualText(warning: CardWarning, w: Wording): string {
  if (w.i18n.locale === 'en' && warning.reason) return warning.reason;
  return w.i18n.t('alert_unusual_amount', amountParams(warning, w));
}

/** In English the analysis's reason already says how much, when and against what habit. */
export function leakText(card: LineCardModel, warning: LeakWarning, w: Wording): AlertText {
  const { i18n } = w;
  const title = i18n.t(LEAK_TITLES[warning.kind], { name: card.name });
  if (i18n.locale === 'en' && warning.reason) return { title, message: warning.reason };
  const params = amountParams(warning, w);
  const message =
    warning.percentOfCap === null ? i18n.t('alert_leak_message_no_cap', params) : i18n.t('alert_leak_message', { ...params, percent: Math.round(warning.percentOfCap) });
  return { title, message };
}

export function overrunText(card: LineCardModel, exhaustAt: number, analysis: LineAnalysis, w: Wording): AlertText {
  const { i18n } = w;
  const left = card.totalBytes !== null && card.usedBytes !== null ? i18n.t('alert_left', { amount: bytes(Math.max(0, card.totalBytes - card.usedBytes), w) }) : null;
  return {
    title: i18n.t('alert_overrun_title', { name: card.name, date: dayText(exhaustAt, w) }),
    message: sentences(w, i18n.t('alert_overrun_message'), left, renews(analysis, w)),
  };
}

export function validityText(card: LineCardModel, end: number, w: Wording): AlertText {
  const date = dayText(end, w);
  return { title: w.i18n.t('alert_validity_title', { name: card.name, date }), message: say(w, 'alert_validity_message', { date }) };
}

export function staleText(card: LineCardModel, readAt: number, w: Wording): AlertText {
  return { title: w.i18n.t('alert_stale_title', { name: card.name }), message: say(w, 'alert_stale_message', { date: dayText(readAt, w) }) };
}
