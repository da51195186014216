import { describe, expect, it } from 'vitest';
import { labelLine } from '@/lib/extract/phrases';
import { MX_BOUNDARIES, MX_DATA_LABELS } from '@/lib/reader/es-mx';

describe('labelLine', () => {
  const labels = labelLine(['datos(?: disponibles)?', 'te quedan']);

  it('takes a space in a phrase as any run of white space, and an optional closing colon', () => {
    expect(labels.test('Datos\u00a0 disponibles:')).toBe(true);
    expect(labels.test('TE\nQUEDAN')).toBe(true);
    expect(labels.test('datos')).toBe(true);
  });

  it('matches a whole line only, never a phrase inside a longer one', () => {
    expect(labels.test('Datos disponibles hoy')).toBe(false);
    expect(labels.test('Sin datos')).toBe(false);
    expect(labels.test('tequedan')).toBe(false);
  });

  it('keeps the Mexican portals’ data labels and their boundaries apart', () => {
    const data = labelLine(MX_DATA_LABELS);
    const other = labelLine(MX_BOUNDARIES);
    for (const line of ['Datos disponibles', 'Internet en EE. UU. y Canadá', 'Paquete de internet 3 GB', 'Bono de regalo 500 MB']) {
      expect([line, data.test(line), other.test(line)]).toEqual([line, true, false]);
    }
    for (const line of ['Redes sociales ilimitadas', 'Minutos a todo destino', 'Mi factura', 'WhatsApp ilimitado']) {
      expect([line, data.test(line), other.test(line)]).toEqual([line, false, true]);
    }
  });
});
