import { describe, expect, it } from 'vitest';
import { backupChunks, exportBackup, mergeBackup, parseBackup } from '@/lib/backup';
import { piecesOf } from '@/lib/backup/transfer';
import type { LineRow, ReadingRow } from '@/lib/db/schema';
import { openGuardDb } from '@/lib/db/schema';

const GB = 1024 ** 3;
const H = 3_600_000;
const START = Date.UTC(2025, 10, 1);

/** `lines` lines read every hour for `hours` hours: used climbs, the cycle resets every 30 days. */
function history(lines: number, hours: number): { lines: LineRow[]; readings: ReadingRow[] } {
  const lineRows: LineRow[] = [];
  const readings: ReadingRow[] = [];
  let id = 1;
  for (let l = 1; l <= lines; l++) {
    const digits = String(l).padStart(4, '0');
    lineRows.push({ id: l * 7, carrierId: l % 2 ? 'movistar-es' : 'cmhk', lineKey: `x:${digits}`, lineDigits: digits, planName: null, label: `Line ${l}`, color: null, hidden: false, pendingConfirmation: false, createdAt: START });
    for (let h = 0; h < hours; h++) {
      const t = START + h * H;
      const cycleHour = h % 720;
      const used = Math.round(cycleHour * 0.025 * GB * (1 + (l % 5) / 10) + ((h * 7919) % 1000) * 1024);
      readings.push({
        id: id++, lineId: l * 7, bucket: 'data', capturedAt: t, confirmedAt: t + ((h * 31) % 5) * 60_000, usedBytes: used, totalBytes: 30 * GB, unlimited: false,
        remainingBytes: Math.max(0, 30 * GB - used), periodEnd: START + (Math.floor(h / 720) + 1) * 720 * H, pageSaysUpdatedAt: h % 3 ? null : t - 600_000,
        overage: false, source: 'page', generic: false,
      });
    }
  }
  return { lines: lineRows, readings };
}

const comparable = (r: Omit<ReadingRow, 'id'>, lineIds: Map<number, number>) => ({ ...r, id: undefined, lineId: lineIds.get(r.lineId) });

describe('a backup of 50 lines × a year of hourly readings', () => {
  it('is written compactly, in pieces, and read back exactly', () => {
    const data = history(50, 24 * 365);
    const file = exportBackup(data, START + 366 * 24 * H);
    const chunks = backupChunks(file);
    const text = chunks.join('');
    // About 40 bytes a reading, not the 435 of the pretty-printed version 1.
    expect(text.length / data.readings.length).toBeLessThan(60);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1024 * 1024);
    // Small enough to be sent to the background in pieces.
    expect(piecesOf(text)).not.toBeNull();
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const lineIds = new Map(data.lines.map((l, i) => [l.id, i + 1]));
    const back = parsed.data.series.flatMap((s) => s.rows());
    expect(back.length).toBe(data.readings.length);
    expect(back.map((r) => ({ ...r, id: undefined }))).toEqual(data.readings.map((r) => comparable(r, lineIds)));
  });

  it('is merged into a database, every reading once', async () => {
    // A month here (the merge is the same code at any size; the year is read back above).
    const data = history(50, 24 * 30);
    const text = backupChunks(exportBackup(data, START + 31 * 24 * H)).join('');
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const db = openGuardDb(`large-${Math.random()}`);
    await db.open();
    const outcome = await mergeBackup(db, parsed.data, START + 31 * 24 * H);
    expect(outcome).toEqual({ linesAdded: 50, linesMatched: 0, readingsAdded: data.readings.length, readingsSkipped: 0, readingsFuture: 0 });
    expect(await db.readings.count()).toBe(data.readings.length);
    const again = await mergeBackup(db, parsed.data, START + 31 * 24 * H);
    expect(again.readingsAdded).toBe(0);
    await db.delete();
  });

  it('refuses readings dated after the importing browser’s clock, and says how many', async () => {
    const data = history(2, 48);
    const parsed = parseBackup(backupChunks(exportBackup(data, START)).join(''));
    if (!parsed.ok) throw new Error(parsed.error);
    const db = openGuardDb(`future-${Math.random()}`);
    await db.open();
    // The importing clock stands 24 h into the file's 48 hours.
    const outcome = await mergeBackup(db, parsed.data, START + 24 * H);
    expect(outcome.readingsFuture).toBeGreaterThanOrEqual(2 * 23);
    expect(outcome.readingsAdded + outcome.readingsFuture).toBe(96);
    expect(Math.max(...(await db.readings.toArray()).map((r) => r.confirmedAt))).toBeLessThanOrEqual(START + 24 * H + 10 * 60_000);
    await db.delete();
  });
});
