import type { LineAnalysis } from '../analysis/types';
import { formatBytes } from '../format/bytes';
import { formatDay } from '../format/date';
import type { CardWarning, LineCardModel } from '../summary/card';

// English notification texts. Notifications are decided in the background, which has no UI
// language of its own yet; the figures travel in the row's `detail` for other languages later.

export interface AlertText {
  title: string;
  message: string;
}

function renews(analysis: LineAnalysis, timeZone: string): string {
  const end = analysis.cycle.end;
  if (end === null) return '';
  return analysis.cycle.endSource === 'inferred' ? ` It probably renews on ${formatDay(end, 'en-GB', timeZone)}.` : ` It renews on ${formatDay(end, 'en-GB', timeZone)}.`;
}

export function thresholdText(card: LineCardModel, threshold: number, analysis: LineAnalysis, timeZone: string): AlertText {
  const used = card.usedBytes ?? 0;
  const total = card.totalBytes ?? 0;
  const figures = `${formatBytes(used)} of ${formatBytes(total)} used (${Math.floor(card.percent ?? 0)}%).`;
  if (threshold >= 100) return { title: `${card.name}: data allowance used up`, message: `${figures}${renews(analysis, timeZone)}` };
  return { title: `${card.name}: ${threshold}% of data used`, message: `${figures} ${formatBytes(Math.max(0, total - used))} left.${renews(analysis, timeZone)}` };
}

const LEAK_TITLES: Record<'spike' | 'overnight' | 'burn-rate', string> = {
  spike: 'unusual burst of data use',
  overnight: 'unusual data use overnight',
  'burn-rate': 'data going unusually fast',
};

/** The analysis's reason already says how much, when and against what habit. */
export function leakText(card: LineCardModel, warning: CardWarning & { kind: keyof typeof LEAK_TITLES }): AlertText {
  return { title: `${card.name}: ${LEAK_TITLES[warning.kind]}`, message: warning.reason };
}

export function overrunText(card: LineCardModel, exhaustAt: number, analysis: LineAnalysis, timeZone: string): AlertText {
  const left = card.totalBytes !== null && card.usedBytes !== null ? ` ${formatBytes(Math.max(0, card.totalBytes - card.usedBytes))} left.` : '';
  return {
    title: `${card.name}: data runs out around ${formatDay(exhaustAt, 'en-GB', timeZone)}`,
    message: `At the current pace the allowance runs out before renewal.${left}${renews(analysis, timeZone)}`,
  };
}

export function validityText(card: LineCardModel, end: number, timeZone: string): AlertText {
  return {
    title: `${card.name}: plan period ends ${formatDay(end, 'en-GB', timeZone)}`,
    message: `The carrier's page says the current period ends on ${formatDay(end, 'en-GB', timeZone)}. A prepaid line stops at that date unless it is renewed or topped up.`,
  };
}

export function staleText(card: LineCardModel, readAt: number, timeZone: string): AlertText {
  return {
    title: `${card.name}: figures not updated lately`,
    message: `Last read on ${formatDay(readAt, 'en-GB', timeZone)}. Open the carrier's usage page so the figures and warnings stay current.`,
  };
}
