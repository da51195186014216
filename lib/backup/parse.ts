import { z } from '../messages/zod';
import type { Bucket } from '../vocabulary/reading';
import { BACKUP_FORMAT, BACKUP_VERSION, backupFileV1Schema, backupFileV2Schema, MAX_BACKUP_CHARS, MAX_READINGS, type BackupLine, type BackupReading } from './format';
import { checkSeries, decodeSeries } from './series';

/** The readings of one line and bucket, decoded only when the merge gets to them (big files stay compact in memory). */
export interface SeriesData {
  lineId: number;
  bucket: Bucket;
  count: number;
  rows(): BackupReading[];
}

/** What an import applies: the file without its envelope. */
export interface BackupData {
  lines: BackupLine[];
  series: SeriesData[];
}

export type ParseBackupResult = { ok: true; data: BackupData; exportedAt: number } | { ok: false; error: string };

/** Keys that can reach an object's prototype if the data is ever merged with a spread or assign. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** The file is three levels deep (file → lines → line); anything far deeper is not ours. */
const MAX_DEPTH = 8;
const MAX_ISSUES_SHOWN = 3;

/**
 * Reads a backup file chosen by the user, who may have picked the wrong file, a truncated
 * download or a file crafted to hurt. Never throws; every refusal says why in words, and nothing
 * is applied here (mergeBackup does that, only with what this accepted).
 */
export function parseBackup(text: string): ParseBackupResult {
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  if (text.length > MAX_BACKUP_CHARS) {
    return fail(`The file is too large (${Math.round(text.length / 1024 / 1024)} MB; a backup is at most ${MAX_BACKUP_CHARS / 1024 / 1024} MB).`);
  }
  if (text.trim() === '') return fail('The file is empty.');

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return looksTruncated(text, detail)
      ? fail('The file is cut short (truncated): it is not a complete backup. Export it again.')
      : fail(`The file is not valid JSON, so it is not a backup from this extension (${detail}).`);
  }

  const hostile = findHostileKey(value);
  if (hostile) return fail(`The file contains a forbidden key (${hostile}); it was not made by this extension.`);

  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('This is not an eSIM Usage Guard backup.');
  const envelope = value as Record<string, unknown>;
  if (envelope.format !== BACKUP_FORMAT) return fail('This is not an eSIM Usage Guard backup (its "format" field is missing or different).');
  if (envelope.version !== 1 && envelope.version !== 2) {
    return typeof envelope.version === 'number' && envelope.version > BACKUP_VERSION
      ? fail(`This backup was made by a newer version of the extension (backup version ${envelope.version}); update the extension to import it.`)
      : fail(`Unsupported backup version (${JSON.stringify(envelope.version) ?? 'none'}); this extension reads versions 1 and ${BACKUP_VERSION}.`);
  }

  const parsed = envelope.version === 1 ? backupFileV1Schema.safeParse(value) : backupFileV2Schema.safeParse(value);
  if (!parsed.success) return fail(`The backup is damaged: ${describeIssues(parsed.error.issues)}.`);
  const { lines, exportedAt } = parsed.data;

  const ids = new Set<number>();
  const keys = new Set<string>();
  for (const line of lines) {
    if (ids.has(line.id)) return fail(`The backup is damaged: line id ${line.id} appears twice.`);
    if (keys.has(line.lineKey)) return fail(`The backup is damaged: line "${line.lineKey}" appears twice.`);
    ids.add(line.id);
    keys.add(line.lineKey);
  }
  if ('readings' in parsed.data) {
    const { readings } = parsed.data;
    const orphan = readings.findIndex((r) => !ids.has(r.lineId));
    if (orphan >= 0) return fail(`The backup is damaged: readings[${orphan}] belongs to line ${readings[orphan]!.lineId}, which the file does not contain.`);
    return { ok: true, data: { lines, series: groupV1(readings) }, exportedAt };
  }
  const series: SeriesData[] = [];
  let total = 0;
  for (const [i, raw] of parsed.data.series.entries()) {
    const checked = checkSeries(raw, `series[${i}]`, ids);
    if (!checked.ok) return fail(`The backup is damaged: ${checked.error}.`);
    const s = checked.series;
    total += s.capturedAt.length;
    if (total > MAX_READINGS) return fail(`The backup holds more than ${MAX_READINGS} readings; it was not made by this extension.`);
    series.push({ lineId: s.lineId, bucket: s.bucket, count: s.capturedAt.length, rows: () => decodeSeries(s) });
  }
  return { ok: true, data: { lines, series }, exportedAt };
}

/** Version 1's flat list of readings, as series (same order within each). */
function groupV1(readings: readonly BackupReading[]): SeriesData[] {
  const groups = new Map<string, BackupReading[]>();
  for (const r of readings) {
    const key = `${r.lineId} ${r.bucket}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(r);
  }
  return [...groups.values()].map((rows) => ({ lineId: rows[0]!.lineId, bucket: rows[0]!.bucket, count: rows.length, rows: () => rows }));
}

function fail(error: string): ParseBackupResult {
  return { ok: false, error };
}

/** A backup starts with `{`; a download cut short stops before its closing brace. */
function looksTruncated(text: string, parseError: string): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  return !text.trimEnd().endsWith('}') || /end of (JSON )?input|Unterminated/i.test(parseError);
}

/** Walks the parsed value without recursion limits of its own: depth is capped, arrays are iterated. */
function findHostileKey(root: unknown): string | null {
  const stack: [unknown, number, string][] = [[root, 0, '']];
  while (stack.length > 0) {
    const [value, depth, path] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) return `nesting deeper than ${MAX_DEPTH} levels at ${path || 'the top'}`;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (typeof value[i] === 'object' && value[i] !== null) stack.push([value[i], depth + 1, `${path}[${i}]`]);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `"${key}" at ${path || 'the top'}`;
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1, path ? `${path}.${key}` : key]);
    }
  }
  return null;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => `${formatPath(issue.path)}: ${describeIssue(issue)}`);
  const more = issues.length > MAX_ISSUES_SHOWN ? ` (and ${issues.length - MAX_ISSUES_SHOWN} more problems)` : '';
  return shown.join('; ') + more;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // Every number in a backup is an integer (bytes, ms, ids).
      return issue.expected === 'int' || issue.expected === 'number' ? 'expected a whole number' : `expected ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string' ? 'too short' : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `too many entries (at most ${String(issue.maximum)})` : issue.origin === 'string' ? 'too long' : `must be at most ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || 'the file';
}
