import { ORANGE_FR } from '../carriers/catalog';
import { addMonths, isValidDay, zonedTime } from '../time/calendar';
import type { ParseContext } from '../vocabulary/reading';
import { ORANGE_FR_JSON } from './allow-list';
import { jsonReading } from './plausible';
import { amount, field, list, path, text } from './read';
import { sizeText } from './sizes';
import { definePageJson } from './types';

/**
 * Orange France and Sosh: the JSON behind the suivi-conso view (shared/CARRIERS.md, strong for its
 * 2021 shape; its URL is not known, see the allow-list). Per contract: `pageInfo.reinitDate` (ISO
 * local date-time of the LAST reset; the next is a month later), `pageInfo.titleOffer` (plan name),
 * and `families[]`; the `internetMobile` family's `bundles[0]` holds `gaugeInfo.to` (the cap,
 * "100 Go"), `gaugeInfo.percent` and `summary.mainText`, the REMAINING amount ("12,34 Go").
 * Sizes are display text in French (decimal comma, Go/Mo), read by the shared grammar. An
 * unlimited bundle ("Illimité") states no figure here, so it yields nothing. Whether `percent`
 * counts use or what is left is not known: it must match one of the two, or the answer is in doubt.
 */
const BASE = ORANGE_FR.unitBase;

export default definePageJson({
  carrierId: ORANGE_FR.id,
  urls: ORANGE_FR_JSON,
  read(body, _url, context) {
    const families = list(field(body, 'families'), 20);
    const internet = families?.find((f) => field(f, 'familyCode') === 'internetMobile');
    if (!internet) return null;
    const bundle = list(field(internet, 'bundles'))?.[0];
    const totalBytes = sizeText(text(path(bundle, 'gaugeInfo', 'to'), 40), 'fr-FR', BASE);
    const remainingBytes = sizeText(text(path(bundle, 'summary', 'mainText'), 40), 'fr-FR', BASE);
    if (totalBytes === null || remainingBytes === null || totalBytes === 0) return null;
    const percent = amount(path(bundle, 'gaugeInfo', 'percent'));
    if (percent !== undefined) {
      const left = (remainingBytes / totalBytes) * 100;
      if (Math.abs(left - percent) > 3 && Math.abs(100 - left - percent) > 3) return null;
    }
    const reading = jsonReading(
      { bucket: 'data', usedBytes: null, totalBytes, unlimited: false, remainingBytes },
      { planName: text(path(body, 'pageInfo', 'titleOffer')), periodEnd: nextReset(text(path(body, 'pageInfo', 'reinitDate'), 30), context), periodEndKind: 'renewal' },
    );
    return reading ? { ok: true, readings: [reading] } : null;
  },
});

/** A month after the last reset ("2026-11-05T00:00:00", local time), if that is still ahead. */
function nextReset(iso: string | undefined, { now, timeZone = 'UTC' }: ParseContext): number | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+)?$/.exec(iso) : null;
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDay(year, month, day)) return null;
  const next = addMonths(year, month, day, 1);
  const time = zonedTime(next.year, next.month, next.day, 0, 0, timeZone);
  return time > now ? time : null;
}

// Portal URLs: https://espace-client.orange.fr/ (suivi conso of a mobile contract) and the Sosh
// customer area (*.sosh.fr), whose scripts fetch the JSON read here
