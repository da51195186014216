import type { Bucket } from '../vocabulary/reading';
import type { GuardDb, ReadingRow } from './schema';

/** How many readings of one bucket a line has since `since` (a count on the index: no rows are read). */
export function countHistory(db: Pick<GuardDb, 'readings'>, lineId: number, bucket: Bucket, since: number): Promise<number> {
  return db.readings.where('[lineId+bucket+capturedAt]').between([lineId, bucket, since], [lineId, bucket, Infinity]).count();
}

/** A line's readings of one bucket since `since` (epoch ms), oldest first, via the compound index. */
export function loadHistory(db: Pick<GuardDb, 'readings'>, lineId: number, bucket: Bucket, since: number): Promise<ReadingRow[]> {
  return db.readings.where('[lineId+bucket+capturedAt]').between([lineId, bucket, since], [lineId, bucket, Infinity]).toArray();
}
