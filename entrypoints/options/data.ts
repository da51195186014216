import Dexie, { liveQuery } from 'dexie';
import { exportBackup, exportCsv, loadBackupSource } from '@/lib/backup';
import { DB_NAME, type GuardDb, type LineRow } from '@/lib/db/schema';
import type { ExportFile } from '@/lib/state/options-model';

let opened: Promise<GuardDb> | null = null;

/**
 * The page reads the database directly (same extension origin) but never writes it. No
 * `version()` is declared: Dexie opens whatever schema the background created, so this page can
 * never upgrade, or block an upgrade of, the database the background owns.
 */
function readDb(): Promise<GuardDb> {
  opened ??= (async () => {
    const db = new Dexie(DB_NAME);
    await db.open();
    return Object.assign(db, { lines: db.table('lines'), readings: db.table('readings'), alerts: db.table('alerts') }) as unknown as GuardDb;
  })().catch((e: unknown) => {
    opened = null;
    throw e;
  });
  return opened;
}

export function watchLines(onLines: (lines: LineRow[]) => void, onError: (error: unknown) => void): () => void {
  let stop = () => {};
  let stopped = false;
  readDb().then(
    (db) => {
      if (stopped) return;
      const subscription = liveQuery(() => db.lines.toArray()).subscribe({ next: onLines, error: onError });
      stop = () => subscription.unsubscribe();
    },
    onError,
  );
  return () => {
    stopped = true;
    stop();
  };
}

const stamp = (now: number) => new Date(now).toISOString().slice(0, 10);

export async function exportData(format: 'json' | 'csv'): Promise<ExportFile> {
  const source = await loadBackupSource(await readDb());
  const now = Date.now();
  return format === 'json'
    ? { filename: `esim-usage-guard-${stamp(now)}.json`, mime: 'application/json', text: JSON.stringify(exportBackup(source, now), null, 2) }
    : { filename: `esim-usage-guard-${stamp(now)}.csv`, mime: 'text/csv', text: exportCsv(source) };
}

/** A file download without any permission: an object URL on a transient `<a download>`. */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handed to the download manager.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
