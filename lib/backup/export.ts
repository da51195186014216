import type { LineRow, ReadingRow } from '../db/schema';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFileV1, type BackupLine, type BackupReading } from './format';

export interface BackupSource {
  lines: readonly LineRow[];
  readings: readonly ReadingRow[];
}

/**
 * The whole database as a backup file. Line ids are renumbered 1..n in creation order, so the same
 * data always gives the same file whatever ids IndexedDB handed out; readings are sorted by line,
 * bucket and time. Pure: the caller reads the tables (see loadBackupSource) and writes the file.
 */
export function exportBackup(data: BackupSource, now: number = Date.now()): BackupFileV1 {
  const lines = [...data.lines].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  const newId = new Map(lines.map((line, i) => [line.id, i + 1]));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: Math.trunc(now),
    lines: lines.map((line): BackupLine => {
      const out: BackupLine = {
        id: newId.get(line.id)!,
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
      return out;
    }),
    readings: data.readings
      // A reading whose line is gone (cannot happen through the UI) has nothing to belong to.
      .filter((r) => newId.has(r.lineId))
      .map(
        (r): BackupReading => ({
          lineId: newId.get(r.lineId)!,
          bucket: r.bucket,
          capturedAt: r.capturedAt,
          confirmedAt: r.confirmedAt,
          usedBytes: r.usedBytes,
          totalBytes: r.totalBytes,
          unlimited: r.unlimited,
          remainingBytes: r.remainingBytes,
          periodEnd: r.periodEnd,
          ...(r.periodEndKind ? { periodEndKind: r.periodEndKind } : {}),
          pageSaysUpdatedAt: r.pageSaysUpdatedAt,
          overage: r.overage ?? false,
          source: r.source,
          generic: r.generic ?? false,
        }),
      )
      .sort(compareReadings),
  };
}

function compareReadings(a: BackupReading, b: BackupReading): number {
  return a.lineId - b.lineId || (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0) || a.capturedAt - b.capturedAt || readingKey(a).localeCompare(readingKey(b));
}

/** What makes two readings the same: line, bucket, time and figures (see mergeBackup). */
export function readingKey(r: Pick<BackupReading, 'lineId' | 'bucket' | 'capturedAt' | 'usedBytes' | 'totalBytes' | 'unlimited' | 'remainingBytes'>): string {
  return JSON.stringify([r.lineId, r.bucket, r.capturedAt, r.usedBytes, r.totalBytes, r.unlimited, r.remainingBytes]);
}
