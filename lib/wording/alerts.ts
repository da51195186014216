import type { LineAnalysis } from '../analysis/types';
import { formatBytes } from '../format/bytes';
import { formatDay, formatWhen } from '../format/date';
import { formatPercent, formatShare } from '../format/percent';
import type { Translator } from '../i18n/translator';
import type { CardWarning, LineCardModel } from '../status/card';
import { describeWarning, isCloseRunOut } from './card';
import { lineDisplayName } from './names';

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

/** Days and times as the popup words them (the same locale, so the badge and the card agree). */
export function dayText(time: number, w: Wording): string {
  return formatDay(time, w.i18n.locale, w.timeZone);
}

function whenText(time: number, w: Wording): string {
  return formatWhen(time, w.i18n.locale, w.timeZone);
}

/** The line's name in the UI language (a Chinese notification names 中國移動香港). */
function nameOf(card: LineCardModel, w: Wording): string {
  return lineDisplayName(card, w.i18n);
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

/** "It renews on 3 Dec." — or, for an allowance that expires, "It expires on 3 Dec." */
function renews(analysis: LineAnalysis, w: Wording, card?: LineCardModel): string | null {
  const end = analysis.cycle.end;
  if (end === null) return null;
  if (card?.outlook?.endKind === 'expiry') return say(w, 'alert_expires', { date: dayText(end, w) });
  return say(w, analysis.cycle.endSource === 'inferred' ? 'alert_renews_probably' : 'alert_renews', { date: dayText(end, w) });
}

export function thresholdText(card: LineCardModel, threshold: number, analysis: LineAnalysis, w: Wording): AlertText {
  const { i18n } = w;
  const used = card.usedBytes ?? 0;
  const total = card.totalBytes ?? 0;
  const figures = i18n.t('alert_figures', { used: bytes(used, w), total: bytes(total, w), percent: formatPercent(card.percent ?? 0, i18n.locale) });
  const name = nameOf(card, w);
  if (threshold >= 100) return { title: i18n.t('alert_used_up_title', { name }), message: sentences(w, figures, renews(analysis, w, card)) };
  return {
    title: i18n.t('alert_threshold_title', { name, percent: formatPercent(threshold, i18n.locale) }),
    message: sentences(w, figures, i18n.t('alert_left', { amount: bytes(Math.max(0, total - used), w) }), renews(analysis, w, card)),
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
 * Unusual use in a few words, for the badge title: worded from the figures in every language,
 * with the same days and times as the card (never the analysis's English reason, whose dates are
 * written its own way).
 */
export function unusualText(warning: CardWarning, w: Wording): string {
  if ((warning.count ?? 1) > 1 || warning.slowDrain) return describeWarning(warning, w.i18n);
  return w.i18n.t('alert_unusual_amount', amountParams(warning, w));
}

export function leakText(card: LineCardModel, warning: LeakWarning, w: Wording): AlertText {
  const { i18n } = w;
  const title = i18n.t(LEAK_TITLES[warning.kind], { name: nameOf(card, w) });
  const params = amountParams(warning, w);
  const message =
    warning.percentOfCap === null ? i18n.t('alert_leak_message_no_cap', params) : i18n.t('alert_leak_message', { ...params, percent: formatShare(warning.percentOfCap, i18n.locale) });
  return { title, message };
}

/** "Runs out before renewal", said as a close call when a quieter pace would still last. */
function overrunMessageKey(card: LineCardModel) {
  const expiry = card.outlook?.endKind === 'expiry';
  if (isCloseRunOut(card.outlook)) return expiry ? 'alert_overrun_message_expiry_close' : 'alert_overrun_message_close';
  return expiry ? 'alert_overrun_message_expiry' : 'alert_overrun_message';
}

export function overrunText(card: LineCardModel, exhaustAt: number, analysis: LineAnalysis, w: Wording): AlertText {
  const { i18n } = w;
  const left = card.totalBytes !== null && card.usedBytes !== null ? i18n.t('alert_left', { amount: bytes(Math.max(0, card.totalBytes - card.usedBytes), w) }) : null;
  return {
    title: i18n.t('alert_overrun_title', { name: nameOf(card, w), date: dayText(exhaustAt, w) }),
    message: sentences(w, i18n.t(overrunMessageKey(card)), left, renews(analysis, w, card)),
  };
}

export function validityText(card: LineCardModel, end: number, w: Wording): AlertText {
  const date = dayText(end, w);
  return { title: w.i18n.t('alert_validity_title', { name: nameOf(card, w), date }), message: say(w, 'alert_validity_message', { date }) };
}

export function staleText(card: LineCardModel, readAt: number, w: Wording): AlertText {
  const message = card.manual ? 'alert_stale_message_manual' : 'alert_stale_message';
  return { title: w.i18n.t('alert_stale_title', { name: nameOf(card, w) }), message: say(w, message, { date: dayText(readAt, w) }) };
}
