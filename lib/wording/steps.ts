import { formatBytes } from '../format/bytes';
import { formatDay } from '../format/date';
import type { Translator } from '../i18n/translator';
import type { CardWarning, LineCardModel } from '../status/card';
import { headroomPerDay } from '../status/compare';
import { isUnusual } from '../status/warnings';
import { DAY } from '../time/units';
import { carrierName, lineDisplayName } from './names';

/**
 * "What to do": one or two concrete next steps that fit a warning, in the UI language. Pure. They
 * name only what the figures support (a line to switch to is one of the same country, with room
 * and a known outlook) and never sound more alarming than the warning itself.
 */

export interface Step {
  text: string;
  /** A link after the text (the carrier's page, where an add-on can be bought). */
  link?: { href: string; label: string };
}

export interface StepContext {
  now: number;
  /** Every line's card (the one warned about among them). */
  cards: readonly LineCardModel[];
  /** The country of a carrier ('ES', 'HK'…), null when unknown (a line added by hand). */
  countryOf: (carrierId: string) => string | null;
  /** The carrier's usage page, null when none (a line added by hand). */
  usageUrl: string | null;
}

/**
 * The line to move mobile data to: same country as the warned line (another country means
 * roaming), counted (not pending), calm (no warning of its own), with an outlook we know, and
 * room per remaining day (or no cap). The one with the most room wins.
 */
export function switchTarget(card: LineCardModel, context: StepContext): { card: LineCardModel; perDay: number | null } | null {
  const country = context.countryOf(card.carrierId);
  if (country === null) return null;
  let best: { card: LineCardModel; perDay: number | null } | null = null;
  for (const other of context.cards) {
    if (other.lineId === card.lineId || other.pending || other.warnings.length > 0) continue;
    if (context.countryOf(other.carrierId) !== country) continue;
    const known = other.outlook && other.outlook.status !== 'insufficient-data' && other.outlook.status !== 'exhausted';
    if (!known) continue;
    const perDay = other.unlimited ? null : headroomPerDay(other, context.now);
    if (!other.unlimited && !(perDay !== null && perDay > 0)) continue;
    const better = !best || (best.perDay !== null && (perDay === null || perDay > best.perDay));
    if (better) best = { card: other, perDay };
  }
  return best;
}

function switchStep(card: LineCardModel, context: StepContext, i18n: Translator): Step | null {
  const target = switchTarget(card, context);
  if (!target) return null;
  const line = lineDisplayName(target.card, i18n);
  if (target.perDay === null) return { text: i18n.t('step_switch_unlimited', { line }) };
  return { text: i18n.t('step_switch', { line, amount: formatBytes(target.perDay, i18n.locale) }) };
}

function addOnStep(card: LineCardModel, context: StepContext, i18n: Translator): Step {
  if (card.manual || !context.usageUrl) return { text: i18n.t('step_add_on_manual') };
  return { text: i18n.t('step_add_on'), link: { href: context.usageUrl, label: carrierName(card, i18n) } };
}

function budgetStep(card: LineCardModel, context: StepContext, i18n: Translator): Step | null {
  const end = card.outlook?.cycleEnd ?? null;
  if (end === null || !(end > context.now) || card.totalBytes === null || card.usedBytes === null) return null;
  const left = Math.max(0, card.totalBytes - card.usedBytes);
  if (left <= 0) return null;
  const perDay = left / Math.max(1, (end - context.now) / DAY);
  return { text: i18n.t('step_budget', { amount: formatBytes(perDay, i18n.locale), date: formatDay(end, i18n.locale) }) };
}

const present = (steps: Array<Step | null>): Step[] => steps.filter((s): s is Step => s !== null).slice(0, 2);

/** One or two next steps for `warning` on `card`. */
export function nextSteps(card: LineCardModel, warning: CardWarning, context: StepContext, i18n: Translator): Step[] {
  if (warning.kind === 'used-up') {
    const end = card.outlook?.cycleEnd ?? null;
    const billed: Step = {
      text: end !== null && end > context.now ? i18n.t('step_used_up_until', { date: formatDay(end, i18n.locale) }) : i18n.t('step_used_up'),
    };
    return present([billed, switchStep(card, context, i18n) ?? addOnStep(card, context, i18n)]);
  }
  if (warning.kind === 'overrun') return present([budgetStep(card, context, i18n), addOnStep(card, context, i18n)]);
  if (!isUnusual(warning)) return [];
  // Use at night, or a slow drain over days: something runs in the background.
  if (warning.kind === 'overnight' || warning.slowDrain) return present([{ text: i18n.t('step_background') }, { text: i18n.t('step_per_app') }]);
  // A burst now: stop it, or carry on on a line that has room.
  return present([{ text: i18n.t('step_data_off') }, switchStep(card, context, i18n) ?? { text: i18n.t('step_per_app') }]);
}
