import type { LineRow, ReadingRow } from '../db/schema';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupLine, type BackupReading } from './format';
import { encodeSeries, type CompactSeries } from './series';

export interface BackupSource {
  lines: readonly LineRow[];
  readings: readonly ReadingRow[];
}

export interface BackupFileV2 {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  lines: BackupLine[];
  series: CompactSeries[];
}

/**
 * The whole database as a backup file (version 2). Line ids are renumbered 1..n in creation order,
 * so the same data always gives the same file whatever ids IndexedDB handed out; series come by
 * line then bucket, readings by time. Pure: the caller reads the tables (see loadBackupSource) and
 * writes the file (see backupChunks).
 */
export function exportBackup(data: BackupSource, now: number = Date.now()): BackupFileV2 {
  const lines = [...data.lines].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  const newId = new Map(lines.map((line, i) => [line.id, i + 1]));
  const groups = new Map<string, BackupReading[]>();
  for (const r of data.readings) {
    const lineId = newId.get(r.lineId);
    // A reading whose line is gone (cannot happen through the UI) has nothing to belong to.
    if (lineId === undefined) continue;
    const key = `${String(lineId).padStart(8, '0')} ${r.bucket}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(backupReadingOf(r, lineId));
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: Math.trunc(now),
    lines: lines.map((line) => backupLineOf(line, newId.get(line.id)!)),
    series: [...groups.keys()].sort().map((key) => {
      const rows = groups.get(key)!;
      return encodeSeries(rows[0]!.lineId, rows[0]!.bucket, rows);
    }),
  };
}

function backupLineOf(line: LineRow, id: number): BackupLine {
  const out: BackupLine = {
    id,
    carrierId: line.carrierId,
    lineKey: line.lineKey,
    lineDigits: line.lineDigits,
    planName: line.planName,
    label: line.label,
    color: line.color,
    hidden: line.hidden,
    pendingConfirmation: line.pendingConfirmation ?? false,
    createdAt: line.createdAt,
  };
  if (line.capBytes !== undefined) out.capBytes = line.capBytes;
  if (line.cycleDay !== undefined) out.cycleDay = line.cycleDay;
  if (line.lastPageUrl !== undefined) out.lastPageUrl = line.lastPageUrl;
  return out;
}

function backupReadingOf(r: ReadingRow, lineId: number): BackupReading {
  const out: BackupReading = {
    lineId,
    bucket: r.bucket,
    capturedAt: r.capturedAt,
    confirmedAt: r.confirmedAt,
    usedBytes: r.usedBytes,
    totalBytes: r.totalBytes,
    unlimited: r.unlimited,
    remainingBytes: r.remainingBytes,
    periodEnd: r.periodEnd,
    pageSaysUpdatedAt: r.pageSaysUpdatedAt,
    overage: r.overage ?? false,
    source: r.source,
    generic: r.generic ?? false,
  };
  if (r.periodEndKind) out.periodEndKind = r.periodEndKind;
  if (r.unconfirmed) out.unconfirmed = true;
  if (r.via) out.via = r.via;
  return out;
}

/**
 * The file as pieces of compact JSON whose concatenation is the file: a `Blob` takes them as they
 * are, so no single string ever holds a large backup (one string per series at most).
 */
export function backupChunks(file: BackupFileV2): string[] {
  const { series, ...head } = file;
  const start = JSON.stringify(head);
  const chunks = [`${start.slice(0, -1)},"series":[`];
  series.forEach((s, i) => chunks.push((i > 0 ? ',' : '') + JSON.stringify(s)));
  chunks.push(']}');
  return chunks;
}

/** What makes two readings the same: line, bucket, time and figures (see mergeBackup). */
export function readingKey(r: Pick<BackupReading, 'lineId' | 'bucket' | 'capturedAt' | 'usedBytes' | 'totalBytes' | 'unlimited' | 'remainingBytes'>): string {
  return JSON.stringify([r.lineId, r.bucket, r.capturedAt, r.usedBytes, r.totalBytes, r.unlimited, r.remainingBytes]);
}
