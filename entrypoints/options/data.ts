import { liveQuery } from 'dexie';
import { backupChunks, exportBackup, exportCsv, loadBackupSource } from '@/lib/backup';
import { openReadOnly, type ReadOnlyDb } from '@/lib/db/read-only';
import type { LineRow } from '@/lib/db/schema';
import { whenDatabaseReady } from '@/lib/state/popup-actions';
import type { ExportFile } from '@/lib/state/options-model';

let opened: Promise<ReadOnlyDb> | null = null;

/** The page reads the database (opened the one way pages open it) but never writes it. */
function readDb(): Promise<ReadOnlyDb> {
  opened ??= openReadOnly(whenDatabaseReady).catch((e: unknown) => {
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
    ? { filename: `esim-usage-guard-${stamp(now)}.json`, mime: 'application/json', parts: backupChunks(exportBackup(source, now)) }
    : { filename: `esim-usage-guard-${stamp(now)}.csv`, mime: 'text/csv', parts: exportCsv(source) };
}

/** A file download without any permission: an object URL on a transient `<a download>`. */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob(file.parts, { type: `${file.mime};charset=utf-8` }));
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
