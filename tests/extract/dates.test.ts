import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDate, findDates, parseDate, parseRelative } from '../../lib/extract/dates';

const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);
const NOW = utc(2026, 12, 20, 10, 30); // Sunday 20 Dec 2026, 10:30 UTC
const HOUR = 3_600_000;

describe('parseDate', () => {
  const cases: Array<[string, number, number | null]> = [
    ['Se reinicia el 02/01', NOW, utc(2027, 1, 2)],
    ['Se reinicia el 02/01', utc(2026, 12, 1), utc(2027, 1, 2)],
    ['Renouvellement le 12/12', utc(2026, 12, 1), utc(2026, 12, 12)],
    ['Renouvellement le 12/12', utc(2027, 1, 20), utc(2027, 12, 12)],
    ['Renouvellement le 12/12', utc(2026, 12, 13), utc(2026, 12, 12)], // within ~1 month back: the recent past
    ['Hasta 25/12', NOW, utc(2026, 12, 25)],
    ['Hasta 19/12', NOW, utc(2026, 12, 19)], // a day stale: yesterday, not next year
    ['失效日期：2026.10.06', NOW, utc(2026, 10, 6)],
    ['2026-10-06', NOW, utc(2026, 10, 6)],
    ['2026-10-06T23:59:59', NOW, utc(2026, 10, 6)],
    ['2026/1/6', NOW, utc(2026, 1, 6)],
    ['Fecha de renovación 06/01/2027', NOW, utc(2027, 1, 6)],
    ['06-01-2027', NOW, utc(2027, 1, 6)],
    ['06.01.2027', NOW, utc(2027, 1, 6)],
    ['06/01/27', NOW, utc(2027, 1, 6)],
    ['2026年10月6日', NOW, utc(2026, 10, 6)],
    ['1月6日', NOW, utc(2027, 1, 6)],
    ['Periodo de 5 nov - 4 dic', utc(2026, 11, 20), utc(2026, 11, 5)],
    ['Caduca el 3 dic', utc(2026, 11, 20), utc(2026, 12, 3)],
    ['4 de diciembre', utc(2026, 11, 20), utc(2026, 12, 4)],
    ['5 de noviembre de 2025', NOW, utc(2025, 11, 5)],
    ['12 déc. 2026', NOW, utc(2026, 12, 12)],
    ['12 déc.', utc(2026, 12, 1), utc(2026, 12, 12)],
    ['1er janv.', NOW, utc(2027, 1, 1)],
    ['15 février', NOW, utc(2027, 2, 15)],
    ['3 août', utc(2026, 7, 1), utc(2026, 8, 3)],
    ['Expiry Date: Oct 6, 2027', NOW, utc(2027, 10, 6)],
    ['6 Jan', NOW, utc(2027, 1, 6)],
    ['29/02', utc(2027, 1, 10), utc(2028, 2, 29)],
    ['31/02', NOW, null],
    ['32/01/2026', NOW, null],
    ['0.00/60.00GB', NOW, null],
    ['350MB / 3000MB', NOW, null],
    ['12,40 €', NOW, null],
    ['hoy', NOW, null],
    ['', NOW, null],
  ];
  it.each(cases)('%j at %d', (text, now, expected) => expect(parseDate(text, { now })).toBe(expected));

  it('resolves yearless dates per direction', () => {
    expect(parseDate('5 nov', { now: utc(2026, 12, 20) })).toBe(utc(2027, 11, 5)); // future (default)
    expect(parseDate('5 nov', { now: utc(2026, 12, 20), direction: 'past' })).toBe(utc(2026, 11, 5));
    expect(parseDate('5 nov', { now: utc(2026, 12, 20), direction: 'nearest' })).toBe(utc(2026, 11, 5));
    // 'past' flips symmetrically: 02/01 last January is > 11 months back, 13 days ahead is nearer.
    expect(parseDate('02/01', { now: utc(2026, 12, 20), direction: 'past' })).toBe(utc(2027, 1, 2));
    expect(parseDate('02/11', { now: utc(2026, 12, 20), direction: 'past' })).toBe(utc(2026, 11, 2));
    expect(parseDate('02/01', { now: utc(2026, 12, 20), direction: 'nearest' })).toBe(utc(2027, 1, 2));
    expect(parseDate('20/12', { now: utc(2026, 12, 20, 23), direction: 'future' })).toBe(utc(2026, 12, 20));
  });

  it('returns local midnight in the given time zone', () => {
    expect(parseDate('失效日期：2026.10.06', { now: NOW, timeZone: 'Asia/Hong_Kong' })).toBe(utc(2026, 10, 5, 16));
    expect(parseDate('Se reinicia el 02/01', { now: NOW, timeZone: 'Europe/Madrid' })).toBe(utc(2027, 1, 1, 23));
    expect(parseDate('06/07/2026', { now: NOW, timeZone: 'Europe/Madrid' })).toBe(utc(2026, 7, 5, 22)); // summer time
    expect(parseDate('06/07/2026', { now: NOW, timeZone: 'America/Santiago' })).toBe(utc(2026, 7, 6, 4));
    expect(parseDate('06/07/2026', { now: NOW, timeZone: 'Not/AZone' })).toBe(utc(2026, 7, 6));
  });

  it('uses "today" in the time zone for year inference', () => {
    // 31 Dec 20:00 UTC is already 1 Jan in Hong Kong: "01/01" is today there.
    const now = utc(2026, 12, 31, 20);
    expect(parseDate('01/01', { now, timeZone: 'Asia/Hong_Kong' })).toBe(utc(2026, 12, 31, 16));
  });
});

describe('parseRelative', () => {
  const cases: Array<[string, number | null]> = [
    ['Tu ciclo de facturación cierra en 12 días', utc(2027, 1, 1)],
    ['cerró hace 2 horas', NOW - 2 * HOUR],
    ['Termina en 5 horas', NOW + 5 * HOUR],
    ['Termina en 1 día', utc(2026, 12, 21)],
    ['Faltan 13 días para la próxima factura', utc(2027, 1, 2)],
    ['Te quedan 3 días', utc(2026, 12, 23)],
    ['dentro de 2 semanas', utc(2027, 1, 3)],
    ['en un mes', utc(2027, 1, 20)],
    ['Hace 5 minutos', NOW - 5 * 60_000],
    ['hace 30 segundos', NOW - 30_000],
    ['hace un momento', NOW],
    ['il y a 3 heures', NOW - 3 * HOUR],
    ['dans 5 jours', utc(2026, 12, 25)],
    ['Il reste 4 jours', utc(2026, 12, 24)],
    ['3 日後', utc(2026, 12, 23)],
    ['3天后', utc(2026, 12, 23)],
    ['2 小時前', NOW - 2 * HOUR],
    ['in 3 days', utc(2026, 12, 23)],
    ['5 days left', utc(2026, 12, 25)],
    ['2 hours ago', NOW - 2 * HOUR],
    ['hoy', utc(2026, 12, 20)],
    ['Hoy', utc(2026, 12, 20)],
    ['Actualizado hoy a las 09:15', utc(2026, 12, 20, 9, 15)],
    ['mañana', utc(2026, 12, 21)],
    ['pasado mañana', utc(2026, 12, 22)],
    ['ayer a las 23:10', utc(2026, 12, 19, 23, 10)],
    ['a las 14:05', utc(2026, 12, 20, 14, 5)],
    ['mis à jour à 8h05', utc(2026, 12, 20, 8, 5)],
    ['aujourd’hui', utc(2026, 12, 20)],
    ['demain', utc(2026, 12, 21)],
    ['today', utc(2026, 12, 20)],
    ['10:00 de la mañana', null],
    ['a las 25:00', null],
    ['Te quedan 3 GB', null],
    ['Se reinicia el 02/01', null],
    ['playera', null],
    ['', null],
  ];
  it.each(cases)('%j', (text, expected) => expect(parseRelative(text, { now: NOW })).toBe(expected));

  it('counts days and clock times in the given time zone', () => {
    // 20 Dec 23:30 UTC is 21 Dec 07:30 in Hong Kong.
    const now = utc(2026, 12, 20, 23, 30);
    expect(parseRelative('hoy', { now, timeZone: 'Asia/Hong_Kong' })).toBe(utc(2026, 12, 20, 16));
    expect(parseRelative('en 2 días', { now, timeZone: 'Asia/Hong_Kong' })).toBe(utc(2026, 12, 22, 16));
    expect(parseRelative('a las 14:05', { now, timeZone: 'Europe/Madrid' })).toBe(utc(2026, 12, 21, 13, 5));
  });
});

describe('findDate', () => {
  it('takes the first date or relative phrase in a longer text', () => {
    expect(findDate('Consumo de datos\nTu ciclo de facturación cierra en 12 días\nSe reinicia el 02/01', { now: NOW })).toBe(utc(2027, 1, 1));
    expect(findDate('Se reinicia el 02/01 (en 13 días)', { now: NOW })).toBe(utc(2027, 1, 2));
    expect(findDate('4 dic', { now: utc(2026, 11, 20), direction: 'future' })).toBe(utc(2026, 12, 4));
    expect(findDate('nothing here', { now: NOW })).toBeNull();
  });
  it('lists every date of a range in order', () => {
    const found = findDates('Periodo de 5 nov - 4 dic', { now: utc(2026, 11, 20) });
    expect(found.map((f) => f.time)).toEqual([utc(2026, 11, 5), utc(2026, 12, 4)]);
  });
  it('never throws and returns finite values for arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\d/.\- :年月日a-z]{0,20}$/)), fc.integer({ min: 0, max: 4e12 }), (s, now) => {
        const t = findDate(s, { now, timeZone: 'Europe/Madrid' });
        if (t !== null) expect(Number.isFinite(t)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
