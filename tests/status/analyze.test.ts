import { describe, expect, it } from 'vitest';
import { analyzeLineHistory } from '../../lib/status/analyze';
import { DAY, H, lineRow, NOW, readingRow } from '../helpers/popup-views';

// The stored "updated at" the page stated is when the carrier counted the figure: the background's
// analysis places the figure there, so a cached page's old figure is not read as fresh.
describe('analysing a stored line history', () => {
  const options = { now: NOW, timeZone: 'UTC', leakSensitivity: 'normal' as const };
  const history = (updatedAt: number | null) => [
    readingRow(1, NOW - 3 * DAY, 2, 20),
    readingRow(1, NOW - 2 * DAY, 3, 20),
    readingRow(1, NOW - DAY, 4, 20),
    readingRow(1, NOW - H, 5, 20, { pageSaysUpdatedAt: updatedAt }),
  ];

  it('places the latest figure when the page says it was counted', () => {
    const counted = NOW - 7 * H - 5 * 60_000;
    expect(analyzeLineHistory(history(counted), lineRow(1), options).lastReadingAt).toBe(counted);
  });

  it('keeps the capture time when the page says nothing', () => {
    expect(analyzeLineHistory(history(null), lineRow(1), options).lastReadingAt).toBe(NOW - H);
  });
});
