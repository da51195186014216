import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overview, type OverviewProps } from '@/components/Overview';
import type { LineCardModel } from '@/lib/status/card';
import { plain, translator } from '../helpers/i18n';

const GB = 1024 ** 3;
const NOW = Date.UTC(2026, 10, 20, 10);

function card(overrides: Partial<LineCardModel> = {}): LineCardModel {
  return {
    lineId: 1,
    carrierId: 'movistar-es',
    carrierLabel: 'Movistar',
    name: 'Movistar ••12',
    bucket: 'data',
    usedBytes: 3.5 * GB,
    totalBytes: 20 * GB,
    unlimited: false,
    percent: 17.5,
    level: 'ok',
    usageLevel: 'ok',
    readAt: NOW - 3 * 60_000,
    extras: [],
    generic: false,
    pending: false,
    color: null,
    outlook: null,
    warnings: [],
    ...overrides,
  };
}

function show(props: Partial<OverviewProps>): HTMLElement {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(
    <Overview
      i18n={translator('en')}
      cards={[]}
      tab={null}
      now={NOW}
      error={null}
      carriers={[{ id: 'movistar-es', label: 'Movistar', country: 'ES', usageUrl: 'https://appweb.movistar.es/' }]}
      carrierLabel={(id) => (id === 'movistar-es' ? 'Movistar' : id)}
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

describe('Overview', () => {
  it('tells a new user what to do, with a link to each supported carrier', () => {
    const root = show({ cards: [] });
    expect(root.textContent).toContain('No lines yet');
    expect(root.textContent).toContain('Open your carrier’s usage page');
    const link = root.querySelector<HTMLAnchorElement>('.carrier-list a');
    expect(link?.textContent).toBe('Movistar');
    expect(link?.href).toBe('https://appweb.movistar.es/');
  });

  it('shows one card per line: carrier, masked line, used of total, percent, and the age of the figure', () => {
    const root = show({ cards: [card(), card({ lineId: 2, name: 'Movistar ••34', usedBytes: 15 * GB, percent: null, totalBytes: null, unlimited: true })] });
    const cards = root.querySelectorAll('.line-card');
    expect(cards).toHaveLength(2);
    const first = plain(cards[0]!.textContent);
    expect(first).toContain('Movistar ••12');
    expect(first).toContain('3.5 GB of 20 GB');
    expect(first).toContain('17%');
    expect(first).toContain('read 3 minutes ago');
    expect(cards[0]!.querySelector('[role=meter]')?.getAttribute('aria-valuenow')).toBe('18');
    expect(plain(cards[1]!.textContent)).toContain('15 GB used · unlimited');
    expect(plain(cards[1]!.textContent)).not.toContain('of unlimited');
    expect(cards[1]!.querySelector('[role=meter]')).toBeNull();
  });

  it('says what happened on the active carrier tab', () => {
    const states = {
      read: 'Movistar: read 1 line from this page.',
      'not-usage-page': 'Movistar: this is not a usage page.',
      'logged-out': 'Movistar: you are signed out.',
      'layout-changed': 'Movistar: page layout not recognised — nothing was saved.',
    } as const;
    for (const [state, text] of Object.entries(states)) {
      const root = show({ tab: { kind: 'carrier', tabId: 3, status: { carrierId: 'movistar-es', state: state as keyof typeof states, lines: 1, detail: '' } , lineIds: [] } });
      expect(root.querySelector('[role=status]')?.textContent).toContain(text);
      document.body.innerHTML = '';
    }
  });

  it('offers a redacted sample only when the layout is not recognised, and says when it was copied', async () => {
    const onCopySample = vi.fn(async () => true);
    const root = show({ tab: { kind: 'carrier', tabId: 9, status: { carrierId: 'movistar-es', state: 'layout-changed', lines: 0, detail: '' } , lineIds: [] }, onCopySample });
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Copy a redacted sample of this page');
    expect(button).toBeDefined();
    button!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(onCopySample).toHaveBeenCalledWith(9);
    expect(root.textContent).toContain('nothing was sent');

    document.body.innerHTML = '';
    const readRoot = show({ tab: { kind: 'carrier', tabId: 9, status: { carrierId: 'movistar-es', state: 'read', lines: 1, detail: '' } , lineIds: [] } });
    expect(readRoot.querySelector('button')).toBeNull();
  });

  it('asks the user to confirm a line read by the generic reader, and sends the answer', () => {
    const onConfirm = vi.fn();
    const onDiscard = vi.fn();
    const root = show({ cards: [card({ lineId: 5, pending: true, generic: true })], onConfirm, onDiscard });
    expect(plain(root.textContent)).toContain('Is 3.5 GB of 20 GB what the page shows?');
    const buttons = [...root.querySelectorAll('.pending button')] as HTMLButtonElement[];
    buttons.find((b) => b.textContent === 'Yes, that’s right')!.click();
    buttons.find((b) => b.textContent === 'No, discard')!.click();
    expect(onConfirm).toHaveBeenCalledWith(5);
    expect(onDiscard).toHaveBeenCalledWith(5);
  });

  it('says once how much will be left over, in plain words about the pace, and the daily budget', () => {
    const outlook = { status: 'within-cap' as const, exhaustAt: null, exhaustEarliest: null, exhaustLatest: null, cycleEnd: NOW + 5 * 86_400_000, cycleEndSource: 'page' as const, spareBytes: 10 * GB, pace: -20, dailyBudgetBytes: 2 * GB };
    const text = plain(show({ cards: [card({ outlook })] }).textContent);
    expect(text).toContain('lasts until renewal on 25 Nov · about 10 GB left over at renewal · using less than an even share so far');
    expect(text).not.toMatch(/spare|behind|ahead/);
    expect(text).toContain('2 GB/day until renewal');
  });

  it('asks for a reload when the carrier tab predates the extension', () => {
    const root = show({ tab: { kind: 'needs-reload', carrierId: 'movistar-es' } });
    expect(root.textContent).toContain('reload this page');
  });

  it('shows nothing about the tab when it is not a carrier page', () => {
    const root = show({ tab: { kind: 'not-carrier' } });
    expect(root.querySelector('[role=status]')).toBeNull();
  });

  it('shows a storage error instead of an empty list', () => {
    const root = show({ cards: null, error: 'QuotaExceededError' });
    expect(root.querySelector('[role=alert]')?.textContent).toContain('QuotaExceededError');
    expect(root.textContent).not.toContain('No lines yet');
  });
});
