import type { Translator, UiLocale } from '../i18n/translator';
import type { LineCardModel } from '../status/card';
import { brandOf } from '../status/line-name';
import { MANUAL_CARRIER_ID } from '../vocabulary/reading';

/**
 * Carriers whose name a UI language writes its own way: a Chinese reader knows China Mobile Hong
 * Kong as 中國移動香港 (Traditional) / 中国移动香港 (Simplified). Everywhere else the brand is the name.
 */
const LOCAL_NAMES: Record<string, Partial<Record<UiLocale, string>>> = {
  cmhk: { 'zh-CN': '中国移动香港', 'zh-HK': '中國移動香港' },
};

/** A carrier's name in the UI language; lines added by hand say so instead of an internal id. */
export function carrierNameIn(carrierId: string, label: string, i18n: Translator): string {
  if (carrierId === MANUAL_CARRIER_ID) return i18n.t('opt_manual_carrier');
  return LOCAL_NAMES[carrierId]?.[i18n.locale] ?? label;
}

/** The carrier of a card, in the UI language ("Sosh" for a Sosh line, "中國移動香港" in Chinese). */
export function carrierName(card: Pick<LineCardModel, 'carrierId' | 'carrierLabel'>, i18n: Translator): string {
  return carrierNameIn(card.carrierId, card.carrierLabel, i18n);
}

/** A line's name in the UI language: the user's own name as given, else the carrier's name in this language and the masked digits. */
export function lineDisplayName(card: Pick<LineCardModel, 'carrierId' | 'carrierLabel' | 'name' | 'nameTail'>, i18n: Translator): string {
  if (card.nameTail === null || card.nameTail === undefined) return card.name;
  return `${carrierName(card, i18n)}${card.nameTail}`;
}

/** A catalogue label as a list shows it ("Orange / Sosh" stays both: the list links both brands' page). */
export function carrierListName(carrierId: string, label: string, i18n: Translator, pageUrl?: string | null): string {
  return carrierNameIn(carrierId, brandOf(label, pageUrl), i18n);
}
