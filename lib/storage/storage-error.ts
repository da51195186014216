/**
 * The last failed write of a reading, kept in `storage.local` by the background so the popup can
 * say that figures were lost (IndexedDB full or closed) even though the overview it shows is fine.
 * Removed again by the next successful write.
 */

export interface StorageErrorRecord {
  at: number;
  /** Short, for the popup's error line (after "Your saved readings could not be opened:"). */
  message: string;
}

export function asStorageError(value: unknown): StorageErrorRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<StorageErrorRecord>;
  return typeof v.at === 'number' && typeof v.message === 'string' ? { at: v.at, message: v.message } : null;
}

/** Names the storage failures a user can act on; Dexie wraps the DOM error as `inner`. */
export function describeStorageError(error: unknown): string {
  const names: string[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    e = (e as { inner?: unknown }).inner;
  }
  if (names.includes('QuotaExceededError')) return 'the last reading could not be saved, because the browser’s storage for the extension is full';
  if (names.includes('DatabaseClosedError') || names.includes('InvalidStateError'))
    return 'the last reading could not be saved, because the database was closed';
  return 'the last reading could not be saved (storage failed)';
}
