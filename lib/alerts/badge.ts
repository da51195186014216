import type { Translator } from '../i18n/translator';
import { DEFAULT_THRESHOLDS } from '../settings/defaults';
import { dayText } from './wording';

/**
 * What the toolbar badge shows. Pure: the background only applies the result, so every colour
 * and text rule is tested without a browser.
 */
export { DEFAULT_THRESHOLDS };

export type BadgeLevel = 'none' | 'ok' | 'notice' | 'warning' | 'danger' | 'over';

/** Green, then olive → amber → red → dark red as the cap fills. */
export const BADGE_COLORS: Record<BadgeLevel, string> = {
  none: '#5f6368',
  ok: '#1e7d32',
  notice: '#827717',
  warning: '#b26a00',
  danger: '#c62828',
  over: '#7f0000',
};

const RANK: Record<BadgeLevel, number> = { none: 0, ok: 1, notice: 2, warning: 3, danger: 4, over: 5 };

export interface BadgeLine {
  /** How the user knows the line: "Movistar ••12". */
  name: string;
  percent: number | null;
  unlimited: boolean;
  /** Explanation of unusual use still inside the cards' 48 h window; null/absent when none. */
  anomaly?: string | null;
  /** When the cap is projected to run out before renewal; null/absent when it is not. */
  runsOutAt?: number | null;
}

export interface Badge {
  text: string;
  color: string;
  level: BadgeLevel;
  title: string;
}

export interface BadgeOptions {
  /** The UI language's translator, for the title's wording and dates. */
  i18n: Translator;
  /** For the "runs out around <date>" wording; the browser's zone in production. */
  timeZone?: string;
}

export const BADGE_TITLE = 'eSIM Usage Guard';

/** Level of one percentage against ascending thresholds [notice, warning, danger, over]. */
export function levelFor(percent: number, thresholds: readonly number[] = DEFAULT_THRESHOLDS): BadgeLevel {
  const levels: BadgeLevel[] = ['notice', 'warning', 'danger', 'over'];
  let level: BadgeLevel = 'ok';
  for (let i = 0; i < levels.length; i++) {
    const threshold = thresholds[i];
    if (threshold !== undefined && percent >= threshold) level = levels[i] ?? level;
  }
  return level;
}

function atLeast(level: BadgeLevel, floor: BadgeLevel): BadgeLevel {
  return RANK[level] >= RANK[floor] ? level : floor;
}

/**
 * A line's level: its percent against the thresholds, raised to at least amber ('warning') when
 * the cap is projected to run out before renewal, and to red ('danger') while unusual use is
 * active, because a leak is worth looking at now whatever the percentage.
 */
export function lineLevel(line: BadgeLine, thresholds: readonly number[] = DEFAULT_THRESHOLDS): BadgeLevel {
  let level: BadgeLevel = line.percent === null ? 'ok' : levelFor(line.percent, thresholds);
  if (line.runsOutAt != null) level = atLeast(level, 'warning');
  if (line.anomaly) level = atLeast(level, 'danger');
  return level;
}

/**
 * The badge follows the worst line: highest level, then active unusual use, then fullest. Its
 * text is `!` when that line shows unusual use, else its percent; `∞` when no line has a cap.
 */
export function decideBadge(lines: readonly BadgeLine[], thresholds: readonly number[] = DEFAULT_THRESHOLDS, options: BadgeOptions): Badge {
  if (lines.length === 0) return { text: '', color: BADGE_COLORS.none, level: 'none', title: BADGE_TITLE };
  const title = [BADGE_TITLE, ...lines.map((l) => describeLine(l, options))].join('\n');
  const ranked = lines.map((line) => ({ line, level: lineLevel(line, thresholds) }));
  const worst = ranked.reduce((a, b) => (compare(b, a) > 0 ? b : a));
  const { line, level } = worst;
  const text = line.anomaly ? '!' : line.percent !== null ? `${Math.min(999, Math.floor(line.percent))}%` : '∞';
  return { text, color: BADGE_COLORS[level], level, title };
}

function compare(a: { line: BadgeLine; level: BadgeLevel }, b: { line: BadgeLine; level: BadgeLevel }): number {
  return (
    RANK[a.level] - RANK[b.level] ||
    Number(Boolean(a.line.anomaly)) - Number(Boolean(b.line.anomaly)) ||
    (a.line.percent ?? -1) - (b.line.percent ?? -1)
  );
}

function describeLine(line: BadgeLine, options: BadgeOptions): string {
  const { i18n } = options;
  const parts = [
    line.percent !== null ? i18n.t('badge_used', { percent: Math.floor(line.percent) }) : i18n.t(line.unlimited ? 'badge_unlimited' : 'badge_cap_unknown'),
  ];
  if (line.anomaly) parts.push(i18n.t('badge_unusual', { detail: line.anomaly }));
  if (line.runsOutAt != null) parts.push(i18n.t('badge_runs_out', { date: dayText(line.runsOutAt, options) }));
  return i18n.t('badge_line', { name: line.name, status: parts.join(i18n.t('badge_separator')) });
}
