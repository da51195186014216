import { describe, expect, it } from 'vitest';
import { redactedSample, redactText } from '@/lib/reader/redact';
import { parseHtml } from '../helpers/fixtures';

describe('redactText', () => {
  it('keeps the figures, masks every other digit', () => {
    expect(redactText('Llevas 3,5 GB de 20 GB (17 %) · línea 612 34 56 78 · cierra el 05/12/2026', 'es-ES')).toBe(
      'Llevas 3,5 GB de 20 GB (17 %) · línea 000 00 00 00 · cierra el 00/00/0000',
    );
  });

  it('removes e-mail addresses and names', () => {
    expect(redactText('Hola, María José · maria.jose@mail.es', 'es-ES')).toBe('Hola, [name] · [email]');
    expect(redactText('Titular: Juan Pérez García', 'es-ES')).toBe('Titular: [name]');
    expect(redactText('Bonjour Jean Dupont', 'fr-FR')).toBe('Bonjour [name]');
  });
});

describe('redactedSample', () => {
  it('keeps the structure and the figures, and drops scripts, form values and links', () => {
    const doc = parseHtml(`<html><body>
      <div id="card-revisa-consumo" class="card x9f2" aria-label="Consumo de 612345678">
        <h2>Consumo</h2><p>1,5 GB de 5 GB</p><p>Cliente: Ana Soto</p>
        <a href="/svr/cuenta?rut=12345678-9#x">Mi cuenta</a>
        <input type="text" value="ana@example.com">
        <script>var token = "secret-123456";</script>
      </div></body></html>`);
    const sample = redactedSample(doc.documentElement, 'es-CL');
    expect(sample).toContain('<div id="card-revisa-consumo" class="card x9f2" aria-label="Consumo de 000000000">');
    expect(sample).toContain('1,5 GB de 5 GB');
    expect(sample).toContain('Cliente: [name]');
    expect(sample).toContain('<a>');
    expect(sample).toContain('<input type="text">');
    expect(sample).not.toMatch(/Ana|Soto|secret|ana@|12345678|612345678/);
  });
});
