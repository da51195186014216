import { describe, expect, it } from 'vitest';
import { readGeneric } from '@/lib/reader/generic';
import { parseHtml } from '../helpers/fixtures';

const GB = 1024 ** 3;
const NOW = Date.UTC(2026, 10, 20, 10);
const es = { locale: 'es-ES', unitBase: 1024, country: 'ES' } as const;

describe('readGeneric', () => {
  it('reads an unknown layout from its wording and marks the figures as generic', () => {
    const doc = parseHtml(`<body><div class="x1"><h3>Tus datos</h3><div><span>Has usado</span> <b>2,5 GB</b> <span>de 10 GB</span></div>
      <small>Se renueva el 05/12</small><small>Línea 600 00 00 12</small></div></body>`);
    const result = readGeneric(doc, es, { now: NOW });
    expect(result).toMatchObject({
      ok: true,
      readings: [{ usedBytes: 2.5 * GB, totalBytes: 10 * GB, unlimited: false, generic: true, lineDigits: '0012', bucket: 'data' }],
    });
    if (result.ok) expect(new Date(result.readings[0]!.periodEnd!).toISOString().slice(0, 10)).toBe('2026-12-05');
  });

  it('reads remaining-only wording in another language than the carrier’s', () => {
    const doc = parseHtml('<body><section><p>Remaining</p><p>7.5 GB left of 10 GB</p></section></body>');
    const result = readGeneric(doc, { locale: 'zh-HK', unitBase: 1024, country: 'HK' } as const, { now: NOW });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.readings[0]).toMatchObject({ totalBytes: 10 * GB, generic: true });
  });

  it('reads nothing from offers with sizes but no usage wording', () => {
    const doc = parseHtml('<body><h1>Tarifas</h1><p>20 GB de datos por 15 €</p><p>Pásate a 100 GB de 5G</p></body>');
    expect(readGeneric(doc, es, { now: NOW })).toMatchObject({ ok: false, reason: 'layout-changed' });
  });

  it('reads nothing from usage wording without a complete figure', () => {
    const doc = parseHtml('<body><p>Has consumido</p><p>Cargando…</p></body>');
    expect(readGeneric(doc, es, { now: NOW }).ok).toBe(false);
  });
});
