/**
 * What the toolbar badge shows. Pure: the background only applies the result, so every colour
 * and text rule is tested without a browser.
 */
export const DEFAULT_THRESHOLDS = [50, 80, 90, 100] as const;

export type BadgeLevel = 'none' | 'ok' | 'notice' | 'warning' | 'danger' | 'over';

export const BADGE_COLORS: Record<BadgeLevel, string> = {
  none: '#5f6368',
  ok: '#1e7d32',
  notice: '#827717',
  warning: '#b26a00',
  danger: '#c62828',
  over: '#7f0000',
};

export interface BadgeLine {
  /** How the user knows the line: "Movistar ••12". */
  name: string;
  percent: number | null;
  unlimited: boolean;
}

export interface Badge {
  text: string;
  color: string;
  level: BadgeLevel;
  title: string;
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

export function decideBadge(lines: readonly BadgeLine[], thresholds: readonly number[] = DEFAULT_THRESHOLDS): Badge {
  if (lines.length === 0) return { text: '', color: BADGE_COLORS.none, level: 'none', title: BADGE_TITLE };
  const capped = lines.filter((l): l is BadgeLine & { percent: number } => l.percent !== null);
  const title = [BADGE_TITLE, ...lines.map(describeLine)].join('\n');
  if (capped.length === 0) {
    // Only unlimited (or unknown-cap) lines: nothing can run out, but show that we are watching.
    return { text: '∞', color: BADGE_COLORS.ok, level: 'ok', title };
  }
  const worst = Math.max(...capped.map((l) => l.percent));
  const level = levelFor(worst, thresholds);
  return { text: `${Math.min(999, Math.floor(worst))}%`, color: BADGE_COLORS[level], level, title };
}

function describeLine(line: BadgeLine): string {
  if (line.percent !== null) return `${line.name}: ${Math.floor(line.percent)}% used`;
  return `${line.name}: ${line.unlimited ? 'unlimited' : 'cap unknown'}`;
}
