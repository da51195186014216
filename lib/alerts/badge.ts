import { formatPercent, wholePercent } from '../format/percent';
import { LEVEL_COLORS, type Level } from '../status/level';
import type { LineStatus } from '../status/line-status';
import { isUnusual } from '../status/warnings';
import { dayText, unusualText, type Wording } from '../wording/alerts';
import { describeRenewal, isCloseRunOut } from '../wording/card';
import { lineDisplayName } from '../wording/names';

/**
 * What the toolbar badge shows. Pure: the background only applies the result. It decides nothing
 * about the lines themselves: their levels and their order come from their status
 * (lib/status), so the badge always follows the card the popup shows first.
 */

export interface BadgeLine {
  /** How the user knows the line: "Movistar ••12". */
  name: string;
  percent: number | null;
  unlimited: boolean;
  /** The line's level from its status. */
  level: Level;
  /** Unusual use still shown on the card, in words; null/absent when none. */
  anomaly?: string | null;
  /** When the cap is projected to run out before renewal; null/absent when it is not. */
  runsOutAt?: number | null;
  /** The run-out is a close call: a quieter pace would still last (lib/wording/card.ts). */
  runsOutClose?: boolean;
  /** The cycle renewed after the latest reading, in words ("renewed on Dec 3, not read since"); null/absent otherwise. */
  renewal?: string | null;
}

export interface Badge {
  text: string;
  color: string;
  level: Level;
  title: string;
}

export type BadgeOptions = Wording;

export const BADGE_TITLE = 'eSIM Usage Guard';

/**
 * The badge's lines, in the statuses' order of urgency. Lines still waiting for the user to confirm
 * the generic reader's figures do not count.
 */
export function badgeLinesOf(statuses: readonly LineStatus[], wording: Wording): BadgeLine[] {
  return statuses
    .filter(({ card }) => !card.pending)
    .map(({ card }) => {
      const unusual = card.warnings.filter(isUnusual).sort((a, b) => b.end - a.end)[0];
      const renewal = card.outlook ? describeRenewal(card.outlook, wording.i18n) : null;
      return {
        name: lineDisplayName(card, wording.i18n),
        percent: card.percent,
        unlimited: card.unlimited,
        level: card.level,
        anomaly: unusual ? unusualText(unusual, wording) : null,
        runsOutAt: card.warnings.find((w) => w.kind === 'overrun')?.end ?? null,
        runsOutClose: isCloseRunOut(card.outlook),
        ...(renewal ? { renewal } : {}),
      };
    });
}

/**
 * The badge follows the most urgent line (the first): `!` when it shows unusual use, else its
 * percent, `?` when it renewed after its latest reading (the new cycle's share is not known yet),
 * `∞` when it has no cap; coloured by its level. The title names every line.
 */
export function decideBadge(lines: readonly BadgeLine[], options: BadgeOptions): Badge {
  const worst = lines[0];
  if (!worst) return { text: '', color: LEVEL_COLORS.none, level: 'none', title: BADGE_TITLE };
  const title = [BADGE_TITLE, ...lines.map((l) => describeLine(l, options))].join('\n');
  const text = worst.anomaly ? '!' : worst.percent !== null ? `${Math.min(999, wholePercent(worst.percent))}%` : worst.renewal ? '?' : '∞';
  return { text, color: LEVEL_COLORS[worst.level], level: worst.level, title };
}

function describeLine(line: BadgeLine, options: BadgeOptions): string {
  const { i18n } = options;
  const parts = [
    line.percent !== null
      ? i18n.t('badge_used', { percent: formatPercent(line.percent, i18n.locale) })
      : line.renewal ?? i18n.t(line.unlimited ? 'badge_unlimited' : 'badge_cap_unknown'),
  ];
  if (line.anomaly) parts.push(i18n.t('badge_unusual', { detail: line.anomaly }));
  if (line.runsOutAt != null) parts.push(i18n.t(line.runsOutClose ? 'badge_runs_out_close' : 'badge_runs_out', { date: dayText(line.runsOutAt, options) }));
  return i18n.t('badge_line', { name: line.name, status: parts.join(i18n.t('badge_separator')) });
}
