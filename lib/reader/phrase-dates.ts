import { findAbsoluteDates, findDate, parseRelative, type DateDirection } from '../extract/dates';
import { zonedParts, zonedTime } from '../time/calendar';
import type { ParseContext } from '../vocabulary/reading';

/**
 * Dates and times a page states after a phrase of its own ("Vigencia: 30/11", "Se renueva el 5 de
 * diciembre", "失效日期：2026.10.06", "Actualizado al 20/11/2026 a las 9:30", "hace 5 minutos").
 * Each adapter owns its phrases; these read what follows. The one home of "updated at": block
 * pages, card pages and the adapters with readers of their own all read it here.
 */

/** The next date `re` finds: in its first group when it has one ("vence el (…)"), else in the whole match. */
export function phraseDate(text: string, re: RegExp, { now, timeZone }: ParseContext): number | null {
  const m = re.exec(text);
  if (!m) return null;
  return findDate(m.length > 1 ? (m[1] ?? '') : m[0], { now, timeZone, direction: 'future' });
}

// A clock time right after the date: "09:30", "9h30", "9 h 30", "09：30".
const CLOCK = /(?<!\d)(\d{1,2})\s*[:：h]\s*(\d{2})(?!\d)/;

/**
 * A moment the page states ("截至 2026-11-20 09:30", "Actualizado al 20/11/2026 a las 9:30",
 * "mis à jour le 20/11 à 9h30"): the first absolute date, at the clock time written within 16
 * characters after it (midnight when none, or when it is no time of day), in `timeZone`.
 */
export function statedTime(text: string, now: number, timeZone = 'UTC', direction: DateDirection = 'past'): number | null {
  const date = findAbsoluteDates(text, { now, timeZone, direction })[0];
  if (!date) return null;
  const clock = CLOCK.exec(text.slice(date.index + date.length, date.index + date.length + 16));
  if (!clock) return date.time;
  const day = zonedParts(date.time, timeZone);
  const hour = Number(clock[1]);
  const minute = Number(clock[2]);
  return hour > 23 || minute > 59 ? date.time : zonedTime(day.year, day.month, day.day, hour, minute, timeZone);
}

/**
 * When the page says its figures were updated, from the phrase `re` finds: the moment stated in
 * its first group (or in the whole phrase when it has none), else the relative time the phrase
 * says ("actualizado hace 5 minutos", "il y a 2 h", "a las 14:05").
 */
export function phraseTime(text: string, re: RegExp, { now, timeZone }: ParseContext): number | null {
  const m = re.exec(text);
  const stated = m ? (m.length > 1 ? m[1] : m[0]) : undefined;
  if (!m || !stated) return null;
  return statedTime(stated, now, timeZone) ?? parseRelative(m[0], { now, timeZone });
}
