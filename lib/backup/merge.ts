import type { GuardDb, LineRow, ReadingRow } from '../db/schema';
import { MINUTE } from '../time/units';
import { readingKey } from './export';
import type { BackupData } from './parse';
import { parseBackup } from './parse';

export interface MergeOutcome {
  linesAdded: number;
  linesMatched: number;
  readingsAdded: number;
  readingsSkipped: number;
  /** Readings dated after the import's own clock (another device's clock ahead): refused. */
  readingsFuture: number;
}

/** A device's clock may run a little ahead; beyond this a reading's time is not believed. */
export const FUTURE_SLACK_MS = 10 * MINUTE;
const BULK = 5_000;

/**
 * Applies a parsed backup (see parseBackup) in ONE read-write transaction: any failure rolls the
 * whole import back, so the database is either untouched or fully merged. Lines are matched by
 * `lineKey` (the same line seen by this browser and by the one that exported); a reading is
 * skipped when its line already holds one with the same bucket, time and figures, so importing
 * the same file twice adds nothing; a reading dated after `now` is refused (it would stay "the
 * latest" and freeze what is shown). For a matched line the user's own settings here win; the
 * file only fills what is empty.
 */
export async function mergeBackup(db: GuardDb, data: BackupData, now: number): Promise<MergeOutcome> {
  return db.transaction('rw', db.lines, db.readings, async () => {
    const outcome: MergeOutcome = { linesAdded: 0, linesMatched: 0, readingsAdded: 0, readingsSkipped: 0, readingsFuture: 0 };
    const lineIdFor = new Map<number, number>();
    for (const line of data.lines) {
      const existing = await db.lines.where('lineKey').equals(line.lineKey).first();
      if (existing) {
        lineIdFor.set(line.id, existing.id);
        outcome.linesMatched += 1;
        const fill: Partial<LineRow> = {};
        if (existing.label === null && line.label !== null) fill.label = line.label;
        if (existing.color === null && line.color !== null) fill.color = line.color;
        if (existing.planName === null && line.planName !== null) fill.planName = line.planName;
        if (existing.capBytes == null && line.capBytes != null) fill.capBytes = line.capBytes;
        if (existing.cycleDay == null && line.cycleDay != null) fill.cycleDay = line.cycleDay;
        if (existing.lastPageUrl == null && line.lastPageUrl != null) fill.lastPageUrl = line.lastPageUrl;
        if (Object.keys(fill).length > 0) await db.lines.update(existing.id, fill);
        continue;
      }
      const { id: _fileId, ...row } = line;
      const id = await db.lines.add(row as LineRow);
      lineIdFor.set(line.id, id);
      outcome.linesAdded += 1;
    }

    const known = new Map<number, Set<string>>();
    for (const series of data.series) {
      const lineId = lineIdFor.get(series.lineId);
      if (lineId === undefined) throw new Error(`readings for unknown line ${series.lineId}`); // parseBackup prevents this
      let keys = known.get(lineId);
      if (!keys) {
        const rows = await db.readings.where('[lineId+capturedAt]').between([lineId, -Infinity], [lineId, Infinity]).toArray();
        keys = new Set(rows.map(readingKey));
        known.set(lineId, keys);
      }
      let batch: Array<Omit<ReadingRow, 'id'>> = [];
      for (const reading of series.rows()) {
        if (reading.capturedAt > now + FUTURE_SLACK_MS || reading.confirmedAt > now + FUTURE_SLACK_MS) {
          outcome.readingsFuture += 1;
          continue;
        }
        const row = { ...reading, lineId };
        const key = readingKey(row);
        if (keys.has(key)) {
          outcome.readingsSkipped += 1;
          continue;
        }
        keys.add(key);
        batch.push(row);
        if (batch.length >= BULK) {
          await db.readings.bulkAdd(batch as ReadingRow[]);
          outcome.readingsAdded += batch.length;
          batch = [];
        }
      }
      if (batch.length > 0) await db.readings.bulkAdd(batch as ReadingRow[]);
      outcome.readingsAdded += batch.length;
    }
    return outcome;
  });
}

/** Everything exportBackup needs, read in one consistent snapshot. */
export async function loadBackupSource(db: Pick<GuardDb, 'lines' | 'readings' | 'transaction'>): Promise<{ lines: LineRow[]; readings: ReadingRow[] }> {
  return db.transaction('r', db.lines, db.readings, async () => ({ lines: await db.lines.toArray(), readings: await db.readings.toArray() }));
}

export type ImportResult = { ok: true; outcome: MergeOutcome } | { ok: false; error: string };

/** parseBackup then mergeBackup: a refused file never reaches the database. Never throws. */
export async function importBackup(db: GuardDb, text: string, now: number): Promise<ImportResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, outcome: await mergeBackup(db, parsed.data, now) };
  } catch (error) {
    return { ok: false, error: `The backup could not be saved; nothing was changed (${error instanceof Error ? error.message : String(error)}).` };
  }
}
