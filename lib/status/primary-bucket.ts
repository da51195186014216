import type { Bucket } from '../vocabulary/reading';

const BUCKET_ORDER: Bucket[] = ['data', 'shared', 'local', 'roaming', 'bonus'];

/** The bucket a line is judged by: the plan's main data, else the first one we have. */
export function primaryOf<T extends { bucket: Bucket }>(readings: readonly T[]): T | undefined {
  return [...readings].sort((a, b) => BUCKET_ORDER.indexOf(a.bucket) - BUCKET_ORDER.indexOf(b.bucket))[0];
}
