import { describe, expect, it } from 'vitest';
import { bestLineNow, compareRows, elapsedPercentOf, headroomPerDay } from '@/lib/status/compare';
import { tabFirst, tabLines } from '@/lib/state/tab-order';
import { cardOf, DAY, GB, H, NOW } from '../helpers/popup-views';

describe('compare rows', () => {
  it('places a line by % of cap used against % of cycle gone at its last reading', () => {
    const [row] = compareRows([cardOf()], NOW);
    // read 1 h ago, 10 days into a 30-day cycle
    expect(row!.usedPercent).toBe(30);
    expect(row!.elapsedPercent).toBeCloseTo((100 * (10 * DAY - H)) / (30 * DAY), 6);
    expect(row!.pace).toBeCloseTo(30 - row!.elapsedPercent!, 6);
  });

  it('falls back on the stated pace when an older snapshot has no cycle start', () => {
    const card = cardOf({ outlook: { ...cardOf().outlook!, cycleStart: undefined, pace: 12 } });
    expect(elapsedPercentOf(card, NOW)).toBe(18);
  });

  it('has no position for an unlimited line or one without a cycle', () => {
    const [unlimited, unknown] = compareRows(
      [cardOf({ lineId: 2, unlimited: true, percent: null, totalBytes: null }), cardOf({ lineId: 3, outlook: null })],
      NOW,
    );
    expect(unlimited!.usedPercent).toBeNull();
    expect(unlimited!.pace).toBeNull();
    expect(unlimited!.headroomPerDay).toBeNull();
    expect(unknown!.elapsedPercent).toBeNull();
    expect(unknown!.headroomPerDay).toBeNull();
  });
});

describe('headroom per remaining day', () => {
  it('is what is left of the cap divided by the days to renewal', () => {
    expect(headroomPerDay(cardOf(), NOW)).toBeCloseTo((14 * GB) / 20, 0);
  });
  it('is unknown after renewal, for pending lines, and without a cap', () => {
    expect(headroomPerDay(cardOf({ outlook: { ...cardOf().outlook!, cycleEnd: NOW - H } }), NOW)).toBeNull();
    expect(headroomPerDay(cardOf({ pending: true }), NOW)).toBeNull();
    expect(headroomPerDay(cardOf({ totalBytes: null, percent: null }), NOW)).toBeNull();
  });
});

describe('use line X now', () => {
  const end = (days: number) => ({ ...cardOf().outlook!, cycleEnd: NOW + days * DAY });
  it('names the line with the most headroom per remaining day, not the most bytes left', () => {
    // A: 10 GB left over 20 days = 0.5 GB/day; B: 4 GB left over 2 days = 2 GB/day.
    const a = cardOf({ lineId: 1, name: 'A', usedBytes: 10 * GB, outlook: end(20) });
    const b = cardOf({ lineId: 2, name: 'B', usedBytes: 16 * GB, outlook: end(2) });
    expect(bestLineNow(compareRows([a, b], NOW))).toEqual({ lineId: 2, name: 'B', headroomPerDay: 2 * GB });
  });
  it('says nothing without a choice, or when nothing is left anywhere', () => {
    const a = cardOf({ lineId: 1, name: 'A' });
    const unlimited = cardOf({ lineId: 2, name: 'U', unlimited: true, totalBytes: null, percent: null });
    expect(bestLineNow(compareRows([a, unlimited], NOW))).toBeNull();
    const full = (id: number) => cardOf({ lineId: id, usedBytes: 20 * GB, percent: 100 });
    expect(bestLineNow(compareRows([full(1), full(2)], NOW))).toBeNull();
  });
  it('keeps the first of equals (the overview’s order)', () => {
    expect(bestLineNow(compareRows([cardOf({ lineId: 1, name: 'A' }), cardOf({ lineId: 2, name: 'B' })], NOW))?.name).toBe('A');
  });
});

describe('the active tab’s lines first', () => {
  const cards = [cardOf({ lineId: 1, carrierId: 'orange-fr' }), cardOf({ lineId: 2 }), cardOf({ lineId: 3, carrierId: 'orange-fr' }), cardOf({ lineId: 4 })];
  it('moves the lines read from the tab to the front, not every line of their carrier, and keeps both groups in order', () => {
    expect(tabFirst(cards, [4]).map((c) => c.lineId)).toEqual([4, 1, 2, 3]);
    expect(tabFirst(cards, [3, 1]).map((c) => c.lineId)).toEqual([1, 3, 2, 4]);
    expect(tabFirst(cards, []).map((c) => c.lineId)).toEqual([1, 2, 3, 4]);
  });
  it('only for a page that was read', () => {
    const status = (state: 'read' | 'unchanged' | 'logged-out') => ({ kind: 'carrier' as const, tabId: 1, status: { carrierId: 'orange-fr', state, lines: 1, detail: '' }, lineIds: [3] });
    expect(tabLines(status('read'))).toEqual([3]);
    expect(tabLines(status('unchanged'))).toEqual([3]);
    expect(tabLines(status('logged-out'))).toEqual([]);
    expect(tabLines({ kind: 'needs-reload', carrierId: 'orange-fr' })).toEqual([]);
    expect(tabLines(null)).toEqual([]);
  });
});
