import { parseDate } from '../extract/dates';
import { toBytes, type SizeUnit } from '../extract/units';
import { CMHK } from '../carriers/catalog';
import type { Bucket, PageReading, ParseContext } from '../vocabulary/reading';
import { CMHK_JSON } from './allow-list';
import { jsonReading, lastDigits, saneTime, type JsonFigures } from './plausible';
import { amount, field, flag, list, path, text } from './read';
import { definePageJson } from './types';

/**
 * China Mobile Hong Kong's usage query (shared/CARRIERS.md, strong): `…/cbs/usageQuery` (and
 * `indexUsageQuery`) answer `data.result[].details[]`, one entry per bucket with `msisdn, name,
 * total, usage, margin (remaining), unit (GB|MB), infinite, expired, effectiveDate`. Signed out,
 * `queryLoginInfo` (and the usage query) answer code 999999 ("用戶未登錄"). 1 GB = 1024 MB.
 * CMHK always states all three figures, so a finite bucket whose used + remaining is not its total
 * puts the answer in doubt. Entries of one bucket on one number (Mainland + Macau roaming) are
 * summed; an unlimited bucket needs every entry unlimited. `effectiveDate` is read as the bucket's
 * expiry only when it lies ahead (a start date would lie behind).
 */
const UNITS: Record<string, SizeUnit> = { KB: 'KB', MB: 'MB', GB: 'GB', TB: 'TB' };
const BUCKET_NAMES: Array<[RegExp, Bucket]> = [
  [/漫遊|漫游|內地|内地|澳門|澳门|roaming|mainland|macau/i, 'roaming'],
  [/本地|香港|local/i, 'local'],
  [/額外|额外|贈送|赠送|bonus|extra|free/i, 'bonus'],
  [/共享|shared/i, 'shared'],
];
const SIGNED_OUT = '999999';

interface Entry extends JsonFigures {
  lineDigits: string | null;
  expiry: number | null;
}

export default definePageJson({
  carrierId: CMHK.id,
  urls: CMHK_JSON,
  read(body, _url, context) {
    const code = field(body, 'code');
    if (code === SIGNED_OUT || code === Number(SIGNED_OUT)) return { ok: false, reason: 'logged-out', detail: 'page JSON: not signed in' };
    const results = list(path(body, 'data', 'result'), 20);
    if (!results) return null;
    const entries: Entry[] = [];
    for (const result of results) {
      const details = list(field(result, 'details'));
      if (!details) return null;
      for (const detail of details) {
        const entry = readEntry(detail, text(field(result, 'msisdn'), 20), context);
        if (entry === undefined) return null;
        if (entry) entries.push(entry);
      }
    }
    const readings: PageReading[] = [];
    for (const group of groupByLineAndBucket(entries)) {
      const reading = sum(group);
      if (reading === undefined) return null;
      if (reading) readings.push(reading);
    }
    return readings.length > 0 ? { ok: true, readings } : null;
  },
});

/** One bucket entry; null when it is not a data bucket in force, undefined when it is broken. */
function readEntry(detail: unknown, msisdn: string | undefined, { now, timeZone }: ParseContext): Entry | null | undefined {
  const unit = UNITS[text(field(detail, 'unit'), 4)?.toUpperCase() ?? ''];
  if (!unit) return null; // minutes, SMS: not data
  if (flag(field(detail, 'expired'))) return null;
  const name = text(field(detail, 'name')) ?? '';
  const infinite = flag(field(detail, 'infinite'));
  const size = (key: string) => {
    const value = amount(field(detail, key));
    return value === undefined ? null : toBytes(value, unit, CMHK.unitBase);
  };
  const usedBytes = size('usage');
  if (infinite === undefined || usedBytes === null) return undefined;
  const lineDigits = lastDigits(text(field(detail, 'msisdn'), 20) ?? msisdn);
  const expiry = expiryOf(field(detail, 'effectiveDate'), now, timeZone);
  const bucket = BUCKET_NAMES.find(([re]) => re.test(name))?.[1] ?? 'data';
  if (infinite) return { bucket, lineDigits, expiry, usedBytes, totalBytes: null, unlimited: true, remainingBytes: null };
  const totalBytes = size('total');
  const remainingBytes = size('margin');
  if (totalBytes === null || remainingBytes === null) return undefined;
  // The three figures must add up (2 %, or 1 MB for tiny buckets, allows for rounding).
  if (Math.abs(usedBytes + remainingBytes - totalBytes) > Math.max(totalBytes * 0.02, 1024 ** 2)) return undefined;
  return { bucket, lineDigits, expiry, usedBytes, totalBytes, unlimited: false, remainingBytes };
}

function expiryOf(value: unknown, now: number, timeZone?: string): number | null {
  const date = typeof value === 'number' ? saneTime(value) : typeof value === 'string' && value.length <= 30 ? parseDate(value, { now, timeZone, direction: 'future' }) : null;
  return date !== null && date > now ? date : null;
}

function groupByLineAndBucket(entries: readonly Entry[]): Entry[][] {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const key = `${e.lineDigits ?? ''}|${e.bucket}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()];
}

/** One reading per number and bucket; null for an ambiguous mix, undefined for a broken one. */
function sum(group: readonly Entry[]): PageReading | null | undefined {
  const { bucket, lineDigits } = group[0]!;
  const unlimited = group.every((e) => e.unlimited);
  if (!unlimited && group.some((e) => e.unlimited)) return null;
  const total = (pick: (e: Entry) => number | null) => group.reduce((s, e) => s + (pick(e) ?? 0), 0);
  const usedBytes = total((e) => e.usedBytes);
  const figures: JsonFigures = unlimited
    ? { bucket, usedBytes, totalBytes: null, unlimited: true, remainingBytes: null }
    : { bucket, usedBytes, totalBytes: total((e) => e.totalBytes), unlimited: false, remainingBytes: total((e) => e.remainingBytes) };
  const expiries = group.map((e) => e.expiry).filter((t): t is number => t !== null);
  const periodEnd = expiries.length > 0 ? Math.min(...expiries) : null;
  return jsonReading(figures, { lineDigits, periodEnd, periodEndKind: 'expiry' }) ?? undefined;
}

// Portal URLs: https://www.hk.chinamobile.com/tc/home/my-zone/menu/usage-query (also /sc/, /en/),
// whose script calls …/cbs/usageQuery (see lib/page-json/allow-list.ts)
