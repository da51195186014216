import { DB_NAME, openGuardDb, type GuardDb } from './schema';

/** The tables an extension page reads; it never writes (the background is the only writer). */
export interface ReadOnlyDb {
  lines: GuardDb['lines'];
  readings: GuardDb['readings'];
  alerts: GuardDb['alerts'];
  /** For reads that must see one consistent snapshot (an export). */
  transaction: GuardDb['transaction'];
  close(): void;
}

/**
 * The one way an extension page (the popup's detail and compare views, the options page) opens the
 * database. Only the background ever creates or upgrades it: the page first waits for the
 * background to say it has (`whenReady`, the `database-ready` action), then opens it with the same
 * declared schema, which on an existing database of that version is a plain open. Opening without
 * a schema (Dexie's dynamic mode) is what once lost a first-run import: on a database that did not
 * exist yet, Dexie deleted it again — with whatever the background had just written.
 */
export async function openReadOnly(whenReady: () => Promise<void>, name: string = DB_NAME): Promise<ReadOnlyDb> {
  await whenReady();
  const db = openGuardDb(name);
  await db.open();
  return { lines: db.lines, readings: db.readings, alerts: db.alerts, transaction: db.transaction.bind(db) as GuardDb['transaction'], close: () => db.close() };
}
