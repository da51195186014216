import type { AlertRow, GuardDb, LineRow, ReadingRow, TrashRow } from '../db/schema';

/**
 * Undo for "delete line". The rows leave the line's tables at once (so the overview, badge and
 * alerts need no "deleted" filter anywhere) and, in the same transaction, a verbatim copy goes to
 * the `trash` table for the Undo window: whatever the history's size, Undo is there, and a worker
 * stopped halfway leaves either the line or its copy, never neither. The UI gets only a token, so
 * Undo cannot smuggle in rows of its own, and fields other modules add to the rows later come back
 * unchanged. Expired copies are removed at every start and every delete: deleted data is not kept
 * longer than Undo needs it.
 */
export const UNDO_WINDOW_MS = 10 * 60_000;

export interface RemovedLine {
  line: LineRow;
  readings: ReadingRow[];
  alerts: AlertRow[];
}

async function takeLine(db: GuardDb, lineId: number): Promise<RemovedLine | null> {
  const line = await db.lines.get(lineId);
  if (!line) return null;
  const ofLine = db.readings.where('[lineId+capturedAt]').between([lineId, -Infinity], [lineId, Infinity]);
  const readings = await ofLine.toArray();
  const alerts = await db.alerts.where('lineId').equals(lineId).toArray();
  await ofLine.delete();
  await db.alerts.where('lineId').equals(lineId).delete();
  await db.lines.delete(lineId);
  return { line, readings, alerts };
}

/** Deletes a line with its readings and alerts in one transaction, keeping no copy ("discard"). */
export async function removeLine(db: GuardDb, lineId: number): Promise<RemovedLine | null> {
  return db.transaction('rw', db.lines, db.readings, db.alerts, () => takeLine(db, lineId));
}

/** Deletes a line and keeps its copy under `token` until `expiresAt`, in one transaction. */
export async function moveToTrash(db: GuardDb, lineId: number, token: string, expiresAt: number, now: number): Promise<RemovedLine | null> {
  return db.transaction('rw', [db.lines, db.readings, db.alerts, db.trash], async () => {
    await db.trash.where('expiresAt').below(now).delete();
    const removed = await takeLine(db, lineId);
    if (removed) await db.trash.add({ token, expiresAt, ...removed });
    return removed;
  });
}

/** Removes expired copies (or all of them). */
export async function pruneTrash(db: GuardDb, now: number, all = false): Promise<void> {
  await (all ? db.trash.clear() : db.trash.where('expiresAt').below(now).delete());
}

/**
 * Puts a deleted line back, once, while its copy is valid. Its old ids are reused when free
 * (IndexedDB never hands out an id twice, so they normally are), keeping alerts tied to their
 * line. If the carrier page was read again meanwhile and created the line anew, the old rows join
 * that line instead, without duplicating a figure or an alert. Null when the ticket has expired.
 */
export async function restoreFromTrash(db: GuardDb, token: string, now: number): Promise<number | null> {
  return db.transaction('rw', [db.lines, db.readings, db.alerts, db.trash], async () => {
    const entry = await db.trash.get(token);
    if (!entry || entry.expiresAt < now) return null;
    await db.trash.delete(token);
    return putBack(db, entry);
  });
}

async function putBack(db: GuardDb, entry: TrashRow): Promise<number> {
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
}
