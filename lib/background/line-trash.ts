import type { AlertRow, GuardDb, LineRow, ReadingRow } from '../db/schema';
import type { StorageAreaLike } from './storage-area';

/**
 * Undo for "delete line". The rows leave IndexedDB at once (so the overview, badge and alerts
 * need no "deleted" filter anywhere), and a verbatim copy waits here, in `storage.session`: kept
 * in memory by the browser, never written to disk, surviving a service-worker restart, and gone
 * when the browser closes. The UI gets only a token, so Undo cannot smuggle in rows of its own,
 * and fields other modules add to the rows later come back unchanged.
 */
export const TRASH_PREFIX = 'undo-trash:';
export const UNDO_WINDOW_MS = 10 * 60_000;

export interface TrashEntry {
  token: string;
  expiresAt: number;
  line: LineRow;
  readings: ReadingRow[];
  alerts: AlertRow[];
}

export interface RemovedLine {
  line: LineRow;
  readings: ReadingRow[];
  alerts: AlertRow[];
}

/** Deletes a line with its readings and alerts in one transaction; returns what was removed. */
export async function removeLine(db: GuardDb, lineId: number): Promise<RemovedLine | null> {
  return db.transaction('rw', db.lines, db.readings, db.alerts, async () => {
    const line = await db.lines.get(lineId);
    if (!line) return null;
    const ofLine = db.readings.where('[lineId+capturedAt]').between([lineId, -Infinity], [lineId, Infinity]);
    const readings = await ofLine.toArray();
    const alerts = await db.alerts.where('lineId').equals(lineId).toArray();
    await ofLine.delete();
    await db.alerts.where('lineId').equals(lineId).delete();
    await db.lines.delete(lineId);
    return { line, readings, alerts };
  });
}

/** One key per entry: two deletes in quick succession never overwrite each other's copy. */
export async function putInTrash(area: StorageAreaLike, entry: TrashEntry, now: number): Promise<void> {
  await pruneTrash(area, now);
  await area.set({ [TRASH_PREFIX + entry.token]: entry });
}

export async function peekTrash(area: StorageAreaLike, token: string, now: number): Promise<TrashEntry | null> {
  const key = TRASH_PREFIX + token;
  const entry = (await area.get(key))[key] as TrashEntry | undefined;
  if (!entry || typeof entry !== 'object' || entry.expiresAt < now) return null;
  return entry;
}

export async function dropFromTrash(area: StorageAreaLike, token: string): Promise<void> {
  await area.remove(TRASH_PREFIX + token);
}

/** Removes expired copies (or all of them): deleted data is not kept longer than Undo needs it. */
export async function pruneTrash(area: StorageAreaLike, now: number, all = false): Promise<void> {
  const stored = await area.get(null);
  const expired = (value: unknown) => {
    const expiresAt = typeof value === 'object' && value !== null ? (value as { expiresAt?: unknown }).expiresAt : undefined;
    return typeof expiresAt !== 'number' || expiresAt < now;
  };
  const stale = Object.keys(stored).filter((key) => key.startsWith(TRASH_PREFIX) && (all || expired(stored[key])));
  if (stale.length > 0) await area.remove(stale);
}

/**
 * Puts a deleted line back. Its old ids are reused when free (IndexedDB never hands out an id
 * twice, so they normally are), keeping alerts tied to their line. If the carrier page was read
 * again meanwhile and created the line anew, the old rows join that line instead, without
 * duplicating a figure or an alert.
 */
export async function restoreLine(db: GuardDb, entry: RemovedLine): Promise<number> {
  return db.transaction('rw', db.lines, db.readings, db.alerts, async () => {
    const { line } = entry;
    const existing = await db.lines.where('lineKey').equals(line.lineKey).first();
    let lineId: number;
    if (existing) {
      lineId = existing.id;
      await db.lines.update(lineId, {
        label: existing.label ?? line.label,
        color: existing.color ?? line.color,
        hidden: line.hidden,
        capBytes: existing.capBytes ?? line.capBytes ?? null,
        cycleDay: existing.cycleDay ?? line.cycleDay ?? null,
        createdAt: Math.min(existing.createdAt, line.createdAt),
      });
    } else if (await db.lines.get(line.id)) {
      const { id: _old, ...rest } = line;
      lineId = await db.lines.add(rest as LineRow);
    } else {
      lineId = await db.lines.add(line);
    }
    for (const reading of entry.readings) {
      const twin = await db.readings.where('[lineId+bucket+capturedAt]').equals([lineId, reading.bucket, reading.capturedAt]).first();
      if (twin) continue;
      const idFree = (await db.readings.get(reading.id)) === undefined;
      const { id: _old, ...rest } = reading;
      await db.readings.add((idFree ? { ...reading, lineId } : { ...rest, lineId }) as ReadingRow);
    }
    for (const alert of entry.alerts) {
      if (await db.alerts.where('[lineId+key]').equals([lineId, alert.key]).first()) continue;
      const idFree = (await db.alerts.get(alert.id)) === undefined;
      const { id: _old, ...rest } = alert;
      await db.alerts.add((idFree ? { ...alert, lineId } : { ...rest, lineId }) as AlertRow);
    }
    return lineId;
  });
}
