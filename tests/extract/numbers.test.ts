import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NUMBER_LOCALES, numberReadings, parseNumber, type NumberLocale } from '../../lib/extract/numbers';

describe('numberReadings', () => {
  const cases: Array<[string, NumberLocale, number[]]> = [
    ['3,5', 'es-ES', [3.5]],
    ['5,82', 'es-ES', [5.82]],
    ['12,34', 'fr-FR', [12.34]],
    ['100', 'fr-FR', [100]],
    ['60.00', 'zh-HK', [60]],
    ['0.00', 'zh-HK', [0]],
    ['1.024', 'es-ES', [1024, 1.024]],
    ['1.024', 'es-CL', [1024, 1.024]],
    ['1.024', 'es-MX', [1.024, 1024]],
    ['1.024', 'en', [1.024, 1024]],
    ['1.024', 'fr-FR', [1.024, 1024]],
    ['1,024', 'es-MX', [1024, 1.024]],
    ['1,024', 'en', [1024, 1.024]],
    ['1,024', 'zh-CN', [1024, 1.024]],
    ['1,024', 'es-ES', [1.024, 1024]],
    ['1,024', 'fr-FR', [1.024, 1024]],
    ['1.5', 'es-ES', [1.5]],
    ['1.5', 'es-MX', [1.5]],
    ['1,5', 'en', [1.5]],
    ['1,024.5', 'en', [1024.5]],
    ['1,024.5', 'es-ES', [1024.5]],
    ['1.024,5', 'es-CL', [1024.5]],
    ['1.024,5', 'en', [1024.5]],
    ['12.990', 'es-CL', [12990, 12.99]],
    ['1.024.000', 'es-ES', [1024000]],
    ['1,024,000', 'en', [1024000]],
    ['1 024,5', 'fr-FR', [1024.5]],
    ['1\u00A0024,5', 'fr-FR', [1024.5]],
    ['1\u202F024,5', 'fr-FR', [1024.5]],
    ['1\u202F024', 'fr-FR', [1024]],
    ['12 345 678', 'fr-FR', [12345678]],
    ['1 024.5', 'en', [1024.5]],
    ['0.024', 'es-ES', [0.024]],
    ['0,024', 'en', [0.024]],
    ['007', 'en', [7]],
    ['1024', 'es-ES', [1024]],
    ['1024,5', 'es-ES', [1024.5]],
    ['  3,5  ', 'es-ES', [3.5]],
  ];
  it.each(cases)('%j in %s → %j', (token, locale, expected) => {
    expect(numberReadings(token, locale)).toEqual(expected);
  });

  const rejects = ['', 'abc', '-5', '−5', '+5', '1.2.3', '1,2,3', '1..2', '1,', '.5', ',5', '1 02', '600 00 00 12',
    '1.02,3.4', '1e5', 'NaN', 'Infinity', '12 €', '5G', '1,024.5.6', '0.024.000', '9'.repeat(20), '1 024 5'];
  it.each(rejects)('rejects %j', (token) => {
    for (const l of NUMBER_LOCALES) expect(numberReadings(token, l)).toEqual([]);
  });
});

describe('parseNumber', () => {
  it('returns the preferred reading or null', () => {
    expect(parseNumber('3,5', 'es-ES')).toBe(3.5);
    expect(parseNumber('1.024', 'es-CL')).toBe(1024);
    expect(parseNumber('1.024', 'es-MX')).toBe(1.024);
    expect(parseNumber('1,024', 'es-MX')).toBe(1024);
    expect(parseNumber('x', 'en')).toBeNull();
  });
});

/** How each locale's own pages write numbers (Intl is what the portals' formatters use). */
const INTL_TAG: Record<NumberLocale, string> = {
  'es-ES': 'es-ES', 'es-CL': 'es-CL', 'es-MX': 'es-MX', 'fr-FR': 'fr-FR', 'zh-HK': 'zh-HK', 'zh-CN': 'zh-CN', en: 'en-US',
};

describe('properties', () => {
  it('Intl-formatted numbers round-trip in every locale', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NUMBER_LOCALES),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (locale, x, digits, grouping) => {
          const s = new Intl.NumberFormat(INTL_TAG[locale], {
            maximumFractionDigits: digits, minimumFractionDigits: digits, useGrouping: grouping,
          }).format(x);
          const n = parseNumber(s, locale);
          expect(n).not.toBeNull();
          expect(Math.abs((n as number) - x)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-9 * x);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never yields NaN, negatives or absurd values for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\d.,  -]{0,14}$/)), fc.constantFrom(...NUMBER_LOCALES), (s, locale) => {
        for (const n of numberReadings(s, locale)) {
          expect(Number.isFinite(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(1e15);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
