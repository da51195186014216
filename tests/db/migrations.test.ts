import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openGuardDb } from '@/lib/db/schema';
import { storeReadings } from '@/lib/db/store-readings';
import { GB, pageReading } from '../helpers/readings';

/**
 * Every schema the extension ever shipped, exactly as it was declared then. Users upgrade from any
 * of them, so each one gets a database created with that old schema, seeded, and opened by the
 * current code. When you add version(n+1) to lib/db/schema.ts, copy version n's full store list here.
 */
const OLD_SCHEMAS: Record<number, Record<string, string>> = {
  1: {
    lines: '++id, &lineKey, carrierId',
    readings: '++id, [lineId+bucket+capturedAt], [lineId+capturedAt], capturedAt',
  },
  2: {
    lines: '++id, &lineKey, carrierId',
    readings: '++id, [lineId+bucket+capturedAt], [lineId+capturedAt], capturedAt',
    alerts: '++id, &[lineId+key], lineId, raisedAt',
  },
};

/** Rows as v1 stored them, including the oldest shape (before pendingConfirmation existed). */
const V1_LINES = [
  { id: 1, carrierId: 'movistar-es', lineKey: 'movistar-es:0012', lineDigits: '0012', planName: 'Fusión', label: 'Work', color: '#0a0', hidden: false, createdAt: 1_700_000_000_000 },
  { id: 2, carrierId: 'cmhk', lineKey: 'cmhk:plan:4g 10gb', lineDigits: null, planName: '4G 10GB', label: null, color: null, hidden: true, pendingConfirmation: false, createdAt: 1_700_000_100_000 },
  { id: 5, carrierId: 'orange-fr', lineKey: 'orange-fr:0034', lineDigits: '0034', planName: null, label: null, color: null, hidden: false, pendingConfirmation: true, createdAt: 1_700_000_200_000 },
];
const reading = (id: number, lineId: number, capturedAt: number, usedBytes: number | null, extra: Record<string, unknown> = {}) => ({
  id,
  lineId,
  bucket: 'data',
  capturedAt,
  confirmedAt: capturedAt + 60_000,
  usedBytes,
  totalBytes: 20 * GB,
  unlimited: false,
  remainingBytes: usedBytes === null ? 10 * GB : 20 * GB - usedBytes,
  periodEnd: null,
  pageSaysUpdatedAt: null,
  overage: false,
  source: 'page',
  generic: false,
  ...extra,
});
const V1_READINGS = [
  reading(1, 1, 1_700_000_000_000, 1 * GB),
  reading(2, 1, 1_700_003_600_000, 2 * GB, { periodEnd: 1_702_000_000_000, pageSaysUpdatedAt: 1_700_003_000_000 }),
  reading(3, 1, 1_700_003_600_000, 0, { bucket: 'roaming', totalBytes: 5 * GB, remainingBytes: 5 * GB }),
  reading(7, 2, 1_700_000_100_000, null, { totalBytes: null, unlimited: true }),
  reading(9, 5, 1_700_000_200_000, 3 * GB, { generic: true, source: 'manual' }),
];

let names: string[] = [];
let n = 0;
const freshName = () => {
  const name = `migration-test-${++n}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names) await Dexie.delete(name);
  names = [];
});

/** A database exactly as version `v` of the extension left it, with the rows above. */
async function createOld(v: number, name: string): Promise<void> {
  const old = new Dexie(name);
  for (let version = 1; version <= v; version++) old.version(version).stores(OLD_SCHEMAS[version]!);
  await old.open();
  await old.table('lines').bulkAdd(V1_LINES);
  await old.table('readings').bulkAdd(V1_READINGS);
  old.close();
}

async function dump(db: Dexie, tables = ['lines', 'readings']): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.table(t).toArray()] as const)));
}

describe('schema migrations', () => {
  it('knows the exact schema of every version older than the current one', async () => {
    const current = openGuardDb(freshName());
    expect(current.verno).toBeGreaterThan(1);
    for (let v = 1; v < current.verno; v++) expect(OLD_SCHEMAS[v], `schema of version ${v}`).toBeDefined();
  });

  it.each(Object.keys(OLD_SCHEMAS).map(Number))('upgrades a version %i database keeping every row as it was', async (v) => {
    const name = freshName();
    await createOld(v, name);
    const db = openGuardDb(name);
    await db.open();
    expect(db.verno).toBe(openGuardDb('unused').verno);
    expect(await dump(db)).toEqual({ lines: V1_LINES, readings: V1_READINGS });
    expect(await db.alerts.count()).toBe(0);
    expect(await db.trash.count()).toBe(0);

    // The old indexes still answer, and new readings de-duplicate against the old ones.
    const last = await db.readings.where('[lineId+bucket+capturedAt]').between([1, 'data', -Infinity], [1, 'data', Infinity]).last();
    expect(last?.id).toBe(2);
    const outcome = await storeReadings(db, 'movistar-es', [pageReading({ usedBytes: 2 * GB, remainingBytes: 18 * GB })], 1_800_000_000_000);
    expect(outcome).toMatchObject({ stored: 0, confirmed: 1 });
    expect(await db.lines.count()).toBe(V1_LINES.length);
    db.close();
  });

  it('leaves the old data intact, and the old version in place, when an upgrade fails', async () => {
    const name = freshName();
    await createOld(1, name);
    const current = openGuardDb('unused');

    // A future version whose upgrade writes, then throws halfway: IndexedDB must roll it all back.
    const failing = new Dexie(name);
    failing.version(1).stores(OLD_SCHEMAS[1]!);
    for (let v = 2; v <= current.verno; v++) failing.version(v).stores({ alerts: '++id, &[lineId+key], lineId, raisedAt' });
    failing
      .version(current.verno + 1)
      .stores({ extra: '++id' })
      .upgrade(async (tx) => {
        await tx.table('readings').toCollection().modify((r: { usedBytes: number | null }) => {
          r.usedBytes = -1;
        });
        await tx.table('lines').clear();
        throw new Error('simulated upgrade failure');
      });
    await expect(failing.open()).rejects.toThrow(/simulated upgrade failure/);
    failing.close();

    const after = new Dexie(name);
    await after.open(); // no schema: opens whatever version is on disk
    expect(after.verno).toBe(1);
    expect(after.tables.map((t) => t.name).sort()).toEqual(['lines', 'readings']);
    expect(await dump(after)).toEqual({ lines: V1_LINES, readings: V1_READINGS });
    after.close();

    // And the real code can still upgrade it afterwards.
    const db = openGuardDb(name);
    await db.open();
    expect(await dump(db)).toEqual({ lines: V1_LINES, readings: V1_READINGS });
    db.close();
  });
});
