import { openReadOnly, type ReadOnlyDb } from '@/lib/db/read-only';
import { databaseReady } from './database-ready';

let db: Promise<ReadOnlyDb> | null = null;

/** One read-only connection for the popup's lifetime, opened on first use (never for the overview). */
export function popupDb(): Promise<ReadOnlyDb> {
  db ??= openReadOnly(databaseReady).catch((e: unknown) => {
    db = null;
    throw e;
  });
  return db;
}
