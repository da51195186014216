import { BUCKETS } from '../vocabulary/reading';
import type { GuardDb, LineRow, ReadingRow } from './schema';

export interface LineLatest {
  line: LineRow;
  /** Latest reading per bucket, main data allowance first. */
  readings: ReadingRow[];
}

/**
 * The newest reading of every bucket of every visible line. Walks the compound index backwards
 * (one `last()` per bucket), so the cost does not grow with a year of history.
 */
export async function loadLatest(db: GuardDb): Promise<LineLatest[]> {
  return db.transaction('r', db.lines, db.readings, async () => {
    const lines = (await db.lines.toArray()).filter((line) => !line.hidden);
    return Promise.all(
      lines.map(async (line) => {
        const latest = await Promise.all(
          BUCKETS.map((bucket) =>
            db.readings
              .where('[lineId+bucket+capturedAt]')
              .between([line.id, bucket, -Infinity], [line.id, bucket, Infinity])
              .last(),
          ),
        );
        return { line, readings: latest.filter((r): r is ReadingRow => r !== undefined) };
      }),
    );
  });
}
