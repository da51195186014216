import type { Bucket } from '../vocabulary/reading';
import type { GuardDb, ReadingRow } from './schema';

const ofBucket = (db: Pick<GuardDb, 'readings'>, lineId: number, bucket: Bucket, since: number) =>
  db.readings.where('[lineId+bucket+capturedAt]').between([lineId, bucket, since], [lineId, bucket, Infinity]);

/** How many readings of one bucket a line has since `since` (a count on the index: no rows are read). */
export function countHistory(db: Pick<GuardDb, 'readings'>, lineId: number, bucket: Bucket, since: number): Promise<number> {
  return ofBucket(db, lineId, bucket, since).count();
}

/**
 * A line's counted readings of one bucket since `since` (epoch ms), oldest first, via the compound
 * index; figures the user has not confirmed yet are left out.
 */
export async function loadHistory(db: Pick<GuardDb, 'readings'>, lineId: number, bucket: Bucket, since: number): Promise<ReadingRow[]> {
  return (await ofBucket(db, lineId, bucket, since).toArray()).filter((r) => r.unconfirmed !== true);
}
