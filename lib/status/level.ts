/**
 * How much trouble a line is in, as one level that the card, the badge, the notifications and the
 * compare view all read from the line's status (lib/status/card.ts): never worked out twice.
 */
export type Level = 'none' | 'ok' | 'notice' | 'warning' | 'danger' | 'over';

export const LEVEL_RANK: Record<Level, number> = { none: 0, ok: 1, notice: 2, warning: 3, danger: 4, over: 5 };

/** Green, then olive → amber → red → dark red as the cap fills (the badge's background colours). */
export const LEVEL_COLORS: Record<Level, string> = {
  none: '#5f6368',
  ok: '#1e7d32',
  notice: '#736914',
  warning: '#985a00',
  danger: '#c62828',
  over: '#7f0000',
};

const BY_THRESHOLD: Level[] = ['notice', 'warning', 'danger', 'over'];

/**
 * Level of a percentage against the user's ascending thresholds [notice, warning, danger, over]
 * (settings.thresholds; fewer thresholds use the first levels). Thresholds are required: a default
 * here is how the card once coloured lines with other levels than the badge.
 */
export function levelFor(percent: number, thresholds: readonly number[]): Level {
  let level: Level = 'ok';
  for (let i = 0; i < BY_THRESHOLD.length; i++) {
    const threshold = thresholds[i];
    if (threshold !== undefined && percent >= threshold) level = BY_THRESHOLD[i] ?? level;
  }
  return level;
}

export function atLeast(level: Level, floor: Level): Level {
  return LEVEL_RANK[level] >= LEVEL_RANK[floor] ? level : floor;
}

/** What raises a line above its percentage: a cap used up, a run-out before renewal, unusual use now. */
export interface LevelRaisers {
  usedUp: boolean;
  runsOut: boolean;
  unusual: boolean;
}

/**
 * A line's level: its percentage against the thresholds, at least red ('danger') once the cap is
 * used up or while unusual use is active (a leak is worth looking at now whatever the percentage),
 * and at least amber ('warning') when the cap is projected to run out before renewal.
 */
export function lineLevel(percentLevel: Level, raisers: LevelRaisers): Level {
  let level = percentLevel;
  if (raisers.runsOut) level = atLeast(level, 'warning');
  if (raisers.unusual || raisers.usedUp) level = atLeast(level, 'danger');
  return level;
}
