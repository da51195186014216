import type { LineCardModel } from './card';
import { DAY } from '../time/units';


/** One line in the compare view: where it stands in its cycle, and what it can still afford. */
export interface CompareRow {
  lineId: number;
  name: string;
  carrierLabel: string;
  color: string | null;
  unlimited: boolean;
  /** % of the cap used at the last reading (may exceed 100). */
  usedPercent: number | null;
  /** % of the cycle gone at the last reading. */
  elapsedPercent: number | null;
  /** usedPercent − elapsedPercent: > 0 means ahead of an even pace. */
  pace: number | null;
  /** Bytes per day left until renewal, from now. */
  headroomPerDay: number | null;
  card: LineCardModel;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** % of the cycle gone at `at`: from the cycle's bounds, else from the pace the background stated. */
export function elapsedPercentOf(card: LineCardModel, at: number): number | null {
  const o = card.outlook;
  if (!o) return null;
  const start = o.cycleStart ?? null;
  if (start !== null && o.cycleEnd !== null && o.cycleEnd > start) return clamp((100 * (at - start)) / (o.cycleEnd - start), 0, 100);
  if (o.pace !== null && card.percent !== null) return clamp(card.percent - o.pace, 0, 100);
  return null;
}

/** What is left of the cap per remaining day of the cycle, from `now`; null when unknowable. */
export function headroomPerDay(card: LineCardModel, now: number): number | null {
  const end = card.outlook?.cycleEnd ?? null;
  if (card.unlimited || card.pending || card.totalBytes === null || card.usedBytes === null || end === null || !(end > now)) return null;
  const days = Math.max((end - now) / DAY, 1 / 24);
  return Math.max(0, card.totalBytes - card.usedBytes) / days;
}

export function compareRows(cards: readonly LineCardModel[], now: number): CompareRow[] {
  return cards.map((card) => {
    const elapsed = elapsedPercentOf(card, card.readAt);
    const used = card.unlimited ? null : card.percent;
    return {
      lineId: card.lineId,
      name: card.name,
      carrierLabel: card.carrierLabel,
      color: card.color,
      unlimited: card.unlimited,
      usedPercent: used,
      elapsedPercent: elapsed,
      pace: used !== null && elapsed !== null ? used - elapsed : null,
      headroomPerDay: headroomPerDay(card, now),
      card,
    };
  });
}

/**
 * "Use line X now": the capped line with the most headroom per remaining day, so spending on it
 * is least likely to run anything out before renewal. Said only when there is a choice (two or
 * more lines with a known cap and renewal) and the winner has something left. Unlimited lines are
 * left out: their fair-use limits are not on the page, so "most headroom" cannot be claimed.
 */
export function bestLineNow(rows: readonly CompareRow[]): { lineId: number; name: string; headroomPerDay: number } | null {
  const candidates = rows.filter((r): r is CompareRow & { headroomPerDay: number } => r.headroomPerDay !== null);
  if (candidates.length < 2) return null;
  const best = candidates.reduce((a, b) => (b.headroomPerDay > a.headroomPerDay ? b : a));
  if (!(best.headroomPerDay > 0)) return null;
  return { lineId: best.lineId, name: best.name, headroomPerDay: best.headroomPerDay };
}
