import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Compare } from '@/components/Compare';
import { compareRows } from '@/lib/status/compare';
import { cardOf, DAY, GB, NOW } from '../helpers/popup-views';
import { plain, translator } from '../helpers/i18n';

const cards = [
  cardOf({ lineId: 1, name: 'Movistar ••12', usedBytes: 16 * GB, percent: 80, outlook: { ...cardOf().outlook!, status: 'runs-out', exhaustAt: NOW + 4 * DAY, cycleEnd: NOW + 20 * DAY, pace: 46.7 } }),
  cardOf({ lineId: 2, name: 'Orange ••90', carrierId: 'orange-fr', carrierLabel: 'Orange', usedBytes: 2 * GB, percent: 20, totalBytes: 10 * GB }),
  cardOf({ lineId: 3, name: 'CMHK ••55', carrierId: 'cmhk', unlimited: true, totalBytes: null, percent: null, outlook: null }),
];

function show(onOpenLine = vi.fn(), onBack = vi.fn()) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const rows = compareRows(cards, NOW);
  render(<Compare i18n={translator('en')} rows={rows} trails={new Map([[2, [{ x: 0, y: 0 }, { x: 20, y: 10 }, { x: 33, y: 20 }]]])} onBack={onBack} onOpenLine={onOpenLine} />, root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('compare view', () => {
  it('tells which line to use now', () => {
    const root = show();
    // Orange: 8 GB over 20 days = 0.4 GB/day; Movistar: 4 GB over 20 days = 0.2 GB/day
    expect(plain(root.querySelector('.hint')?.textContent)).toBe('Use Orange ••90 now: it has the most room per remaining day (410 MB/day).');
  });

  it('tabulates used, cycle gone, pace and outlook for every line', () => {
    const root = show();
    const rows = [...root.querySelectorAll('.compare-table tbody tr')].map((tr) => [...tr.children].map((c) => plain(c.textContent)));
    expect(rows[0]).toEqual(['1. Movistar ••12', '80%', '33%', 'faster than even', 'at this pace it runs out on 24 Nov, 16 days before renewal']);
    expect(rows[1]!.slice(0, 4)).toEqual(['2. Orange ••90', '20%', '33%', 'slower than even']);
    expect(rows[2]).toEqual(['3. CMHK ••55', 'unlimited', '—', '—', '—']);
    expect(root.querySelector('tr.is-best')?.getAttribute('data-line-id')).toBe('2');
  });

  it('plots each line that has a position, with a distinct marker, a trail and a legend naming it', () => {
    const root = show();
    const svg = root.querySelector('.compare-chart svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelectorAll('.compare-line')).toHaveLength(2);
    expect(svg.querySelector('[data-line-id="1"] circle')).not.toBeNull();
    expect(svg.querySelector('[data-line-id="2"] rect')).not.toBeNull();
    expect(svg.querySelector('[data-line-id="2"] polyline.trail')).not.toBeNull();
    expect(svg.querySelector('.even-pace')).not.toBeNull();
    const legend = plain(root.querySelector('.compare-legend')?.textContent);
    expect(legend).toContain('Movistar ••12 80% used with 33% of the cycle gone');
    expect(legend).toContain('CMHK ••55 · not on the chart');
  });

  it('opens a line from its row, and goes back', () => {
    const onOpenLine = vi.fn();
    const onBack = vi.fn();
    const root = show(onOpenLine, onBack);
    [...root.querySelectorAll<HTMLButtonElement>('.compare-table button')].find((b) => b.textContent === 'Orange ••90')!.click();
    expect(onOpenLine).toHaveBeenCalledWith(2);
    root.querySelector<HTMLButtonElement>('button.back')!.click();
    expect(onBack).toHaveBeenCalled();
  });
});
