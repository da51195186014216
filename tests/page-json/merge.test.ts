import { describe, expect, it } from 'vitest';
import { combineResults, mergeReadings } from '@/lib/page-json/merge';
import { GB, pageReading } from '../helpers/readings';

const dom = (overrides = {}) => pageReading({ lineDigits: '0012', planName: 'Amigo Sin Límite 200', periodEnd: Date.UTC(2026, 11, 20), periodEndKind: 'expiry', ...overrides });
const json = (overrides = {}) => pageReading({ lineDigits: null, usedBytes: 3.25 * GB, remainingBytes: 16.75 * GB, periodEnd: null, via: 'json', ...overrides });

describe('one reading per line and bucket from the page’s JSON and its text', () => {
  it('keeps the JSON figures and takes the number, plan and dates the JSON does not state from the page', () => {
    expect(mergeReadings([dom()], [json()])).toEqual([
      { ...json(), lineDigits: '0012', planName: 'Amigo Sin Límite 200', periodEnd: Date.UTC(2026, 11, 20), periodEndKind: 'expiry', via: 'json' },
    ]);
  });

  it('keeps what only one source gives, each marked with its source', () => {
    const merged = mergeReadings([dom()], [json({ bucket: 'roaming' })]);
    expect(merged.map((r) => [r.bucket, r.via, r.lineDigits])).toEqual([
      ['roaming', 'json', '0012'],
      ['data', 'dom', '0012'],
    ]);
  });

  it('gives an unnumbered JSON reading no number when the page shows several lines', () => {
    const merged = mergeReadings([dom(), dom({ lineDigits: '0034' })], [json()]);
    expect(merged.map((r) => [r.lineDigits, r.via])).toEqual([
      [null, 'json'],
      ['0012', 'dom'],
      ['0034', 'dom'],
    ]);
  });

  it('pairs readings of the same number, not of another line', () => {
    const merged = mergeReadings([dom(), dom({ lineDigits: '0034' })], [json({ lineDigits: '0034' })]);
    expect(merged.map((r) => [r.lineDigits, r.usedBytes, r.via])).toEqual([
      ['0034', 3.25 * GB, 'json'],
      ['0012', 3 * GB, 'dom'],
    ]);
  });
});

describe('combining the page’s verdict with the JSON’s', () => {
  const signedOut = { ok: false as const, reason: 'logged-out' as const, detail: '' };
  const unreadable = { ok: false as const, reason: 'layout-changed' as const, detail: '' };

  it('is signed out when either source says so', () => {
    expect(combineResults(signedOut, { ok: true, readings: [json()] })).toBe(signedOut);
    expect(combineResults({ ok: true, readings: [dom()] }, signedOut)).toBe(signedOut);
  });

  it('reads the JSON when the page shows nothing readable, and the page when there is no JSON', () => {
    expect(combineResults(unreadable, { ok: true, readings: [json()] })).toEqual({ ok: true, readings: [json()] });
    expect(combineResults({ ok: true, readings: [dom()] }, null)).toEqual({ ok: true, readings: [{ ...dom(), via: 'dom' }] });
    expect(combineResults(unreadable, null)).toBe(unreadable);
  });
});
