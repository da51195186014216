import { describe, expect, it } from 'vitest';
import { periodEndKindOf, withPeriodEndKind } from '@/lib/reader/period-kind';

describe('periodEndKindOf', () => {
  it.each([
    ['Caduca el 3 dic', 'expiry'],
    ['Vigencia: 30/11/2026', 'expiry'],
    ['Válido hasta el 05/12', 'expiry'],
    ['valable jusqu’au 12/12', 'expiry'],
    ['失效日期：2026.10.06', 'expiry'],
    ['Expiry date 2026-12-01', 'expiry'],
    ['Tu ciclo de facturación cierra en 12 días', 'renewal'],
    ['Tu factura vence el 5 de diciembre', 'renewal'],
    ['Renouvellement le 12/12', 'renewal'],
    ['Fecha de corte: 15/12', 'renewal'],
    ['Se reinicia el 05/12', 'renewal'],
    ['', 'renewal'],
  ] as const)('%s → %s', (text, kind) => {
    expect(periodEndKindOf(text)).toBe(kind);
  });

  it('leaves a reading without a stated end alone', () => {
    expect(withPeriodEndKind({ periodEnd: null }, 'Caduca el 3 dic')).toEqual({ periodEnd: null });
    expect(withPeriodEndKind({ periodEnd: 1 }, 'Caduca el 3 dic')).toEqual({ periodEnd: 1, periodEndKind: 'expiry' });
  });
});
