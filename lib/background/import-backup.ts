import { mergeBackup, parseBackup } from '../backup';
import type { GuardDb } from '../db/schema';
import type { ImportCounts, UiActionReply } from '../messages/ui-actions';

/** Thrown inside the preview's transaction so that Dexie rolls every write of it back. */
class PreviewOnly extends Error {}

/**
 * A preview runs the real merge inside a transaction and then aborts it: the counts (new lines,
 * new vs already-saved readings, readings dated in the future) are exactly what applying would
 * do, with no second copy of the merge rules to drift from lib/backup. A file parseBackup refuses
 * never reaches the database at all.
 */
export async function importBackup(
  db: GuardDb,
  text: string,
  apply: boolean,
  now: number,
  log: (message: string, detail?: unknown) => void,
): Promise<UiActionReply<'import-backup'>> {
  const parsed = parseBackup(text);
  if (!parsed.ok) {
    log('Refused a backup file', parsed.error);
    return { ok: false, error: 'invalid backup', detail: parsed.error };
  }
  const { data } = parsed;
  const countsOf = (o: Awaited<ReturnType<typeof mergeBackup>>): ImportCounts => ({
    lines: data.lines.length,
    newLines: o.linesAdded,
    readings: data.series.reduce((sum, s) => sum + s.count, 0),
    newReadings: o.readingsAdded,
    duplicateReadings: o.readingsSkipped,
    futureReadings: o.readingsFuture,
  });
  if (apply) return { ok: true, applied: true, counts: countsOf(await mergeBackup(db, data, now)) };

  let counts: ImportCounts | null = null;
  try {
    await db.transaction('rw', db.lines, db.readings, async () => {
      counts = countsOf(await mergeBackup(db, data, now));
      throw new PreviewOnly();
    });
  } catch (error) {
    if (!(error instanceof PreviewOnly)) throw error;
  }
  if (!counts) throw new Error('the preview produced no counts');
  return { ok: true, applied: false, counts };
}
