import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '@/lib/settings/defaults';
import { levelFor, lineLevel } from '@/lib/status/level';

describe('levels', () => {
  it.each([
    [0, 'ok'],
    [50, 'notice'],
    [80, 'warning'],
    [90, 'danger'],
    [100, 'over'],
  ] as const)('puts %s %% at %s with the default thresholds', (percent, level) => {
    expect(levelFor(percent, DEFAULT_THRESHOLDS)).toBe(level);
  });

  it('follows custom thresholds, also fewer than four', () => {
    expect(levelFor(60, [30, 60, 70, 95])).toBe('warning');
    expect(levelFor(99, [75])).toBe('notice');
  });

  it('raises a line: amber for a run-out before renewal, red for unusual use or a used-up cap', () => {
    const none = { usedUp: false, runsOut: false, unusual: false };
    expect(lineLevel('ok', { ...none, runsOut: true })).toBe('warning');
    expect(lineLevel('danger', { ...none, runsOut: true })).toBe('danger');
    expect(lineLevel('notice', { ...none, unusual: true })).toBe('danger');
    expect(lineLevel('warning', { ...none, usedUp: true })).toBe('danger');
    expect(lineLevel('over', { usedUp: true, runsOut: true, unusual: true })).toBe('over');
  });
});
