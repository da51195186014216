import type { BackupSource } from './export';

const PART_ROWS = 10_000;

const COLUMNS = [
  'line',
  'carrier',
  'line_digits',
  'plan',
  'label',
  'bucket',
  'captured_at',
  'confirmed_at',
  'used_bytes',
  'total_bytes',
  'remaining_bytes',
  'unlimited',
  'period_end',
  'page_updated_at',
  'overage',
  'source',
  'generic',
] as const;

/**
 * Every reading as one CSV row (RFC 4180: comma-separated, CRLF, header row first), for a
 * spreadsheet. Bytes stay integers; times are ISO 8601 in UTC. Text that came from a carrier page
 * or the user (plan, label) is defused against spreadsheet formula injection. The file comes as
 * pieces whose concatenation is the file (a Blob's parts), so a big history is never one string.
 */
export function exportCsv(data: BackupSource): string[] {
  const lines = new Map(data.lines.map((line) => [line.id, line]));
  const readings = [...data.readings].sort((a, b) => a.lineId - b.lineId || a.capturedAt - b.capturedAt || (a.bucket < b.bucket ? -1 : 1));
  const rows = readings.map((r) => {
    const line = lines.get(r.lineId);
    return [
      line?.lineKey ?? String(r.lineId),
      line?.carrierId ?? '',
      line?.lineDigits ?? '',
      text(line?.planName),
      text(line?.label),
      r.bucket,
      iso(r.capturedAt),
      iso(r.confirmedAt),
      num(r.usedBytes),
      num(r.totalBytes),
      num(r.remainingBytes),
      String(r.unlimited),
      iso(r.periodEnd),
      iso(r.pageSaysUpdatedAt),
      String(r.overage ?? false),
      r.source,
      String(r.generic ?? false),
    ];
  });
  const csvLines = [[...COLUMNS], ...rows].map((cells) => `${cells.map(quote).join(',')}\r\n`);
  const parts: string[] = [];
  for (let i = 0; i < csvLines.length; i += PART_ROWS) parts.push(csvLines.slice(i, i + PART_ROWS).join(''));
  return parts;
}

function iso(ms: number | null | undefined): string {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? '' : new Date(ms).toISOString();
}

function num(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

/** A cell starting with = + - @ or a control character would run as a formula in a spreadsheet. */
function text(value: string | null | undefined): string {
  if (!value) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
