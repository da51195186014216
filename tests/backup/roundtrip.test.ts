import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupChunks, exportBackup, importBackup, loadBackupSource, mergeBackup, parseBackup } from '@/lib/backup';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { databaseArb } from './generators';

const NOW = Date.UTC(2026, 10, 20);
/** The importing browser's clock: after every generated time, so no reading is refused as future. */
const IMPORT_NOW = Date.UTC(2031, 0, 1);
let opened: GuardDb[] = [];
let n = 0;
async function freshDb(): Promise<GuardDb> {
  const db = openGuardDb(`backup-test-${++n}`);
  opened.push(db);
  await db.open();
  return db;
}
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened) await db.delete();
  opened = [];
});

async function seed(db: GuardDb, data: Awaited<ReturnType<typeof loadBackupSource>>) {
  await db.lines.bulkAdd(data.lines);
  await db.readings.bulkAdd(data.readings);
}
const snapshot = async (db: GuardDb) => exportBackup(await loadBackupSource(db), NOW);
/** The raw rows, ids included: "touched nothing" means exactly that. */
const rawRows = async (db: GuardDb) => ({ lines: await db.lines.toArray(), readings: await db.readings.toArray() });

describe('backup round trip (property)', () => {
  it('export → wipe → import gives back the same data, and a second import adds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(databaseArb, async (data) => {
        let db = await freshDb();
        await seed(db, data);
        const before = await snapshot(db);
        const text = backupChunks(before).join('');

        const name = db.name;
        await db.delete();
        db = openGuardDb(name);
        opened.push(db);
        await db.open();
        expect(await db.readings.count()).toBe(0);

        const first = await importBackup(db, text, IMPORT_NOW);
        expect(first).toEqual({ ok: true, outcome: { linesAdded: data.lines.length, linesMatched: 0, readingsAdded: data.readings.length, readingsSkipped: 0, readingsFuture: 0 } });
        expect(await snapshot(db)).toEqual(before);

        const again = await importBackup(db, text, IMPORT_NOW);
        expect(again).toEqual({ ok: true, outcome: { linesAdded: 0, linesMatched: data.lines.length, readingsAdded: 0, readingsSkipped: data.readings.length, readingsFuture: 0 } });
        expect(await snapshot(db)).toEqual(before);
        await db.delete();
      }),
      { numRuns: 100 },
    );
  });

  it('a rejected file touches nothing', async () => {
    const corruptions: ((text: string, file: Record<string, unknown>) => string)[] = [
      (text) => text.slice(0, Math.max(1, Math.floor(text.length / 2))),
      (text) => text.slice(0, -1),
      (_t, file) => JSON.stringify({ ...file, version: 3 }),
      (_t, file) => JSON.stringify({ ...file, format: 'something-else' }),
      (text) => text.replace('"lines":', '"__proto__":{"polluted":true},"lines":'),
      (text) => text.replace(/"usedBytes":\[(\d+|null)/, '"usedBytes":[-1'),
      (text) => text.replace(/"usedBytes":\[(\d+|null)/, '"usedBytes":["12"'),
      (text) => text.replace(/"usedBytes":\[(\d+|null)/, '"usedBytes":[NaN'),
      (text) => text.replace(/"usedBytes":\[(\d+|null)/, '"usedBytes":[1.5'),
      (text) => text.replace(/"capturedAt":\[\d+/, '"capturedAt":["yesterday"'),
      (text) => text.replace(/"lineId":\d+,"bucket"/, '"lineId":99999,"bucket"'),
      (text) => text.replace(/"totalBytes":\[\[\d+,(\d+)\]/, '"totalBytes":[[0,$1]'),
    ];
    await fc.assert(
      fc.asyncProperty(databaseArb, databaseArb, fc.nat(), async (existing, incoming, pick) => {
        fc.pre(incoming.readings.length > 0);
        const db = await freshDb();
        await seed(db, existing);
        const before = await rawRows(db);
        const file = exportBackup(incoming, NOW);
        const bad = corruptions[pick % corruptions.length]!(backupChunks(file).join(''), file as unknown as Record<string, unknown>);
        const result = await importBackup(db, bad, IMPORT_NOW);
        // A corruption that missed (nothing of that shape in this file) leaves the file valid.
        if (bad === backupChunks(file).join('')) return;
        expect(result.ok).toBe(false);
        expect(await rawRows(db)).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        await db.delete();
      }),
      { numRuns: 100 },
    );
  });

  it('rolls the whole import back when a write fails halfway', async () => {
    const [existing, incoming] = fc.sample(databaseArb.filter((d) => d.readings.length >= 3), { numRuns: 2, seed: 7 });
    const db = await freshDb();
    await seed(db, existing!);
    const before = await rawRows(db);
    const parsed = parseBackup(backupChunks(exportBackup(incoming!, NOW)).join(''));
    expect(parsed.ok).toBe(true);
    const bulkAdd = db.readings.bulkAdd.bind(db.readings);
    // The second write fails (the first, when the file has a single series: its lines are written by then).
    const failing = Math.min(2, (parsed as { ok: true; data: { series: unknown[] } }).data.series.length);
    let calls = 0;
    vi.spyOn(db.readings, 'bulkAdd').mockImplementation(((...args: Parameters<typeof bulkAdd>) => {
      if (++calls === failing) return Dexie.Promise.reject(new DOMException('quota', 'QuotaExceededError'));
      return bulkAdd(...args);
    }) as never);
    await expect(mergeBackup(db, (parsed as { ok: true; data: Parameters<typeof mergeBackup>[1] }).data, IMPORT_NOW)).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await rawRows(db)).toEqual(before);
  });
});
