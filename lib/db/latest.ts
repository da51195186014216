import { BUCKETS } from '../vocabulary/reading';
import type { GuardDb, LineRow, ReadingRow } from './schema';

export interface LineLatest {
  line: LineRow;
  /** Latest counted reading per bucket, main data allowance first. */
  readings: ReadingRow[];
  /** Newer figures the generic reader found and the user has not confirmed yet (at most one per bucket). */
  unconfirmed: ReadingRow[];
}

/**
 * The newest reading of every bucket of every visible line. Walks the compound index backwards
 * (one short walk per bucket: the newest counted reading is almost always the last one), so the
 * cost does not grow with a year of history.
 */
export async function loadLatest(db: GuardDb): Promise<LineLatest[]> {
  return db.transaction('r', db.lines, db.readings, async () => {
    const lines = (await db.lines.toArray()).filter((line) => !line.hidden);
    return Promise.all(
      lines.map(async (line) => {
        const perBucket = await Promise.all(
          BUCKETS.map(async (bucket) => {
            const ofBucket = () => db.readings.where('[lineId+bucket+capturedAt]').between([line.id, bucket, -Infinity], [line.id, bucket, Infinity]);
            const last = await ofBucket().last();
            if (!last?.unconfirmed) return { counted: last, unconfirmed: undefined };
            const counted = await ofBucket().reverse().filter((r) => r.unconfirmed !== true).first();
            return { counted, unconfirmed: last };
          }),
        );
        return {
          line,
          readings: perBucket.map((b) => b.counted).filter((r): r is ReadingRow => r !== undefined),
          unconfirmed: perBucket.map((b) => b.unconfirmed).filter((r): r is ReadingRow => r !== undefined),
        };
      }),
    );
  });
}
