import { afterEach, describe, expect, it } from 'vitest';
import { loadLineStates } from '@/lib/background/line-states';
import { openReadOnly } from '@/lib/db/read-only';
import { openGuardDb } from '@/lib/db/schema';
import { extendToYear, leakSensitivityOf, loadLineDetail } from '@/lib/detail/load';
import { DAY, GB, H, lineRow, NOW, readingRow, UTC_DAYS } from '../helpers/popup-views';

const names: string[] = [];
const dbName = () => {
  const name = `detail-test-${names.length}-${Math.random()}`;
  names.push(name);
  return name;
};
afterEach(() => names.splice(0));

/** A line with 200 days of readings every 6 hours, 0.4 GB a day, 30-day cycles. */
async function seeded() {
  const name = dbName();
  const db = openGuardDb(name);
  await db.lines.add(lineRow(1, { capBytes: 25 * GB }));
  const rows = [];
  for (let t = NOW - 200 * DAY; t <= NOW - H; t += 6 * H) {
    const inCycle = ((t - (NOW - 200 * DAY)) % (30 * DAY)) / DAY;
    const { id: _id, ...row } = readingRow(1, t, inCycle * 0.4);
    rows.push(row);
  }
  await db.readings.bulkAdd(rows as never);
  return { name, db };
}

describe('the line detail’s loading (read-only, in the popup)', () => {
  it('states exactly the analysis the background gives the card, and a year of daily bars', async () => {
    const { name, db } = await seeded();
    const options = { now: NOW, timeZone: 'UTC', leakSensitivity: 'normal' as const };
    const [state] = await loadLineStates(db, { now: NOW, timeZone: 'UTC', settings: { leakSensitivity: 'normal' } });
    const readOnly = await openReadOnly(async () => {}, name);
    const recent = await loadLineDetail(readOnly, 1, 'data', options);
    expect(recent).not.toBeNull();
    expect(recent!.analysis).toEqual(state!.analysis);
    expect(recent!.analysis.totalBytes).toBe(25 * GB); // the user's cap override, as the background applies it
    expect(recent!.readings.length).toBe(480); // 120 days × 4
    expect(recent!.daily).toEqual(state!.analysis!.daily);
    const detail = await extendToYear(readOnly, recent!, options, UTC_DAYS);
    expect(detail.analysis).toBe(recent!.analysis);
    expect(detail.readings.length).toBe(800);
    // Days older than the analysis window come from the readings' increments, newer ones are the card's
    expect(detail.daily.length).toBeGreaterThan(190);
    const older = detail.daily.slice(0, -state!.analysis!.daily.length);
    expect(older.length).toBeGreaterThan(70);
    // 0.4 GB a day, except on the days a cycle restarts
    expect(older.filter((d) => Math.abs(d.bytes - 0.4 * GB) < 0.01 * GB).length).toBeGreaterThan(older.length - 6);
    expect(detail.daily.slice(-state!.analysis!.daily.length)).toEqual(state!.analysis!.daily);
    const keys = detail.daily.map((d) => d.day);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    readOnly.close();
    db.close();
  });

  it('leaves out figures the user has not confirmed, in the year as in the analysis window', async () => {
    const { name, db } = await seeded();
    const { id: _a, ...old } = readingRow(1, NOW - 200 * DAY + 3 * H, 99, 20, { unconfirmed: true });
    const { id: _b, ...recentRow } = readingRow(1, NOW - 2 * DAY + 3 * H, 99, 20, { unconfirmed: true });
    await db.readings.bulkAdd([old, recentRow] as never);
    const options = { now: NOW, timeZone: 'UTC', leakSensitivity: 'normal' as const };
    const readOnly = await openReadOnly(async () => {}, name);
    const recent = await loadLineDetail(readOnly, 1, 'data', options);
    const detail = await extendToYear(readOnly, recent!, options, UTC_DAYS);
    expect(detail.readings.length).toBe(800);
    expect(detail.readings.some((r) => r.unconfirmed === true)).toBe(false);
    readOnly.close();
    db.close();
  });

  it('says when the line is gone, and never creates a database', async () => {
    const { name, db } = await seeded();
    const readOnly = await openReadOnly(async () => {}, name);
    expect(await loadLineDetail(readOnly, 99, 'data', { now: NOW, timeZone: 'UTC', leakSensitivity: 'normal' })).toBeNull();
    readOnly.close();
    db.close();
    // Without the background's word that the database is there, a page opens nothing.
    const never = `never-created-${Math.random()}`;
    await expect(openReadOnly(() => Promise.reject(new Error('no background')), never)).rejects.toThrow('no background');
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(never);
  });

  it('reads the leak sensitivity without the settings schema', () => {
    expect(leakSensitivityOf({ leakSensitivity: 'high' })).toBe('high');
    expect(leakSensitivityOf({ leakSensitivity: 'bogus' })).toBe('normal');
    expect(leakSensitivityOf(undefined)).toBe('normal');
  });
});
