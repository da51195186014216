import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChecksSection } from '@/components/options/ChecksSection';
import { Overview } from '@/components/Overview';
import type { CheckRound } from '@/lib/checks/state';
import { UI_LOCALES } from '@/lib/i18n/translator';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { plain, translator } from '../helpers/i18n';
import { cardOf, NOW } from '../helpers/popup-views';

afterEach(() => {
  document.body.innerHTML = '';
});

const mount = (node: preact.ComponentChild) => {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
};

const cards = [cardOf({ lineId: 1, name: 'Work' }), cardOf({ lineId: 2, name: 'Travel' }), cardOf({ lineId: 3, name: 'Trip', carrierId: 'manual' }), cardOf({ lineId: 4, name: 'Home' })];
const round = (over: Partial<CheckRound> = {}): CheckRound => ({ id: 'r', reason: 'manual', startedAt: NOW - 60_000, queue: [], current: null, results: {}, finishedAt: null, ...over });

function overview(r: CheckRound | null, onCheckNow = vi.fn(), locale: (typeof UI_LOCALES)[number] = 'en') {
  return mount(
    <Overview i18n={translator(locale)} cards={cards} tab={null} now={NOW} error={null} carriers={[]} carrierLabel={() => 'Movistar'} onCopySample={async () => false} onConfirm={vi.fn()} onDiscard={vi.fn()} checks={{ round: r, onCheckNow }} />,
  );
}
const statusOf = (root: HTMLElement, lineId: number) => plain(root.querySelector(`.line-card[data-line-id="${lineId}"] .check-status`)?.textContent ?? '');

describe('Check now in the popup', () => {
  it('is a button labelled exactly "Check now" that starts a round', () => {
    const onCheckNow = vi.fn();
    const root = overview(null, onCheckNow);
    const button = root.querySelector<HTMLButtonElement>('button.check-now')!;
    expect(button.textContent).toBe('Check now');
    button.click();
    expect(onCheckNow).toHaveBeenCalled();
    expect(root.querySelector('.check-status')).toBeNull();
  });

  it('shows each line’s progress while the round runs, and is not pressed twice', () => {
    const root = overview(round({ current: { lineId: 2, url: 'https://x.example/', tabId: 5, openedByUs: true, startedAt: NOW, deadline: NOW + 60_000 }, queue: [4], results: { 1: { outcome: 'updated', at: NOW - 5_000, url: null }, 3: { outcome: 'skipped-manual', at: NOW - 60_000, url: null } } }));
    expect(root.querySelector<HTMLButtonElement>('button.check-now')!.disabled).toBe(true);
    expect(plain(root.querySelector('button.check-now')!.textContent)).toBe('Checking… 2 of 3');
    expect(statusOf(root, 1)).toBe('Checked just now: figures up to date');
    expect(statusOf(root, 2)).toBe('Checking its page now…');
    expect(statusOf(root, 4)).toBe('Waiting to be checked');
    expect(statusOf(root, 3)).toBe('Added by hand: nothing to check');
  });

  it('says "Sign in to update" with a link to the page, and says why a check failed', () => {
    const root = overview(round({ finishedAt: NOW - 1_000, results: { 1: { outcome: 'sign-in', at: NOW - 2_000, url: 'https://appweb.movistar.es/consumo' }, 2: { outcome: 'timed-out', at: NOW - 2_000, url: null }, 4: { outcome: 'unreadable', at: NOW - 2_000, url: null } } }));
    expect(statusOf(root, 1)).toBe('Sign in to update Open the page');
    expect(root.querySelector<HTMLAnchorElement>('.line-card[data-line-id="1"] .check-status a')!.href).toBe('https://appweb.movistar.es/consumo');
    expect(statusOf(root, 2)).toBe('Its page did not answer within a minute');
    expect(statusOf(root, 4)).toBe('Its page could not be read');
  });

  it('forgets a finished round’s results after half an hour', () => {
    const root = overview(round({ finishedAt: NOW - 31 * 60_000, results: { 1: { outcome: 'updated', at: NOW - 31 * 60_000, url: null } } }));
    expect(root.querySelector('.check-status')).toBeNull();
  });

  it.each(UI_LOCALES)('is worded in %s without a missing message', (locale) => {
    const root = overview(round({ current: { lineId: 2, url: 'https://x.example/', tabId: 5, openedByUs: true, startedAt: NOW, deadline: NOW + 60_000 }, results: { 1: { outcome: 'sign-in', at: NOW, url: 'https://x.example/' } } }), vi.fn(), locale);
    expect(root.textContent).not.toMatch(/check_|\{\w+\}/);
  });
});

describe('scheduled checks in the options page', () => {
  it('are off by default, say what they do and that no password is used, and save the period', async () => {
    const onSave = vi.fn(async () => true);
    const root = mount(<ChecksSection i18n={translator('en')} settings={DEFAULT_SETTINGS} onSave={onSave} />);
    const box = root.querySelector<HTMLInputElement>('#checks-enabled')!;
    expect(box.checked).toBe(false);
    expect(plain(root.textContent)).toContain('opens each line’s carrier page in a background tab');
    expect(plain(root.textContent)).toContain('never asks for, stores or types a password');
    box.click();
    const select = root.querySelector<HTMLSelectElement>('#checks-every')!;
    await new Promise((r) => setTimeout(r, 0));
    select.value = '6';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    root.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, scheduledChecks: { enabled: true, everyHours: 6 } });
  });
});
