import { parseDate } from '../extract/dates';
import { TELCEL_MX } from '../carriers/catalog';
import { mxBucketOf } from '../reader/es-mx';
import type { Bucket, PageReading, ParseContext } from '../vocabulary/reading';
import { TELCEL_MX_JSON } from './allow-list';
import { jsonReading, lastDigits, pastTime, saneTime, type JsonFigures } from './plausible';
import { megabytes } from './sizes';
import { amount, field, flag, list, path, text } from './read';
import { definePageJson } from './types';

/**
 * Mi Telcel's own usage answers (shared/CARRIERS.md, strong since 2026-12). Figures are JSON
 * numbers in MB (1 MB = 1024 KB, as on Telcel's screens); dates are epoch ms, except the 2016
 * prepaid shape's "dd/mm/yyyy". Three shapes, all under `data` (jQuery-era bodies; a wrapping
 * `response` is accepted too):
 * - prepaid frame-consumos: `{ fechaActualizacion, consumos: [{ nombreProducto, tipoPaquete,
 *   mbTotales, mbUsados, mbDisponibles, fechaExpiracion, ... }], sumatoria }`;
 * - postpaid consumo/<number>: `{ consumos: [{ clave, mbUsados, mbDisponibles, ... }] }` (no total:
 *   the allowance is used + available);
 * - 2016 prepaid consumo/<number>: `[{ totalContratado, totalConsumido, totalDisponible,
 *   fechaExpiracion, productName, roamingFlag, paqueteExpiradoAgotado }]`.
 * Bonus MB can make "available" exceed the contracted amount: the allowance is then used +
 * available, so the figures add up. A falling mbUsados is a new package (a top-up): a later body
 * simply replaces the earlier one. Packages of the same bucket (two data packages) are summed.
 */
const BASE = TELCEL_MX.unitBase;
// Social-network and call packages carry no data allowance of their own.
const NOT_DATA = /redes\s+sociales|whatsapp|facebook|twitter|instagram|messenger|minutos|llamadas|\bsms\b|mensajes/i;

interface Package {
  bucket: Bucket;
  used: number;
  available: number;
  contracted: number | null;
  expiry: number | null;
}

export default definePageJson({
  carrierId: TELCEL_MX.id,
  urls: TELCEL_MX_JSON,
  read(body, url, context) {
    const data = field(body, 'data') ?? path(body, 'response', 'data');
    // The 2016 shape is the list itself; the others list packages under `consumos`.
    const items = list(Array.isArray(data) ? data : field(data, 'consumos'));
    if (!items) return null;
    const packages: Package[] = [];
    for (const item of items) {
      const p = readPackage(item, context);
      if (p === undefined) return null; // one broken package puts the whole answer in doubt
      if (p) packages.push(p);
    }
    if (items.length === 0) {
      // No package listed: the summary alone, if the answer has one.
      const sum = readPackage(field(data, 'sumatoria'), context);
      if (!sum) return null;
      packages.push(sum);
    }
    const lineDigits = lastDigits(/\/consumo\/(\d+)/.exec(url.pathname)?.[1]);
    const updated = pastTime(amount(field(data, 'fechaActualizacion')), context.now);
    const readings = sumByBucket(packages).map((p) =>
      jsonReading(figures(p), { lineDigits, periodEnd: p.expiry, periodEndKind: 'expiry', pageSaysUpdatedAt: updated }),
    );
    return readings.length > 0 && readings.every((r) => r !== null) ? { ok: true, readings: readings as PageReading[] } : null;
  },
});

function figures(p: Package): JsonFigures {
  const totalMb = Math.max(p.contracted ?? 0, p.used + p.available);
  return { bucket: p.bucket, usedBytes: megabytes(p.used, BASE), totalBytes: megabytes(totalMb, BASE), unlimited: false, remainingBytes: megabytes(p.available, BASE) };
}

/**
 * One package of any of the three shapes (or the `sumatoria`); null when it is not a data
 * allowance in force (a social-network package, an expired or exhausted one), undefined when its
 * figures are missing or not numbers.
 */
function readPackage(item: unknown, { now, timeZone }: ParseContext): Package | null | undefined {
  const name = ['nombreProducto', 'tipoPaquete', 'clave', 'productName'].map((key) => text(field(item, key)) ?? '').join(' ');
  if (NOT_DATA.test(name) || field(item, 'paqueteExpiradoAgotado') === true) return null;
  const used = amount(field(item, 'mbUsados') ?? field(item, 'totalConsumido'));
  const available = amount(field(item, 'mbDisponibles') ?? field(item, 'totalDisponible'));
  if (used === undefined || available === undefined) return undefined;
  const contracted = amount(field(item, 'mbTotales') ?? field(item, 'totalContratado') ?? field(item, 'mbIncluidos')) ?? null;
  const end = field(item, 'fechaExpiracion');
  const expiry = typeof end === 'string' ? (/^\d{2}\/\d{2}\/\d{4}$/.test(end) ? parseDate(end, { now, timeZone, direction: 'future' }) : null) : saneTime(amount(end));
  if (expiry !== null && expiry <= now) return null; // an expired package is not today's allowance
  const roaming = flag(field(item, 'roamingFlag')) === true;
  return { bucket: roaming ? 'roaming' : (mxBucketOf(name) ?? 'data'), used, available, contracted, expiry };
}

function sumByBucket(packages: readonly Package[]): Package[] {
  const byBucket = new Map<Bucket, Package>();
  for (const p of packages) {
    const seen = byBucket.get(p.bucket);
    if (!seen) {
      byBucket.set(p.bucket, { ...p });
      continue;
    }
    seen.used += p.used;
    seen.available += p.available;
    seen.contracted = seen.contracted === null || p.contracted === null ? null : seen.contracted + p.contracted;
    // The bucket's allowance lasts until its first package ends.
    seen.expiry = seen.expiry === null ? p.expiry : p.expiry === null ? seen.expiry : Math.min(seen.expiry, p.expiry);
  }
  return [...byBucket.values()];
}

// Portal URLs: https://www.mitelcel.com/mitelcel/consumo-datos/… (prepaid usage view), whose script
// calls https://www.mitelcel.com/mitelcel/mitelcel-api-web/api/… (see lib/page-json/allow-list.ts)
