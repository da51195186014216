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

/** Where the user seems to be, and what each line's carrier country is, for advice that never means roaming. */
export interface AdviceContext {
  /** The lines read from the carrier page in the active tab (the line the user is looking at). */
  tabLineIds?: readonly number[];
  /** A carrier's country ('ES', 'HK'…), null when unknown (a line added by hand). */
  countryOf?: (carrierId: string) => string | null;
}

export type LineAdvice =
  | { kind: 'use'; lineId: number; name: string; headroomPerDay: number }
  /**
   * No advice, and why: 'abroad' — the lines with room are another country's than where the user
   * seems to be (that means roaming); 'countries' — lines of several countries and no way to tell
   * where the user is; 'little-known' — the line with the most room needs more readings first.
   */
  | { kind: 'unsure'; reason: 'abroad' | 'countries' | 'little-known'; lineId?: number; name?: string };

/** The country the user seems to be in: that of the line(s) of the carrier page in the active tab. */
export function countryNow(rows: readonly CompareRow[], context: AdviceContext): string | null {
  const { tabLineIds = [], countryOf } = context;
  if (!countryOf) return null;
  const countries = new Set(rows.filter((r) => tabLineIds.includes(r.lineId)).map((r) => countryOf(r.card.carrierId)));
  return countries.size === 1 ? [...countries][0]! : null;
}

/**
 * "Use line X now": the capped line with the most headroom per remaining day, so spending on it
 * is least likely to run anything out before renewal. Said only when there is a choice (two or
 * more lines with a known cap and renewal) and the winner has something left. Unlimited lines are
 * left out: their fair-use limits are not on the page, so "most headroom" cannot be claimed.
 * Never a line of another country than where the user seems to be (roaming charges), nor a line
 * we know little about (one reading, no outlook): then it says why it does not advise.
 */
export function adviseLine(rows: readonly CompareRow[], context: AdviceContext = {}): LineAdvice | null {
  const candidates = rows.filter((r): r is CompareRow & { headroomPerDay: number } => r.headroomPerDay !== null);
  if (candidates.length < 2) return null;
  const country = context.countryOf ?? (() => null);
  const here = countryNow(rows, context);
  const countries = new Set(candidates.map((r) => country(r.card.carrierId)));
  let pool = candidates;
  if (here !== null) pool = candidates.filter((r) => country(r.card.carrierId) === here);
  else if (countries.size > 1) return { kind: 'unsure', reason: 'countries' };
  const known = pool.filter((r) => r.card.outlook !== null && r.card.outlook.status !== 'insufficient-data');
  const best = (list: typeof candidates) => (list.length ? list.reduce((a, b) => (b.headroomPerDay > a.headroomPerDay ? b : a)) : null);
  const top = best(pool);
  const pick = best(known);
  if (!top || pool.length < 2) {
    const elsewhere = best(candidates);
    return here !== null && elsewhere && elsewhere.headroomPerDay > 0 && !pool.includes(elsewhere) ? { kind: 'unsure', reason: 'abroad', lineId: elsewhere.lineId, name: elsewhere.name } : null;
  }
  if (top !== pick) return { kind: 'unsure', reason: 'little-known', lineId: top.lineId, name: top.name };
  if (!pick || !(pick.headroomPerDay > 0)) return null;
  return { kind: 'use', lineId: pick.lineId, name: pick.name, headroomPerDay: pick.headroomPerDay };
}

/** The advice when it names a line to use (the older shape, kept for the callers that only need that). */
export function bestLineNow(rows: readonly CompareRow[], context: AdviceContext = {}): { lineId: number; name: string; headroomPerDay: number } | null {
  const advice = adviseLine(rows, context);
  return advice?.kind === 'use' ? { lineId: advice.lineId, name: advice.name, headroomPerDay: advice.headroomPerDay } : null;
}
