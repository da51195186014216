import Dexie from 'dexie';
import { DB_NAME, type GuardDb } from './schema';

/** The tables the popup reads; it never writes (the background is the only writer). */
export interface ReadOnlyDb {
  lines: GuardDb['lines'];
  readings: GuardDb['readings'];
  close(): void;
}

/**
 * Opens the extension's database for reading from an extension page (same origin as the
 * background). No `version()` is declared: Dexie's dynamic mode opens whatever schema is on disk,
 * so a page can never create, upgrade or block-upgrade the database the background owns, and a
 * database that does not exist yet is an error rather than an empty one created here.
 */
export async function openReadOnly(name: string = DB_NAME): Promise<ReadOnlyDb> {
  const db = new Dexie(name);
  await db.open();
  return {
    lines: db.table('lines') as GuardDb['lines'],
    readings: db.table('readings') as GuardDb['readings'],
    close: () => db.close(),
  };
}
