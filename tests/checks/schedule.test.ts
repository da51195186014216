import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_GAP_MS, nextScheduledRun } from '@/lib/checks/schedule';
import { verdictOf } from '@/lib/checks/verdict';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/schema';

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 20, 12);
const on = (everyHours: 6 | 12 | 24, quiet = DEFAULT_SETTINGS.quietHours): Pick<Settings, 'scheduledChecks' | 'quietHours'> => ({
  scheduledChecks: { enabled: true, everyHours },
  quietHours: quiet,
});

describe('scheduled checks', () => {
  it('are off by default', () => {
    expect(DEFAULT_SETTINGS.scheduledChecks.enabled).toBe(false);
    expect(nextScheduledRun(DEFAULT_SETTINGS, null, NOW, 'UTC', 0.5)).toBeNull();
  });

  it('run every period within ±10 %, never sooner than 3 h after the last, never in the past', () => {
    fc.assert(
      fc.property(fc.constantFrom<6 | 12 | 24>(6, 12, 24), fc.integer({ min: -48, max: 48 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (every, lastOffsetH, random) => {
        const last = NOW + lastOffsetH * H;
        const at = nextScheduledRun(on(every), last, NOW, 'UTC', random)!;
        expect(at).toBeGreaterThanOrEqual(NOW);
        expect(at - last).toBeGreaterThanOrEqual(MIN_GAP_MS);
        if (last + every * H * 1.1 > NOW) {
          expect(at - last).toBeGreaterThanOrEqual(every * H * 0.9 - 1);
          expect(at - last).toBeLessThanOrEqual(Math.max(every * H * 1.1, NOW - last) + 1);
        }
      }),
    );
  });

  it('move out of quiet hours to their end', () => {
    const quiet = { enabled: true, start: '22:00', end: '08:00' };
    const last = Date.UTC(2026, 10, 20, 14);
    // 14:00 + 12 h = 02:00, inside quiet hours: the check waits until 08:00.
    const at = nextScheduledRun(on(12, quiet), last, NOW, 'UTC', 0.5)!;
    expect(new Date(at).toISOString()).toBe('2026-11-21T08:00:00.000Z');
  });
});

describe('a page’s verdict', () => {
  const status = (state: 'waiting' | 'read' | 'logged-out' | 'layout-changed' | 'not-usage-page') => ({ carrierId: 'x', state, lines: 0, detail: '' });
  it('is "updated" once the line’s figure was stored from it, whatever the page says', () => {
    expect(verdictOf(status('waiting'), true, false)).toBe('updated');
  });
  it('is a sign-in at once; a page that does not look like a usage page may still be rendering, until the deadline', () => {
    expect(verdictOf(status('logged-out'), false, false)).toBe('sign-in');
    expect(verdictOf(status('not-usage-page'), false, false)).toBeNull();
    expect(verdictOf(status('not-usage-page'), false, true)).toBe('unreadable');
  });
  it('waits while the page is loading or its figures may still appear, then says why it gave up', () => {
    expect(verdictOf(status('waiting'), false, false)).toBeNull();
    expect(verdictOf(status('layout-changed'), false, false)).toBeNull();
    expect(verdictOf(status('read'), false, false)).toBeNull();
    expect(verdictOf(status('waiting'), false, true)).toBe('timed-out');
    expect(verdictOf(status('layout-changed'), false, true)).toBe('unreadable');
    expect(verdictOf(null, false, true)).toBe('timed-out');
  });
});
