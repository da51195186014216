import { MAX_BYTES } from '../vocabulary/limits';
import { implausible } from '../vocabulary/plausibility';
import { BUCKETS, type Bucket } from '../vocabulary/reading';
import { SOURCES, type BackupReading } from './format';

/**
 * Version 2's compact readings: one series per line and bucket, oldest first, as columns.
 * - `capturedAt`: the first time, then the gap to each next one (ms);
 * - `confirmedAfter`: confirmedAt − capturedAt (ms);
 * - `usedBytes`, `remainingBytes`, `pageSaysUpdatedAt`: one value per reading (null allowed);
 * - everything that rarely changes as runs of `[value, count]` (a cap, a cycle end, the source).
 * Decoded rows are exactly the readings that were encoded; the checks below say in words what is
 * wrong with a damaged or hostile series and accept nothing a carrier page could not have stored.
 */
export type Runs<T> = Array<[T, number]>;

export interface CompactSeries {
  lineId: number;
  bucket: Bucket;
  capturedAt: number[];
  confirmedAfter: number[];
  usedBytes: Array<number | null>;
  remainingBytes: Array<number | null>;
  pageSaysUpdatedAt: Array<number | null>;
  totalBytes: Runs<number | null>;
  unlimited: Runs<boolean>;
  periodEnd: Runs<number | null>;
  periodEndKind: Runs<'renewal' | 'expiry' | null>;
  overage: Runs<boolean>;
  source: Runs<BackupReading['source']>;
  generic: Runs<boolean>;
  unconfirmed: Runs<boolean>;
  /** Optional: series written before it existed read as "not said". */
  via?: Runs<'json' | 'dom' | null>;
}

const MIN_TIME = Date.UTC(2015, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);

function runsOf<T>(values: readonly T[]): Runs<T> {
  const runs: Runs<T> = [];
  for (const value of values) {
    const last = runs[runs.length - 1];
    if (last && last[0] === value) last[1] += 1;
    else runs.push([value, 1]);
  }
  return runs;
}

function expand<T>(runs: Runs<T>): T[] {
  const out: T[] = [];
  for (const [value, count] of runs) for (let i = 0; i < count; i++) out.push(value);
  return out;
}

/** One series from the readings of one line and bucket, sorted by capture time here. */
export function encodeSeries(lineId: number, bucket: Bucket, readings: readonly BackupReading[]): CompactSeries {
  const rows = [...readings].sort((a, b) => a.capturedAt - b.capturedAt);
  return {
    lineId,
    bucket,
    capturedAt: rows.map((r, i) => (i === 0 ? r.capturedAt : r.capturedAt - rows[i - 1]!.capturedAt)),
    confirmedAfter: rows.map((r) => r.confirmedAt - r.capturedAt),
    usedBytes: rows.map((r) => r.usedBytes),
    remainingBytes: rows.map((r) => r.remainingBytes),
    pageSaysUpdatedAt: rows.map((r) => r.pageSaysUpdatedAt),
    totalBytes: runsOf(rows.map((r) => r.totalBytes)),
    unlimited: runsOf(rows.map((r) => r.unlimited)),
    periodEnd: runsOf(rows.map((r) => r.periodEnd)),
    periodEndKind: runsOf(rows.map((r) => r.periodEndKind ?? null)),
    overage: runsOf(rows.map((r) => r.overage)),
    source: runsOf(rows.map((r) => r.source)),
    generic: runsOf(rows.map((r) => r.generic)),
    unconfirmed: runsOf(rows.map((r) => r.unconfirmed === true)),
    via: runsOf(rows.map((r) => r.via ?? null)),
  };
}

/** The readings of a checked series (see checkSeries). */
export function decodeSeries(s: CompactSeries): BackupReading[] {
  const [total, unlimited, periodEnd, kind, overage, source, generic, unconfirmed] = [
    expand(s.totalBytes), expand(s.unlimited), expand(s.periodEnd), expand(s.periodEndKind),
    expand(s.overage), expand(s.source), expand(s.generic), expand(s.unconfirmed),
  ];
  const via = s.via ? expand(s.via) : [];
  const rows: BackupReading[] = [];
  let at = 0;
  for (let i = 0; i < s.capturedAt.length; i++) {
    at = i === 0 ? s.capturedAt[0]! : at + s.capturedAt[i]!;
    const row: BackupReading = {
      lineId: s.lineId,
      bucket: s.bucket,
      capturedAt: at,
      confirmedAt: at + s.confirmedAfter[i]!,
      usedBytes: s.usedBytes[i]!,
      totalBytes: total[i]!,
      unlimited: unlimited[i]!,
      remainingBytes: s.remainingBytes[i]!,
      periodEnd: periodEnd[i]!,
      pageSaysUpdatedAt: s.pageSaysUpdatedAt[i]!,
      overage: overage[i]!,
      source: source[i]!,
      generic: generic[i]!,
    };
    if (kind[i]) row.periodEndKind = kind[i]!;
    if (unconfirmed[i]) row.unconfirmed = true;
    if (via[i]) row.via = via[i]!;
    rows.push(row);
  }
  return rows;
}

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
const bytes = (v: unknown) => v === null || isInt(v, 0, MAX_BYTES);
const time = (v: unknown) => v === null || isInt(v, MIN_TIME, MAX_TIME);

function checkColumn(raw: Record<string, unknown>, name: string, n: number, ok: (v: unknown) => boolean): string | null {
  const column = raw[name];
  if (!Array.isArray(column)) return `${name} is missing`;
  if (column.length !== n) return `${name} has ${column.length} values for ${n} readings`;
  const bad = column.findIndex((v) => !ok(v));
  return bad < 0 ? null : `${name}[${bad}] is not valid`;
}

function checkRuns(raw: Record<string, unknown>, name: string, n: number, ok: (v: unknown) => boolean): string | null {
  const runs = raw[name];
  if (!Array.isArray(runs)) return `${name} is missing`;
  let count = 0;
  for (const [i, run] of runs.entries()) {
    if (!Array.isArray(run) || run.length !== 2 || !ok(run[0]) || !isInt(run[1], 1, n)) return `${name}[${i}] is not a [value, count] run`;
    count += run[1] as number;
  }
  return count === n ? null : `${name} covers ${count} readings, not ${n}`;
}

const KEYS = new Set(['lineId', 'bucket', 'capturedAt', 'confirmedAfter', 'usedBytes', 'remainingBytes', 'pageSaysUpdatedAt', 'totalBytes', 'unlimited', 'periodEnd', 'periodEndKind', 'overage', 'source', 'generic', 'unconfirmed', 'via']);

/**
 * A series from a file, checked column by column, then reading by reading with the same
 * plausibility rules as a page's figures. Returns the series or why it was refused (`where` names
 * it: "series[3]").
 */
export function checkSeries(raw: unknown, where: string, lineIds: ReadonlySet<number>): { ok: true; series: CompactSeries } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error: `${where}: ${error}` });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('not a series');
  const r = raw as Record<string, unknown>;
  const extra = Object.keys(r).find((k) => !KEYS.has(k));
  if (extra) return fail(`unknown field "${extra}"`);
  if (!isInt(r.lineId, 1, Number.MAX_SAFE_INTEGER) || !lineIds.has(r.lineId)) return fail('belongs to a line the file does not contain');
  if (!BUCKETS.includes(r.bucket as Bucket)) return fail(`bucket must be one of ${BUCKETS.join(', ')}`);
  if (!Array.isArray(r.capturedAt) || r.capturedAt.length === 0) return fail('capturedAt is missing');
  const n = r.capturedAt.length;
  const problem =
    checkColumn(r, 'capturedAt', n, (v) => isInt(v, 0, MAX_TIME)) ??
    checkColumn(r, 'confirmedAfter', n, (v) => isInt(v, 0, MAX_TIME)) ??
    checkColumn(r, 'usedBytes', n, bytes) ??
    checkColumn(r, 'remainingBytes', n, bytes) ??
    checkColumn(r, 'pageSaysUpdatedAt', n, time) ??
    checkRuns(r, 'totalBytes', n, bytes) ??
    checkRuns(r, 'unlimited', n, (v) => typeof v === 'boolean') ??
    checkRuns(r, 'periodEnd', n, time) ??
    checkRuns(r, 'periodEndKind', n, (v) => v === null || v === 'renewal' || v === 'expiry') ??
    checkRuns(r, 'overage', n, (v) => typeof v === 'boolean') ??
    checkRuns(r, 'source', n, (v) => (SOURCES as readonly unknown[]).includes(v)) ??
    checkRuns(r, 'generic', n, (v) => typeof v === 'boolean') ??
    checkRuns(r, 'unconfirmed', n, (v) => typeof v === 'boolean') ??
    (r.via === undefined ? null : checkRuns(r, 'via', n, (v) => v === null || v === 'json' || v === 'dom'));
  if (problem) return fail(problem);
  const series = r as unknown as CompactSeries;
  if (!isInt(series.capturedAt[0], MIN_TIME, MAX_TIME)) return fail('capturedAt[0] is not a time');
  const rows = decodeSeries(series);
  for (const [i, row] of rows.entries()) {
    if (row.capturedAt > MAX_TIME || row.confirmedAt > MAX_TIME) return fail(`reading ${i} is dated after 2100`);
    const wrong = implausible(row);
    if (wrong) return fail(`reading ${i}: ${wrong}`);
  }
  return { ok: true, series };
}
