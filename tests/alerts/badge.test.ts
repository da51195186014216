import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, decideBadge, levelFor } from '@/lib/alerts/badge';

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
});
