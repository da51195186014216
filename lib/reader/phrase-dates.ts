import { findDate, parseRelative } from '../extract/dates';
import type { ParseContext } from '../vocabulary/reading';
import { statedTime } from './own-cards';

/**
 * Dates a page states after a phrase of its own ("Vigencia: 30/11", "Se renueva el 5 de
 * diciembre", "失效日期：2026.10.06"). Each adapter owns its phrases; these read what follows.
 */

/** The next date `re` finds: in its first group when it has one ("vence el (…)"), else in the whole match. */
export function phraseDate(text: string, re: RegExp, { now, timeZone }: ParseContext): number | null {
  const m = re.exec(text);
  if (!m) return null;
  return findDate(m.length > 1 ? (m[1] ?? '') : m[0], { now, timeZone, direction: 'future' });
}

/**
 * The moment `re`'s first group states ("Actualizado al 20/11/2026 a las 9:30"), or the relative
 * time the whole phrase says ("actualizado hace 5 minutos").
 */
export function phraseTime(text: string, re: RegExp, { now, timeZone }: ParseContext): number | null {
  const m = re.exec(text);
  if (!m?.[1]) return null;
  return statedTime(m[1], now, timeZone) ?? parseRelative(m[0], { now, timeZone });
}
