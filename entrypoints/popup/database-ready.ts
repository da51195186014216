import { whenDatabaseReady } from '@/lib/state/popup-actions';

let ready: Promise<void> | null = null;

/**
 * The background's "the database is ready", asked once per popup. Small and without Dexie, so the
 * overview asks it as soon as a line is about to open, while the detail's code is still loading.
 */
export function databaseReady(): Promise<void> {
  ready ??= whenDatabaseReady().catch((e: unknown) => {
    ready = null;
    throw e;
  });
  return ready;
}
