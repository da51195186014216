import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineDigits } from '../../lib/extract/digits';

describe('lineDigits', () => {
  const cases: Array<[string, string | null]> = [
    ['600 00 00 12', '0012'],
    ['Línea 600 00 00 12', '0012'],
    ['6XX XXX 012', '012'],
    ['6xx xxx 012', '012'],
    ['+852 9000 0012', '0012'],
    ['Mobile 06 00 00 00 12', '0012'],
    ['06.00.00.00.12', '0012'],
    ['+56 9 0000 0012', '0012'],
    ['+52 55 0000 0012', '0012'],
    ['(55) 0000 0012', '0012'],
    ['600-00-00-12', '0012'],
    ['600000012', '0012'],
    ['***** 0012', '0012'],
    ['•••• •••• 12', '12'],
    ['Línea 600 00 00 12 3,5 GB', '0012'],
    ['6XX XX XX XX', null],
    ['6XX XXX XXX', null],
    ['Gasto extra 16,94 €', null],
    ['Mobile 06 xx xx xx xx', null],
    ['6XX XXX XX1', null],
    ['失效日期：2026.10.06', null],
    ['2026-10-06', null],
    ['06/10/2026', null],
    ['$12.990', null],
    ['RUT 12.345.678-9', null],
    ['1 024 000 000 MB', null],
    ['1024000000 bytes', null],
    ['60.00GB 餘量', null],
    ['Llevas 3,5 GB de 20 GB', null],
    ['XXL 12', null],
    ['12,40 €', null],
    ['', null],
  ];
  it.each(cases)('%j → %j', (text, expected) => expect(lineDigits(text)).toBe(expected));

  it('takes the first number-like run', () => {
    expect(lineDigits('6XX XX XX 34\n6XX XX XX 56')).toBe('34');
    expect(lineDigits('Línea 1: 600 00 00 12, Línea 2: 600 00 00 34')).toBe('0012');
  });

  it('never returns more than 4 digits, and only digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\d X*+.-]{0,24}$/)), (s) => {
        const d = lineDigits(s);
        if (d !== null) expect(d).toMatch(/^\d{2,4}$/);
      }),
      { numRuns: 1000 },
    );
  });
});
