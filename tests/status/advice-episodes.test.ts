import { describe, expect, it } from 'vitest';
import type { Anomaly } from '@/lib/analysis/types';
import { adviseLine, compareRows } from '@/lib/status/compare';
import { brandOf } from '@/lib/status/line-name';
import { episodesOf } from '@/lib/status/warnings';
import { axisUnit } from '@/components/TrendChart';
import { markerStyles } from '@/components/CompareChart';
import { cardOf, DAY, GB, H, NOW } from '../helpers/popup-views';

const COUNTRY: Record<string, string> = { 'movistar-es': 'ES', 'orange-es': 'ES', cmhk: 'HK' };
const countryOf = (id: string) => COUNTRY[id] ?? null;
const anomaly = (start: number, hours: number, o: Partial<Anomaly> = {}): Anomaly => ({
  kind: 'spike', start, end: start + hours * H, bytes: GB, excessBytes: GB, ratePerHour: GB / hours, baselinePerHour: 0, percentOfCap: 5, reason: 'r', ...o,
});

describe('episodes of unusual use', () => {
  it('groups heavy days in a row into one episode with their summed cost', () => {
    const days = [0, 1, 2, 3, 4].map((d) => anomaly(NOW - (5 - d) * DAY + 6 * H, 17));
    const [episode, ...rest] = episodesOf(days);
    expect(rest).toEqual([]);
    expect(episode).toMatchObject({ count: 5, bytes: 5 * GB, percentOfCap: 25, start: days[0]!.start, end: days[4]!.end, slowDrain: true });
  });
  it('keeps separate bursts a day apart separate, and an all-night episode overnight', () => {
    const apart = episodesOf([anomaly(NOW - 30 * H, 2), anomaly(NOW - 4 * H, 2)]);
    expect(apart).toHaveLength(2);
    expect(apart.every((w) => w.count === undefined)).toBe(true);
    const nights = episodesOf([anomaly(NOW - 30 * H, 5, { kind: 'overnight' }), anomaly(NOW - 20 * H, 5, { kind: 'overnight' })]);
    expect(nights).toHaveLength(1);
    expect(nights[0]!.kind).toBe('overnight');
  });
  it('has no share of the cap when a part has none', () => {
    expect(episodesOf([anomaly(NOW - 10 * H, 2), anomaly(NOW - 6 * H, 2, { percentOfCap: null })])[0]!.percentOfCap).toBeNull();
  });
});

describe('advice that never means roaming', () => {
  const end = { ...cardOf().outlook!, cycleEnd: NOW + 10 * DAY };
  const home = cardOf({ lineId: 1, name: 'Work phone', carrierId: 'movistar-es', usedBytes: 2 * GB, percent: 10, outlook: end });
  const home2 = cardOf({ lineId: 2, name: 'Home', carrierId: 'orange-es', usedBytes: 15 * GB, percent: 75, outlook: end });
  const travel = cardOf({ lineId: 3, name: 'Travel eSIM', carrierId: 'cmhk', usedBytes: 18 * GB, percent: 90, outlook: end });

  it('on a travel eSIM abroad, does not send the user onto a home line', () => {
    const rows = compareRows([home, home2, travel], NOW);
    expect(adviseLine(rows, { tabLineIds: [3], countryOf })).toMatchObject({ kind: 'unsure', reason: 'abroad' });
  });
  it('at home, picks among the home lines', () => {
    const rows = compareRows([home, home2, travel], NOW);
    expect(adviseLine(rows, { tabLineIds: [2], countryOf })).toMatchObject({ kind: 'use', lineId: 1 });
  });
  it('with lines of several countries and no way to tell where the user is, says why it does not advise', () => {
    expect(adviseLine(compareRows([home, travel], NOW), { countryOf })).toEqual({ kind: 'unsure', reason: 'countries' });
  });
  it('does not pick a line it knows little about, and says so', () => {
    const fresh = cardOf({ lineId: 4, name: 'New', carrierId: 'movistar-es', usedBytes: 0, percent: 0, outlook: { ...end, status: 'insufficient-data' } });
    expect(adviseLine(compareRows([home, home2, fresh], NOW), { countryOf })).toMatchObject({ kind: 'unsure', reason: 'little-known', lineId: 4 });
  });
});

describe('names and marks', () => {
  it('a Sosh line is Sosh, an Orange line Orange; unknown keeps both', () => {
    expect(brandOf('Orange / Sosh', 'https://espace-client.sosh.fr/x')).toBe('Sosh');
    expect(brandOf('Orange / Sosh', 'https://espace-client.orange.fr/x')).toBe('Orange');
    expect(brandOf('Orange / Sosh', null)).toBe('Orange / Sosh');
    expect(brandOf('Movistar', 'https://espace-client.sosh.fr/')).toBe('Movistar');
  });
  it('chart axes keep one unit with round decimal steps (never 512 MB / 768 MB)', () => {
    expect(axisUnit(0.9 * GB).unit).toBe('MB');
    const gb = axisUnit(3 * GB);
    expect(gb.unit).toBe('GB');
    for (const step of gb.incrs) expect(Number.isInteger(Math.round((step / GB) * 100) / 100 * 100)).toBe(true);
    expect(axisUnit(0.9 * GB).incrs).not.toContain(256 * 1024 ** 2);
  });
  it('more than six lines never repeat a colour and shape pair', () => {
    const styles = markerStyles(Array.from({ length: 12 }, () => ({ color: null })));
    expect(new Set(styles.map((s) => `${s.color}|${s.shape}`)).size).toBe(12);
    const same = markerStyles(Array.from({ length: 5 }, () => ({ color: '#0969da' })));
    expect(new Set(same.map((s) => s.shape)).size).toBe(5);
  });
});
