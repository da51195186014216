import type { PageReading } from '@/lib/vocabulary/reading';

export const GB = 1024 ** 3;

/** A valid capped reading; override what the test is about. */
export function pageReading(overrides: Partial<PageReading> = {}): PageReading {
  return {
    lineDigits: '0012',
    planName: null,
    bucket: 'data',
    usedBytes: 3 * GB,
    totalBytes: 20 * GB,
    unlimited: false,
    remainingBytes: 17 * GB,
    periodEnd: null,
    pageSaysUpdatedAt: null,
    ...overrides,
  };
}
