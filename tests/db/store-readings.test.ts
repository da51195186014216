import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHistory } from '@/lib/db/history';
import { loadLatest } from '@/lib/db/latest';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { lineKeyFor, pageUrlOf, storeReadings } from '@/lib/db/store-readings';
import { GB, pageReading } from '../helpers/readings';

let db: GuardDb;
let dbCount = 0;

beforeEach(async () => {
  db = openGuardDb(`store-test-${++dbCount}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('storeReadings', () => {
  it('keeps the newest figure the latest when the clock went back, and stores it only once', async () => {
    await storeReadings(db, 'movistar-es', [pageReading()], 10_000_000);
    // The clock is set back by an hour; the page shows a new figure, then shows it again.
    const changed = pageReading({ usedBytes: 4 * GB, remainingBytes: 16 * GB });
    await storeReadings(db, 'movistar-es', [changed], 10_000_000 - 3_600_000);
    await storeReadings(db, 'movistar-es', [changed], 10_000_000 - 3_000_000);
    await storeReadings(db, 'movistar-es', [changed], 10_000_000 - 2_000_000);
    const readings = await db.readings.orderBy('capturedAt').toArray();
    expect(readings.map((r) => r.usedBytes)).toEqual([3 * GB, 4 * GB]);
    const [latest] = await loadLatest(db);
    expect(latest!.readings[0]!.usedBytes).toBe(4 * GB);
  });

  it('creates the line once and stores a reading with integer bytes and epoch times', async () => {
    const outcome = await storeReadings(db, 'movistar-es', [pageReading()], 1_000_000, { pageUrl: 'https://appweb.movistar.es/consumo#datos' });
    expect(outcome).toMatchObject({ stored: 1, confirmed: 0 });
    const [line] = await db.lines.toArray();
    expect(line).toMatchObject({ carrierId: 'movistar-es', lineKey: 'movistar-es:0012', lineDigits: '0012', hidden: false, lastPageUrl: 'https://appweb.movistar.es/consumo#datos' });
    expect(outcome.lineIds).toEqual([line!.id]);
    const [reading] = await db.readings.toArray();
    expect(reading).toMatchObject({ lineId: line!.id, usedBytes: 3 * GB, totalBytes: 20 * GB, capturedAt: 1_000_000, source: 'page' });
  });

  it('does not store a reading equal to the last one, but records when it was confirmed', async () => {
    await storeReadings(db, 'movistar-es', [pageReading()], 1_000);
    const outcome = await storeReadings(db, 'movistar-es', [pageReading({ pageSaysUpdatedAt: Date.UTC(2026, 0, 1) })], 5_000);
    expect(outcome).toMatchObject({ stored: 0, confirmed: 1 });
    const readings = await db.readings.toArray();
    expect(readings).toHaveLength(1);
    expect(readings[0]).toMatchObject({ capturedAt: 1_000, confirmedAt: 5_000 });
  });

  it('stores a changed figure as a new reading of the same line', async () => {
    await storeReadings(db, 'movistar-es', [pageReading()], 1_000);
    await storeReadings(db, 'movistar-es', [pageReading({ usedBytes: 4 * GB, remainingBytes: 16 * GB })], 2_000);
    expect(await db.lines.count()).toBe(1);
    expect((await db.readings.toArray()).map((r) => r.usedBytes)).toEqual([3 * GB, 4 * GB]);
  });

  it('keeps buckets and lines apart', async () => {
    await storeReadings(
      db,
      'cmhk',
      [pageReading(), pageReading({ bucket: 'roaming', usedBytes: 1 * GB }), pageReading({ lineDigits: '0099' })],
      1_000,
    );
    expect(await db.lines.count()).toBe(2);
    expect(await db.readings.count()).toBe(3);
  });

  it('two tabs saving the same page at once leave one reading', async () => {
    await Promise.all([
      storeReadings(db, 'movistar-es', [pageReading()], 1_000),
      storeReadings(db, 'movistar-es', [pageReading()], 1_001),
    ]);
    expect(await db.lines.count()).toBe(1);
    expect(await db.readings.count()).toBe(1);
  });

  it('keys lines by number, else by plan name', () => {
    expect(lineKeyFor('orange-es', { lineDigits: '0012', planName: 'Love' })).toBe('orange-es:0012');
    expect(lineKeyFor('orange-es', { lineDigits: null, planName: '  Love   TV ' })).toBe('orange-es:plan:love tv');
    expect(lineKeyFor('orange-es', { lineDigits: null, planName: null })).toBe('orange-es:line');
  });
});

describe('loadLatest', () => {
  it('returns the newest reading per bucket for visible lines only', async () => {
    await storeReadings(db, 'movistar-es', [pageReading()], 1_000);
    await storeReadings(db, 'movistar-es', [pageReading({ usedBytes: 5 * GB, remainingBytes: 15 * GB })], 3_000);
    await storeReadings(db, 'movistar-es', [pageReading({ bucket: 'roaming', usedBytes: 1 * GB, remainingBytes: 19 * GB })], 2_000);
    await storeReadings(db, 'movistar-es', [pageReading({ lineDigits: '0034' })], 2_000);
    const hidden = await db.lines.where('lineKey').equals('movistar-es:0034').first();
    await db.lines.update(hidden!.id, { hidden: true });

    const latest = await loadLatest(db);
    expect(latest).toHaveLength(1);
    expect(latest[0]!.readings.map((r) => [r.bucket, r.usedBytes])).toEqual([
      ['data', 5 * GB],
      ['roaming', 1 * GB],
    ]);
  });
});

describe('the generic reader and a line the user already counts on', () => {
  it('keeps its figure as unconfirmed: not the latest, not in the history, until the user confirms', async () => {
    await storeReadings(db, 'movistar-es', [pageReading()], 1_000);
    // A help page's example, read by the generic reader on the same carrier host.
    const example = pageReading({ usedBytes: 8 * GB, remainingBytes: 2 * GB, totalBytes: 10 * GB, generic: true });
    expect(await storeReadings(db, 'movistar-es', [example], 2_000)).toMatchObject({ stored: 1, confirmed: 0 });
    expect(await storeReadings(db, 'movistar-es', [example], 3_000)).toMatchObject({ stored: 0, confirmed: 1 });
    const [latest] = await loadLatest(db);
    expect(latest!.readings.map((r) => r.usedBytes)).toEqual([3 * GB]);
    expect(latest!.unconfirmed.map((r) => r.usedBytes)).toEqual([8 * GB]);
    const history = await loadHistory(db, latest!.line.id, 'data', 0);
    expect(history.map((r) => r.usedBytes)).toEqual([3 * GB]);
  });

  it('drops such guesses once the carrier adapter reads the bucket again', async () => {
    await storeReadings(db, 'movistar-es', [pageReading()], 1_000);
    await storeReadings(db, 'movistar-es', [pageReading({ usedBytes: 8 * GB, remainingBytes: 12 * GB, generic: true })], 2_000);
    await storeReadings(db, 'movistar-es', [pageReading({ usedBytes: 4 * GB, remainingBytes: 16 * GB })], 3_000);
    const [latest] = await loadLatest(db);
    expect(latest!.readings.map((r) => r.usedBytes)).toEqual([4 * GB]);
    expect(latest!.unconfirmed).toEqual([]);
    expect(await db.readings.count()).toBe(2);
  });
});

describe('where a line was read', () => {
  it('keeps origin, path and fragment of the page, never its query string', () => {
    expect(pageUrlOf('https://mi.movistar.cl/svr/?session=abc123&rut=1#/consumo')).toBe('https://mi.movistar.cl/svr/#/consumo');
    expect(pageUrlOf('http://appweb.movistar.es/home')).toBeNull();
    expect(pageUrlOf('not a url')).toBeNull();
  });
});
