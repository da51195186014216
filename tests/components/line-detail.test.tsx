import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineDetail, type DetailState, type LineDetailProps, type TrendChartProps } from '@/components/LineDetail';
import type { LineDetailData } from '@/lib/detail/load';
import { analysisOf, DAY, GB, H, lineRow, NOW, readingRow, UTC_DAYS } from '../helpers/popup-views';
import { plain, translator } from '../helpers/i18n';

/** happy-dom has no canvas: a stand-in chart that shows what it was given. */
const charts: TrendChartProps[] = [];
function StubChart(props: TrendChartProps) {
  charts.push(props);
  props.onDrawn?.();
  return <div class="stub-chart" data-days={props.series.x.length} />;
}

function data(overrides: Partial<LineDetailData> = {}): LineDetailData {
  const readings = Array.from({ length: 12 }, (_, k) => readingRow(1, NOW - (11 - k) * DAY, 1 + k * 0.5, 20, { source: k === 0 ? 'import' : 'page' }));
  return {
    line: lineRow(1),
    bucket: 'data',
    analysis: analysisOf({
      hourly: Array.from({ length: 24 }, (_, h) => (h >= 19 && h <= 21 ? 60e6 : 5e6)),
      anomalies: [{ kind: 'overnight', start: NOW - 2 * DAY, end: NOW - 2 * DAY + 3 * H, bytes: 1.2 * GB, excessBytes: GB, ratePerHour: 0.4 * GB, baselinePerHour: 0.01 * GB, percentOfCap: 6, reason: '' }],
    }),
    daily: Array.from({ length: 11 }, (_, k) => ({ day: UTC_DAYS.keyOf(NOW - (10 - k) * DAY), bytes: 0.5 * GB })),
    readings,
    ...overrides,
  };
}

function show(state: DetailState, props: Partial<LineDetailProps> = {}) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(
    <LineDetail i18n={translator('en')} title="Movistar ••12" state={state} range="90d" onRange={() => {}} onBack={() => {}} chart={StubChart} {...props}>
      <article class="line-card">card</article>
    </LineDetail>,
    root,
  );
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
  charts.length = 0;
});

describe('line detail', () => {
  it('shows the card at once and says the history is loading, with the focus on its heading', async () => {
    const root = show({ status: 'loading' });
    await new Promise((r) => setTimeout(r, 50)); // effects run after paint
    expect(root.querySelector('.line-card')).not.toBeNull();
    expect(root.querySelector('[role=status]')?.textContent).toBe('Loading the history…');
    expect(document.activeElement?.textContent).toBe('Movistar ••12');
    expect(root.querySelector('.stub-chart')).toBeNull();
  });

  it('says why the history could not be opened, or that the line is gone', () => {
    expect(show({ status: 'error', message: 'VersionError' }).querySelector('[role=alert]')?.textContent).toContain('VersionError');
    document.body.innerHTML = '';
    expect(show({ status: 'missing' }).textContent).toContain('no longer in your list');
  });

  it('draws the trend with a caption in words, lists unusual use, the hourly view and recent readings', () => {
    const onChartDrawn = vi.fn();
    const root = show({ status: 'ready', data: data(), now: NOW }, { onChartDrawn });
    expect(charts).toHaveLength(1);
    expect(onChartDrawn).toHaveBeenCalled();
    const caption = plain(root.querySelector('#trend-summary')?.textContent);
    expect(caption).toContain('11 days of data: on average 512 MB a day');
    expect(caption).toContain('1 unusual use is marked.');
    expect(caption).toMatch(/Outlook: lasts until renewal on \d+ \w+\./);
    expect(root.querySelector('.anomalies')?.textContent).toContain('Use overnight');
    expect(plain(root.querySelector('#hourly-summary')?.textContent)).toContain('between 19:00 and 22:00');
    expect(root.querySelectorAll('.hour-bar')).toHaveLength(24);
    const rows = root.querySelectorAll('.readings tbody tr');
    expect(rows).toHaveLength(8);
    expect(plain(rows[0]!.textContent)).toContain('6.5 GB');
    expect(rows[0]!.textContent).toContain('carrier page');
  });

  it('has no hourly view when the readings are too sparse for one', () => {
    const root = show({ status: 'ready', data: data({ analysis: analysisOf({ hourly: null }) }), now: NOW });
    expect(root.querySelector('.hourly')).toBeNull();
  });

  it('switches the period with pressed-state buttons', () => {
    const onRange = vi.fn();
    const root = show({ status: 'ready', data: data(), now: NOW }, { onRange, range: 'cycle' });
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.ranges button')];
    expect(buttons.map((b) => [b.textContent, b.getAttribute('aria-pressed')])).toEqual([
      ['This cycle', 'true'],
      ['3 months', 'false'],
      ['1 year', 'false'],
    ]);
    buttons[2]!.click();
    expect(onRange).toHaveBeenCalledWith('year');
  });

  it('draws the year from the extended data once it is read, the shorter periods from the first load', () => {
    const recent = data();
    const year = data({ daily: Array.from({ length: 300 }, (_, k) => ({ day: UTC_DAYS.keyOf(NOW - (299 - k) * DAY), bytes: 0.5 * GB })) });
    show({ status: 'ready', data: recent, now: NOW, year }, { range: 'year' });
    // 300 days of bars, then the projection's 20 days to renewal
    expect(charts.at(-1)!.series.x.length).toBe(320);
    document.body.innerHTML = '';
    show({ status: 'ready', data: recent, now: NOW, year }, { range: '90d' });
    expect(charts.at(-1)!.series.x.length).toBe(32);
    document.body.innerHTML = '';
    show({ status: 'ready', data: recent, now: NOW, year: null }, { range: 'year' });
    expect(charts.at(-1)!.series.x.length).toBe(32);
  });

  it('goes back with its Back button', () => {
    const onBack = vi.fn();
    const root = show({ status: 'loading' }, { onBack });
    const back = root.querySelector<HTMLButtonElement>('button.back')!;
    expect(back.getAttribute('aria-label')).toBe('Back to all lines');
    back.click();
    expect(onBack).toHaveBeenCalled();
  });
});
