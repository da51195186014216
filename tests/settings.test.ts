import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFrom, settingsSchema } from '@/lib/settings/schema';

describe('settings', () => {
  it('defaults to thresholds 50/80/90/100, normal sensitivity, no quiet hours, browser language', () => {
    expect(settingsFrom(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(DEFAULT_SETTINGS.thresholds).toEqual([50, 80, 90, 100]);
  });

  it('keeps valid stored fields and replaces invalid ones with defaults', () => {
    const merged = settingsFrom({ thresholds: [60, 85], leakSensitivity: 'extreme', quietHours: { enabled: true, start: '23:00', end: '07:30' }, language: 'fr', extra: 1 });
    expect(merged).toEqual({ ...DEFAULT_SETTINGS, thresholds: [60, 85], quietHours: { enabled: true, start: '23:00', end: '07:30' }, language: 'fr' });
  });

  it('rejects descending thresholds and malformed times', () => {
    expect(settingsFrom({ thresholds: [90, 50] }).thresholds).toEqual(DEFAULT_SETTINGS.thresholds);
    expect(settingsFrom({ quietHours: { enabled: true, start: '25:00', end: '07:00' } }).quietHours).toEqual(DEFAULT_SETTINGS.quietHours);
  });
});
