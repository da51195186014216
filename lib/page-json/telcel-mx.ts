import { parseDate } from '../extract/dates';
import { TELCEL_MX } from '../carriers/catalog';
import { mxBucketOf } from '../reader/es-mx';
import type { Bucket, PageReading, ParseContext } from '../vocabulary/reading';
import { TELCEL_MX_JSON } from './allow-list';
import { jsonReading, lastDigits, pastTime, saneTime, type JsonFigures } from './plausible';
import { megabytes } from './sizes';
import { amount, field, list, path, text } from './read';
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
    if (data === undefined) return null;
    const lineDigits = lastDigits(/\/consumo\/(\d+)/.exec(url.pathname)?.[1]);
    const packages = Array.isArray(data) ? older(data, context) : current(data, context);
    if (!packages) return null;
    const updated = pastTime(amount(field(data, 'fechaActualizacion')), context.now);
    const readings = sumByBucket(packages).map((p) =>
      jsonReading(figures(p), { lineDigits, periodEnd: p.expiry, periodEndKind: 'expiry', pageSaysUpdatedAt: updated }),
    );
    if (readings.some((r) => r === null)) return null; // one implausible bucket puts the whole answer in doubt
    return readings.length > 0 ? { ok: true, readings: readings as PageReading[] } : null;
  },
});

function figures(p: Package): JsonFigures {
  const totalMb = Math.max(p.contracted ?? 0, p.used + p.available);
  return { bucket: p.bucket, usedBytes: megabytes(p.used, BASE), totalBytes: megabytes(totalMb, BASE), unlimited: false, remainingBytes: megabytes(p.available, BASE) };
}

/** frame-consumos and postpaid consumo: `consumos[]`, or only `sumatoria` when no package is listed. */
function current(data: unknown, { now }: ParseContext): Package[] | null {
  const consumos = list(field(data, 'consumos'));
  if (!consumos) return null;
  const packages: Package[] = [];
  for (const item of consumos) {
    const name = `${text(field(item, 'nombreProducto')) ?? ''} ${text(field(item, 'tipoPaquete')) ?? ''} ${text(field(item, 'clave')) ?? ''}`;
    if (NOT_DATA.test(name)) continue;
    const used = amount(field(item, 'mbUsados'));
    const available = amount(field(item, 'mbDisponibles'));
    if (used === undefined || available === undefined) return null;
    const expiry = saneTime(amount(field(item, 'fechaExpiracion')));
    if (expiry !== null && expiry <= now) continue; // an expired package is not today's allowance
    packages.push({ bucket: mxBucketOf(name) ?? 'data', used, available, contracted: amount(field(item, 'mbTotales')) ?? null, expiry });
  }
  if (consumos.length > 0) return packages;
  const sum = field(data, 'sumatoria');
  const used = amount(field(sum, 'mbUsados'));
  const available = amount(field(sum, 'mbDisponibles'));
  if (used === undefined || available === undefined) return null;
  return [{ bucket: 'data', used, available, contracted: amount(field(sum, 'mbIncluidos')) ?? null, expiry: null }];
}

/** The 2016 prepaid shape: an array of packages with contracted/used/available. */
function older(data: readonly unknown[], { now, timeZone }: ParseContext): Package[] | null {
  if (data.length > 50) return null;
  const packages: Package[] = [];
  for (const item of data) {
    const name = text(field(item, 'productName')) ?? '';
    if (NOT_DATA.test(name) || field(item, 'paqueteExpiradoAgotado') === true) continue;
    const used = amount(field(item, 'totalConsumido'));
    const available = amount(field(item, 'totalDisponible'));
    const contracted = amount(field(item, 'totalContratado'));
    if (used === undefined || available === undefined || contracted === undefined) return null;
    const date = text(field(item, 'fechaExpiracion'), 10);
    const expiry = date && /^\d{2}\/\d{2}\/\d{4}$/.test(date) ? parseDate(date, { now, timeZone, direction: 'future' }) : null;
    if (expiry !== null && expiry <= now) continue;
    const roaming = field(item, 'roamingFlag') === true || field(item, 'roamingFlag') === 'true';
    packages.push({ bucket: roaming ? 'roaming' : (mxBucketOf(name) ?? 'data'), used, available, contracted, expiry });
  }
  return packages;
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
