import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, decideBadge as decideBadgeIn, levelFor, lineLevel, type BadgeLine, type BadgeOptions } from '@/lib/alerts/badge';
import { badgeLinesOf } from '@/lib/alerts/badge-lines';
import { translator } from '../helpers/i18n';
import { DAY, GB, H, NOW, anomaly, runsOut, source } from './states';

const EN = translator('en');

/** The badge as an English browser shows it. */
function decideBadge(lines: readonly BadgeLine[], thresholds?: readonly number[], options: Partial<BadgeOptions> = {}) {
  return decideBadgeIn(lines, thresholds, { i18n: EN, ...options });
}

describe('decideBadge', () => {
  it('is cleared when there is no data', () => {
    expect(decideBadge([])).toMatchObject({ text: '', level: 'none' });
  });

  it('shows the highest percent across lines and names every line in the title', () => {
    const badge = decideBadge([
      { name: 'Movistar ••12', percent: 41.2, unlimited: false },
      { name: 'Orange ••34', percent: 82.9, unlimited: false },
      { name: 'CMHK ••56', percent: null, unlimited: true },
    ]);
    expect(badge.text).toBe('82%');
    expect(badge.level).toBe('warning');
    expect(badge.color).toBe(BADGE_COLORS.warning);
    expect(badge.title.split('\n')).toEqual([
      'eSIM Usage Guard',
      'Movistar ••12: 41% used',
      'Orange ••34: 82% used',
      'CMHK ••56: unlimited',
    ]);
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
    expect(levelFor(percent)).toBe(level);
    expect(decideBadge([{ name: 'x', percent, unlimited: false }]).color).toBe(BADGE_COLORS[level]);
  });

  it('follows custom thresholds', () => {
    expect(levelFor(60, [30, 60, 70, 95])).toBe('warning');
  });

  it('keeps the text within the badge width on heavy overage', () => {
    expect(decideBadge([{ name: 'x', percent: 4321, unlimited: false }]).text).toBe('999%');
  });

  it('shows ∞ when every line is unlimited', () => {
    expect(decideBadge([{ name: 'x', percent: null, unlimited: true }])).toMatchObject({ text: '∞', level: 'ok' });
  });

  it('shows ! in red while unusual use is active, and says so in the title', () => {
    const badge = decideBadge([
      { name: 'Movistar ••12', percent: 85, unlimited: false },
      { name: 'Orange ••34', percent: 20, unlimited: false, anomaly: '1.2 GB between 01:00 and 05:00' },
    ]);
    expect(badge).toMatchObject({ text: '!', level: 'danger', color: BADGE_COLORS.danger });
    expect(badge.title.split('\n')[2]).toBe('Orange ••34: 20% used; unusual use: 1.2 GB between 01:00 and 05:00');
  });

  it('lets a line already over its cap outrank unusual use elsewhere', () => {
    const badge = decideBadge([
      { name: 'a', percent: 103, unlimited: false },
      { name: 'b', percent: 20, unlimited: false, anomaly: 'x' },
    ]);
    expect(badge).toMatchObject({ text: '103%', level: 'over' });
  });

  it('colours a line projected to run out before renewal at least amber and names the date', () => {
    const runsOutAt = Date.UTC(2026, 11, 3, 10);
    const badge = decideBadge([{ name: 'Movistar ••12', percent: 30, unlimited: false, runsOutAt }], undefined, { timeZone: 'UTC' });
    expect(badge).toMatchObject({ text: '30%', level: 'warning', color: BADGE_COLORS.warning });
    expect(badge.title).toContain('Movistar ••12: 30% used; runs out around 3 Dec');
    expect(lineLevel({ name: 'x', percent: 95, unlimited: false, runsOutAt })).toBe('danger');
  });

  it('shows ! for unusual use on an unlimited line', () => {
    expect(decideBadge([{ name: 'x', percent: null, unlimited: true, anomaly: 'y' }])).toMatchObject({ text: '!', level: 'danger' });
  });
});

describe('badgeLinesOf (from the background’s line states)', () => {
  const label = () => 'Movistar';

  it('is empty without lines, so the badge is cleared', () => {
    expect(decideBadge(badgeLinesOf([], label, NOW))).toMatchObject({ text: '', level: 'none' });
  });

  it('leaves out lines pending confirmation and lines without readings', () => {
    const pending = source(1, 19, 20, {}, { pendingConfirmation: true });
    const empty = { ...source(2, 1, 20), latest: [] };
    expect(badgeLinesOf([pending, empty], label, NOW)).toEqual([]);
  });

  it('applies the user’s own cap for the line', () => {
    expect(badgeLinesOf([source(1, 3, 20, {}, { capBytes: 4 * GB })], label, NOW)[0]!.percent).toBe(75);
  });

  it('carries unusual use in the cards’ 48 h window and a projected overrun', () => {
    const lines = badgeLinesOf(
      [
        source(1, 5, 20, { anomalies: [anomaly('overnight', NOW - 3 * H), anomaly('spike', NOW - 60 * H)] }),
        source(2, 5, 20, { anomalies: [anomaly('spike', NOW - 49 * H)], ...runsOut(NOW + 5 * DAY) }),
      ],
      label,
      NOW,
    );
    expect(lines).toEqual([
      { name: 'Movistar ••10', percent: 25, unlimited: false, anomaly: '1.2 GB overnight between 01:00 and 05:00', runsOutAt: null },
      { name: 'Movistar ••20', percent: 25, unlimited: false, anomaly: null, runsOutAt: NOW + 5 * DAY },
    ]);
    const badge = decideBadge(lines, undefined, { timeZone: 'UTC' });
    expect(badge.text).toBe('!');
    expect(badge.title.split('\n').slice(1)).toEqual([
      'Movistar ••10: 25% used; unusual use: 1.2 GB overnight between 01:00 and 05:00',
      'Movistar ••20: 25% used; runs out around 25 Nov',
    ]);
  });
});
