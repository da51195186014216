import { describe, expect, it } from 'vitest';
import { badgeLinesOf, decideBadge as decideBadgeIn, type BadgeLine } from '@/lib/alerts/badge';
import type { StatusSource } from '@/lib/status/card';
import { LEVEL_COLORS } from '@/lib/status/level';
import { translator } from '../helpers/i18n';
import { CYCLE_END, DAY, GB, H, NOW, anomaly, context, runsOut, runsOutWithin, source, statusesAt } from './states';

const EN = { i18n: translator('en'), timeZone: 'UTC' };

/** The badge as the background decides it: from the lines' statuses, in an English browser. */
function badgeOf(sources: readonly StatusSource[], thresholds?: number[]) {
  const ctx = context(thresholds ? { settings: { thresholds } } : {});
  return decideBadgeIn(badgeLinesOf(statusesAt(sources, ctx), EN), EN);
}

const decideBadge = (lines: readonly BadgeLine[]) => decideBadgeIn(lines, EN);

describe('the badge', () => {
  it('is cleared when there is no data', () => {
    expect(badgeOf([])).toMatchObject({ text: '', level: 'none' });
  });

  it('follows the most urgent line and names every line in the title, most urgent first', () => {
    const badge = badgeOf([source(1, 8.24, 20), source(2, 16.58, 20), source(3, 50, null)]);
    expect(badge.text).toBe('82%');
    expect(badge.level).toBe('warning');
    expect(badge.color).toBe(LEVEL_COLORS.warning);
    expect(badge.title.split('\n')).toEqual(['eSIM Usage Guard', 'Movistar ••20: 82% used', 'Movistar ••10: 41% used', 'Movistar ••30: unlimited']);
  });

  it.each([
    [0, 'ok'],
    [49.9, 'ok'],
    [50, 'notice'],
    [79, 'notice'],
    [80, 'warning'],
    [90, 'danger'],
    [99.9, 'danger'],
    [100, 'over'],
    [130, 'over'],
  ] as const)('colours %s %% as %s with the default thresholds 50/80/90/100', (percent, level) => {
    expect(badgeOf([source(1, percent / 5, 20)]).color).toBe(LEVEL_COLORS[level]);
  });

  it('follows the user’s thresholds', () => {
    expect(badgeOf([source(1, 12, 20)], [30, 60, 70, 95]).level).toBe('warning');
  });

  it('keeps the text within the badge width on heavy overage', () => {
    expect(badgeOf([source(1, 864, 20)]).text).toBe('999%');
  });

  it('shows ∞ when every line is unlimited', () => {
    expect(badgeOf([source(1, 50, null)])).toMatchObject({ text: '∞', level: 'ok' });
  });

  it('shows ! in red while unusual use is active, and says so in the title', () => {
    const badge = badgeOf([source(1, 17, 20), source(2, 4, 20, { anomalies: [anomaly('overnight', NOW - 3 * H)] })]);
    expect(badge).toMatchObject({ text: '!', level: 'danger', color: LEVEL_COLORS.danger });
    expect(badge.title.split('\n')[1]).toBe('Movistar ••20: 20% used; unusual use: 1.2\u00A0GB between Fri 05:00 and Fri 09:00');
  });

  it('lets a line already over its cap outrank unusual use elsewhere', () => {
    const badge = badgeOf([source(1, 20.6, 20), source(2, 4, 20, { anomalies: [anomaly('spike', NOW - H)] })]);
    expect(badge).toMatchObject({ text: '103%', level: 'over' });
  });

  it('colours a line projected to run out before renewal at least amber and names the date', () => {
    const runsOutAt = Date.UTC(2026, 11, 3, 10);
    const badge = badgeOf([source(1, 6, 20, runsOut(runsOutAt))]);
    expect(badge).toMatchObject({ text: '30%', level: 'warning', color: LEVEL_COLORS.warning });
    expect(badge.title).toContain('Movistar ••10: 30% used; runs out around 3 Dec');
    expect(badgeOf([source(1, 19, 20, runsOut(runsOutAt))]).level).toBe('danger');
  });

  it('says a run-out is close when a quieter pace would still last to renewal, and not otherwise', () => {
    const runsOutAt = Date.UTC(2026, 11, 3, 10);
    expect(badgeOf([source(1, 6, 20, runsOutWithin(runsOutAt, null))]).title).toContain('Movistar ••10: 30% used; close: could run out around 3 Dec');
    expect(badgeOf([source(1, 6, 20, runsOutWithin(runsOutAt, CYCLE_END))]).title).toContain('close: could run out around 3 Dec');
    expect(badgeOf([source(1, 6, 20, runsOutWithin(runsOutAt, CYCLE_END - H))]).title).toContain('Movistar ••10: 30% used; runs out around 3 Dec');
  });

  it('shows ! for unusual use on an unlimited line', () => {
    expect(badgeOf([source(1, 50, null, { anomalies: [anomaly('spike', NOW - H)] })])).toMatchObject({ text: '!', level: 'danger' });
  });

  it('leaves out lines pending confirmation and lines without readings', () => {
    const pending = source(1, 19, 20, {}, { pendingConfirmation: true });
    const empty = { ...source(2, 1, 20), latest: [] };
    expect(badgeOf([pending, empty])).toMatchObject({ text: '', level: 'none' });
  });

  it('applies the user’s own cap for the line', () => {
    expect(badgeOf([source(1, 3, 20, {}, { capBytes: 4 * GB })]).text).toBe('75%');
  });

  it('carries unusual use in the cards’ 48 h window and a projected overrun', () => {
    const lines = badgeLinesOf(
      statusesAt(
        [
          source(1, 5, 20, { anomalies: [anomaly('overnight', NOW - 3 * H), anomaly('spike', NOW - 60 * H)] }),
          source(2, 5, 20, { anomalies: [anomaly('spike', NOW - 49 * H)], ...runsOut(NOW + 5 * DAY) }),
        ],
        context(),
      ),
      EN,
    );
    expect(lines).toEqual([
      { name: 'Movistar ••10', percent: 25, unlimited: false, level: 'danger', anomaly: '1.2\u00A0GB between Fri 05:00 and Fri 09:00', runsOutAt: null, runsOutClose: false },
      { name: 'Movistar ••20', percent: 25, unlimited: false, level: 'warning', anomaly: null, runsOutAt: NOW + 5 * DAY, runsOutClose: false },
    ]);
    const badge = decideBadge(lines);
    expect(badge.text).toBe('!');
    expect(badge.title.split('\n').slice(1)).toEqual([
      'Movistar ••10: 25% used; unusual use: 1.2\u00A0GB between Fri 05:00 and Fri 09:00',
      'Movistar ••20: 25% used; runs out around 25 Nov',
    ]);
  });
});
