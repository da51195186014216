import { ENTEL_CL } from '../carriers/catalog';
import { addDays, zonedParts, zonedTime } from '../time/calendar';
import type { ParseContext } from '../vocabulary/reading';
import { ENTEL_CL_JSON } from './allow-list';
import { jsonReading } from './plausible';
import { amount, field, path, text } from './read';
import { megabytes, sizeText } from './sizes';
import { definePageJson } from './types';

/**
 * Mi Entel's usage call (shared/CARRIERS.md, weak and undated): `GET restpp/asset/consumptionInfo`
 * answers `{ success, response: { consumption: { refreshDays, displayDataUsed, totalData, … } } }`.
 * `totalData` is in MB, and Entel means 1 GB = 1000 MB (the public script reading it divides by
 * 1000). `displayDataUsed` is taken as MB too when it is a number, or read as a size when it is
 * display text ("1,5 GB"). `refreshDays` is the days until the plan renews.
 */
const BASE = ENTEL_CL.unitBase;

export default definePageJson({
  carrierId: ENTEL_CL.id,
  urls: ENTEL_CL_JSON,
  read(body, _url, context) {
    if (field(body, 'success') !== true) return null;
    const consumption = path(body, 'response', 'consumption');
    const totalBytes = megabytes(amount(field(consumption, 'totalData')), BASE);
    const shown = field(consumption, 'displayDataUsed');
    const usedBytes = megabytes(amount(shown), BASE) ?? sizeText(text(shown, 40), 'es-CL', BASE);
    if (totalBytes === null || usedBytes === null) return null;
    const reading = jsonReading(
      { bucket: 'data', usedBytes, totalBytes, unlimited: false, remainingBytes: null },
      { periodEnd: renewal(amount(field(consumption, 'refreshDays')), context), periodEndKind: 'renewal' },
    );
    return reading ? { ok: true, readings: [reading] } : null;
  },
});

/** Local midnight `days` days from today, for a whole number of days within two months. */
function renewal(days: number | undefined, { now, timeZone = 'UTC' }: ParseContext): number | null {
  if (days === undefined || !Number.isInteger(days) || days > 62) return null;
  const today = zonedParts(now, timeZone);
  const end = addDays(today.year, today.month, today.day, days);
  return zonedTime(end.year, end.month, end.day, 0, 0, timeZone);
}

// Portal URLs: https://miportal.entel.cl/miEntel/mi-cuenta, whose script calls
// https://miportal.entel.cl/restpp/asset/consumptionInfo
