import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Compare } from '@/components/Compare';
import { LineDetail, type TrendChartProps } from '@/components/LineDetail';
import { Overview, type OverviewProps } from '@/components/Overview';
import { UI_LOCALES } from '@/lib/i18n/translator';
import { compareRows } from '@/lib/status/compare';
import { analysisOf, cardOf, DAY, GB, H, lineRow, NOW, readingRow, UTC_DAYS } from '../helpers/popup-views';
import { messagesOf, plain, translator } from '../helpers/i18n';

function show(props: Partial<OverviewProps>): HTMLElement {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(
    <Overview
      i18n={translator('en')}
      cards={[cardOf({ lineId: 1, name: 'Movistar ••12' }), cardOf({ lineId: 2, name: 'Orange ••90', carrierId: 'orange-fr', carrierLabel: 'Orange' })]}
      tab={null}
      now={NOW}
      error={null}
      carriers={[]}
      carrierLabel={(id) => id}
      onCopySample={async () => true}
      onConfirm={() => {}}
      onDiscard={() => {}}
      {...props}
    />,
    root,
  );
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('overview → detail navigation', () => {
  it('opens a line with Enter on its focusable card, or a click on it', () => {
    const onOpenLine = vi.fn();
    const root = show({ onOpenLine });
    const card = root.querySelector<HTMLElement>('.line-card[data-line-id="2"]')!;
    expect(card.tabIndex).toBe(0);
    // Screen readers hear what Enter does
    expect(document.getElementById(card.getAttribute('aria-describedby')!)?.textContent).toBe('Press Enter for the chart and the history');
    card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onOpenLine).toHaveBeenLastCalledWith(2);
    root.querySelector<HTMLElement>('.line-card[data-line-id="1"] .figures')!.click();
    expect(onOpenLine).toHaveBeenLastCalledWith(1);
    expect(onOpenLine).toHaveBeenCalledTimes(2);
  });

  it('leaves the card’s own buttons and links alone', () => {
    const onOpenLine = vi.fn();
    const onConfirm = vi.fn();
    const root = show({ onOpenLine, onConfirm, cards: [cardOf({ lineId: 5, pending: true })] });
    root.querySelector<HTMLButtonElement>('.pending button')!.click();
    expect(onConfirm).toHaveBeenCalledWith(5);
    expect(onOpenLine).not.toHaveBeenCalled();
  });

  it('cards are not interactive without a detail to open', () => {
    const root = show({});
    expect(root.querySelector('.line-card')!.hasAttribute('tabindex')).toBe(false);
  });

  it('offers Compare from two lines on', () => {
    const onCompare = vi.fn();
    const root = show({ onCompare });
    root.querySelector<HTMLButtonElement>('button.compare-open')!.click();
    expect(onCompare).toHaveBeenCalled();
    document.body.innerHTML = '';
    expect(show({ onCompare, cards: [cardOf()] }).querySelector('button.compare-open')).toBeNull();
  });

  it('puts the lines of the carrier page in the active tab first, marked as such', () => {
    const root = show({ tab: { kind: 'carrier', tabId: 3, status: { carrierId: 'orange-fr', state: 'read', lines: 1, detail: '' } , lineIds: [2] } });
    const cards = [...root.querySelectorAll('.line-card')];
    expect(cards.map((c) => c.getAttribute('data-line-id'))).toEqual(['2', '1']);
    expect(cards[0]!.classList.contains('from-tab')).toBe(true);
    expect(cards[0]!.querySelector('.tab-tag')?.textContent).toBe('this tab');
    expect(cards[1]!.querySelector('.tab-tag')).toBeNull();
  });
});

describe('every language renders the detail and compare views without a missing message', () => {
  const en = messagesOf('en');
  const Chart = (_: TrendChartProps) => <div />;
  it.each(UI_LOCALES)('%s', (locale) => {
    const i18n = translator(locale);
    const root = document.createElement('div');
    const readings = Array.from({ length: 5 }, (_, k) => readingRow(1, NOW - (4 - k) * DAY, 1 + k, 20, { source: (['page', 'manual', 'import'] as const)[k % 3] }));
    const analysis = analysisOf({
      hourly: Array.from({ length: 24 }, (_, h) => h * 1e6),
      anomalies: [{ kind: 'spike', start: NOW - 2 * DAY, end: NOW - 2 * DAY + H, bytes: GB, excessBytes: GB, ratePerHour: GB, baselinePerHour: 1e6, percentOfCap: 5, reason: '' }],
    });
    const daily = Array.from({ length: 5 }, (_, k) => ({ day: UTC_DAYS.keyOf(NOW - (4 - k) * DAY), bytes: 0.3 * GB }));
    const cards = [cardOf(), cardOf({ lineId: 2, name: 'Orange ••90', usedBytes: GB, percent: 5 }), cardOf({ lineId: 3, name: 'CMHK', outlook: null, unlimited: true, percent: null })];
    render(
      <>
        <LineDetail i18n={i18n} title="Movistar ••12" state={{ status: 'ready', data: { line: lineRow(1), bucket: 'data', analysis, daily, readings }, now: NOW }} range="90d" onRange={() => {}} onBack={() => {}} chart={Chart} />
        <LineDetail i18n={i18n} title="x" state={{ status: 'error', message: 'e' }} range="90d" onRange={() => {}} onBack={() => {}} chart={Chart} />
        <Compare i18n={i18n} rows={compareRows(cards, NOW)} trails={new Map()} onBack={() => {}} onOpenLine={() => {}} />
      </>,
      root,
    );
    const text = plain(root.textContent) + [...root.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).join(' ');
    // A missing message shows as its key; single-word keys ("unlimited") are real English words.
    for (const key of Object.keys(en).filter((k) => k.includes('_'))) expect(text, key).not.toContain(key);
    expect(text).not.toMatch(/\{\w+\}/);
    expect(root.querySelector('.hint')).not.toBeNull();
  });
});
