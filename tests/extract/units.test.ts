import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NUMBER_LOCALES, type NumberLocale } from '../../lib/extract/numbers';
import {
  findAmounts, parseAmount, parseUnit, resolveUsedOfTotal, toBytes, type SizeUnit,
} from '../../lib/extract/units';

const MB = 1024 ** 2;
const GB = 1024 ** 3;

describe('parseUnit', () => {
  const ok: Array<[string, SizeUnit]> = [
    ['KB', 'KB'], ['kB', 'KB'], ['kb', 'KB'], ['Ko', 'KB'], ['K', 'KB'],
    ['MB', 'MB'], ['Mo', 'MB'], ['M', 'MB'], ['mb', 'MB'], ['megas', 'MB'],
    ['GB', 'GB'], ['Go', 'GB'], ['G', 'GB'], ['gb', 'GB'], ['GiB', 'GB'], ['gigas', 'GB'],
    ['TB', 'TB'], ['To', 'TB'], ['T', 'TB'],
    ['B', 'B'], ['octets', 'B'], ['bytes', 'B'], ['Bytes', 'B'], [' GB ', 'GB'],
  ];
  it.each(ok)('%j → %s', (t, u) => expect(parseUnit(t)).toBe(u));
  it.each(['', 'm', 'g', 't', 'b', 'GBX', 'días', '€', 'Mbps', 'min', 'X'])('%j → null', (t) =>
    expect(parseUnit(t)).toBeNull());
});

describe('toBytes', () => {
  const cases: Array<[number, SizeUnit, 1000 | 1024, number]> = [
    [1, 'B', 1024, 1], [1, 'KB', 1024, 1024], [1, 'KB', 1000, 1000], [3.5, 'GB', 1024, Math.round(3.5 * GB)],
    [3.5, 'GB', 1000, 3.5e9], [1, 'TB', 1024, 1024 ** 4], [0.5, 'B', 1024, 1], [0, 'GB', 1024, 0],
    [-1, 'GB', 1024, 0], [Number.NaN, 'MB', 1024, 0], [Number.POSITIVE_INFINITY, 'MB', 1024, 0],
  ];
  it.each(cases)('%d %s base %d → %d', (v, u, b, e) => expect(toBytes(v, u, b)).toBe(e));
  it('is always a non-negative integer', () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom<SizeUnit>('B', 'KB', 'MB', 'GB', 'TB'), fc.constantFrom<1000 | 1024>(1000, 1024), (v, u, b) => {
        const n = toBytes(v, u, b);
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('findAmounts: CARRIERS.md examples', () => {
  const cases: Array<[string, NumberLocale, Array<[number, SizeUnit]>]> = [
    ['3,5 GB', 'es-ES', [[3.5, 'GB']]],
    ['de 20 GB', 'es-ES', [[20, 'GB']]],
    ['5,82GB', 'es-ES', [[5.82, 'GB']]],
    ['12,34 Go', 'fr-FR', [[12.34, 'GB']]],
    ['100 Go', 'fr-FR', [[100, 'GB']]],
    ['sur 100 Go', 'fr-FR', [[100, 'GB']]],
    ['60.00GB', 'zh-HK', [[60, 'GB']]],
    ['60.00GB 餘量', 'zh-HK', [[60, 'GB']]],
    ['已用：0.00/60.00GB', 'zh-HK', [[60, 'GB']]],
    ['350MB / 3000MB', 'es-CL', [[350, 'MB'], [3000, 'MB']]],
    ['1.024 MB', 'es-CL', [[1024, 'MB']]],
    ['1.024 MB', 'es-ES', [[1024, 'MB']]],
    ['1,024 MB', 'es-MX', [[1024, 'MB']]],
    ['1.5 GB', 'es-MX', [[1.5, 'GB']]],
    ['Aquí verás el detalle de los datos consumidos 0 MB', 'es-ES', [[0, 'MB']]],
    ['Llevas 3,5 GB de 20 GB', 'es-ES', [[3.5, 'GB'], [20, 'GB']]],
    ['1\u202F024,5 Go consommés', 'fr-FR', [[1024.5, 'GB']]],
    ['1 024,5 Mo', 'fr-FR', [[1024.5, 'MB']]],
    ['12,5\u00A0Go', 'fr-FR', [[12.5, 'GB']]],
    ['500 KB', 'es-ES', [[500, 'KB']]],
    ['本號已用: 2.5 GB', 'zh-HK', [[2.5, 'GB']]],
    ['5G一咭三地計劃60GB', 'zh-HK', [[60, 'GB']]],
    ['Used 1.2 GB of 5 GB', 'en', [[1.2, 'GB'], [5, 'GB']]],
  ];
  it.each(cases)('%j (%s)', (text, locale, expected) => {
    const got = findAmounts(text, locale, 1024).map((a) => [a.value, a.unit]);
    expect(got).toEqual(expected);
  });

  const none: Array<[string, NumberLocale]> = [
    ['12,40 €', 'es-ES'], ['16,94 €', 'es-ES'], ['$12.990', 'es-CL'], ['HK$0', 'zh-HK'],
    ['Periodo de 5 nov - 4 dic', 'es-ES'], ['600 00 00 12 MB', 'es-ES'], ['+852 9000 0012 GB', 'zh-HK'],
    ['Faltan 13 días', 'es-ES'], ['3 Mois', 'fr-FR'], ['100 Mbps', 'en'], ['5 to 10', 'en'], ['5 min', 'es-ES'],
    ['abc12GB', 'en'], ['12GBX', 'en'], ['-5 GB', 'en'], ['4G', 'es-ES'], ['2 go', 'en'], ['80 %', 'es-ES'],
    ['9'.repeat(18) + ' GB', 'en'], ['de ∞', 'es-ES'], ['Min ∞', 'es-ES'], ['75,90 €', 'es-ES'], ['7,04 €', 'fr-FR'],
    ['Mobile 06 00 00 00 12', 'fr-FR'], ['Illimité', 'fr-FR'], ['失效日期：2026.10.06', 'zh-HK'],
  ];
  it.each(none)('no amount in %j', (text, locale) => expect(findAmounts(text, locale, 1024)).toEqual([]));

  it('reports position, text and readings', () => {
    const [a] = findAmounts('Llevas 1.024 MB', 'es-CL', 1024);
    expect(a).toMatchObject({ value: 1024, unit: 'MB', bytes: 1024 * MB, index: 7, length: 8, text: '1.024 MB', readings: [1024, 1.024] });
  });

  it('uses the given base', () => {
    expect(parseAmount('2 GB', 'en', 1000)?.bytes).toBe(2e9);
    expect(parseAmount('2 GB', 'en', 1024)?.bytes).toBe(2 * GB);
    expect(parseAmount('nothing', 'en', 1024)).toBeNull();
    expect(parseAmount('a 1 GB b 2 GB', 'en', 1024)?.value).toBe(1);
  });
});

describe('findAmounts on hostile text', () => {
  // Once quadratic (3 s on these strings); the test's own time-out catches a relapse.
  it('finds no amount in long digit runs', () => {
    expect(findAmounts('1 '.repeat(20000) + 'x', 'fr-FR', 1024)).toEqual([]);
    expect(findAmounts('1.'.repeat(20000), 'es-ES', 1024)).toEqual([]);
  });
});

describe('resolveUsedOfTotal', () => {
  const amt = (t: string, l: NumberLocale) => parseAmount(t, l, 1024)!;
  it('keeps the best readings when they fit', () => {
    expect(resolveUsedOfTotal(amt('1.024 MB', 'es-CL'), amt('2 GB', 'es-CL'), 1024)).toEqual({ usedBytes: 1024 * MB, totalBytes: 2 * GB });
  });
  it('switches to the alternative reading to keep used ≤ total', () => {
    // es-CL best reading 1500 GB cannot be used of 2 GB: the page meant 1.5 GB.
    expect(resolveUsedOfTotal(amt('1.500 GB', 'es-CL'), amt('2 GB', 'es-CL'), 1024)).toEqual({ usedBytes: 1.5 * GB, totalBytes: 2 * GB });
    // es-MX best reading 1.024 GB of 1 GB is over; 1024 MB of ... total alternative
    expect(resolveUsedOfTotal(amt('1.024 MB', 'es-ES'), amt('1.000 MB', 'es-ES'), 1024)).toEqual({ usedBytes: Math.round(1.024 * MB), totalBytes: 1000 * MB });
  });
  it('falls back to best readings when nothing fits (over the cap)', () => {
    expect(resolveUsedOfTotal(amt('25 GB', 'es-ES'), amt('20 GB', 'es-ES'), 1024)).toEqual({ usedBytes: 25 * GB, totalBytes: 20 * GB });
  });
});

const INTL_TAG: Record<NumberLocale, string> = {
  'es-ES': 'es-ES', 'es-CL': 'es-CL', 'es-MX': 'es-MX', 'fr-FR': 'fr-FR', 'zh-HK': 'zh-HK', 'zh-CN': 'zh-CN', en: 'en-US',
};
// Bytes are spelled out: a lone "B" in running text is not read as a unit (see units.ts).
const UNIT_WORDS: Record<NumberLocale, Record<SizeUnit, string>> = {
  'es-ES': { B: 'bytes', KB: 'KB', MB: 'MB', GB: 'GB', TB: 'TB' },
  'es-CL': { B: 'bytes', KB: 'KB', MB: 'MB', GB: 'GB', TB: 'TB' },
  'es-MX': { B: 'bytes', KB: 'KB', MB: 'MB', GB: 'GB', TB: 'TB' },
  'fr-FR': { B: 'octets', KB: 'Ko', MB: 'Mo', GB: 'Go', TB: 'To' },
  'zh-HK': { B: 'bytes', KB: 'KB', MB: 'MB', GB: 'GB', TB: 'TB' },
  'zh-CN': { B: 'bytes', KB: 'KB', MB: 'MB', GB: 'GB', TB: 'TB' },
  en: { B: 'bytes', KB: 'kB', MB: 'MB', GB: 'GB', TB: 'TB' },
};

describe('properties', () => {
  it('a formatted amount inside text round-trips in every locale', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NUMBER_LOCALES),
        fc.double({ min: 0, max: 99999, noNaN: true }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom<SizeUnit>('B', 'KB', 'MB', 'GB', 'TB'),
        fc.constantFrom('', ' ', '\u00A0'),
        fc.constantFrom<1000 | 1024>(1000, 1024),
        (locale, x, digits, unit, gap, base) => {
          fc.pre(toBytes(x + 1, unit, base) < 1e15); // beyond a petabyte is rejected on purpose
          const num = new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
          const text = `Total: ${num}${gap}${UNIT_WORDS[locale][unit]} restantes`;
          const a = parseAmount(text, locale, base);
          expect(a?.unit).toBe(unit);
          // Intl rounds half away from zero on the decimal string; allow half a last digit.
          expect(Math.abs(a!.value - x)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-9 * x);
          expect(a!.bytes).toBe(toBytes(a!.value, unit, base));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('findAmounts never yields NaN, negative or absurd bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[\d.,  GMKBo€-]{0,20}$/)),
        fc.constantFrom(...NUMBER_LOCALES),
        fc.constantFrom<1000 | 1024>(1000, 1024),
        (s, locale, base) => {
          for (const a of findAmounts(s, locale, base)) {
            expect(Number.isInteger(a.bytes)).toBe(true);
            expect(a.bytes).toBeGreaterThanOrEqual(0);
            expect(a.bytes).toBeLessThanOrEqual(1e15);
            expect(a.value).toBeGreaterThanOrEqual(0);
            expect(s.slice(a.index, a.index + a.length)).toBe(a.text);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('single-letter kilo in running text', () => {
  it('is not a size: "$25k" and "10k pasos" are money and counts', () => {
    expect(findAmounts('Plan $25k · 10k pasos', 'es-CL', 1000)).toEqual([]);
    expect(findAmounts('500 KB usados', 'es-CL', 1000)[0]?.bytes).toBe(500_000);
  });
  it('nor is a lone B: "1,024.5 B Megas" is a stray letter, not 1,025 bytes', () => {
    expect(findAmounts('1,024.5 B Megas disponibles', 'es-MX', 1024).map((a) => a.unit)).toEqual([]);
  });
});

describe('findAmounts and money', () => {
  it('never reads a number right after a currency sign as data', () => {
    expect(findAmounts('12.80 HK$0 GB Remaining', 'zh-HK', 1024).map((a) => a.text)).toEqual([]);
    expect(findAmounts('$12.990 Go', 'fr-FR', 1024)).toEqual([]);
    expect(findAmounts('€5 GB extra', 'es-ES', 1024)).toEqual([]);
    expect(findAmounts('HK$48 for 10GB', 'zh-HK', 1024).map((a) => a.text)).toEqual(['10GB']);
  });
});
