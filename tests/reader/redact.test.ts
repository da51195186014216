import { describe, expect, it } from 'vitest';
import type { NumberLocale } from '@/lib/extract/numbers';
import { isSampleReply, redactSample, redactText } from '@/lib/reader/redact';
import { sampleTree } from '@/lib/reader/sample-tree';
import { attachDeclarativeShadowRoots, parseHtml } from '../helpers/fixtures';
import { findPersonNames } from '../helpers/person-names';

describe('redactText', () => {
  it('keeps the figures, masks every other digit', () => {
    expect(redactText('Llevas 3,5 GB de 20 GB (17 %) · línea 612 34 56 78 · cierra el 05/12/2026', 'es-ES')).toBe(
      'Llevas 3,5 GB de 20 GB (17 %) · línea 000 00 00 00 · cierra el 00/00/0000',
    );
  });

  it('removes e-mail addresses and names', () => {
    expect(redactText('Hola, María José · maria.jose@mail.es', 'es-ES')).toBe('Hola, * * · [email]');
    expect(redactText('Titular: Juan Pérez García', 'es-ES')).toBe('Titular: * * *');
    expect(redactText('Bonjour Jean Dupont', 'fr-FR')).toBe('Bonjour * *');
  });

  // Issue 16 #13: names the greeting and label patterns miss leaked into the "redacted" sample.
  it.each([
    ['Bonjour M. Jean Dupont', 'fr-FR', ['Jean', 'Dupont']],
    ['歡迎 陳大文', 'zh-HK', ['陳大文', '陳', '大文']],
    ['Dirección: Calle Gran Vía 23, Madrid', 'es-ES', ['Gran', 'Vía', 'Madrid']],
    ['Cuenta de Pedro Sánchez Ruiz', 'es-ES', ['Pedro', 'Sánchez', 'Ruiz']],
    ['Ligne de Camille Martin · 12 rue des Lilas', 'fr-FR', ['Camille', 'Martin', 'Lilas']],
    ['Welcome back, Sarah O’Connor', 'en', ['Sarah', 'Connor']],
  ])('masks every word that is not a label word: %s', (text, locale, leaked) => {
    const out = redactText(text, locale as 'es-ES');
    for (const word of leaked) expect(out).not.toContain(word);
  });

  it('keeps the carrier’s label words, units and month names', () => {
    expect(redactText('Te quedan 7 GB de 10 GB · Renouvellement le 5 décembre · 已用：0.00/60.00GB 餘量', 'es-ES')).toBe(
      'Te quedan 7 GB de 10 GB · Renouvellement le 0 décembre · 已用：0.00/60.00GB 餘量',
    );
  });
});

/** What the popup copies: the content script's tree (through a message: plain data), redacted. */
const redactedSample = (root: Element, locale: NumberLocale) => redactSample(JSON.parse(JSON.stringify(sampleTree(root))), locale);

describe('redacted sample', () => {
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
    expect(sample).toContain('Cliente: * *');
    expect(sample).toContain('<a>');
    expect(sample).toContain('<input type="text">');
    expect(sample).not.toMatch(/Ana|Soto|secret|ana@|12345678|612345678/);
  });

  it('walks the text model: shadow roots and frames in, hidden content and unlisted attribute words out', () => {
    const frame = '<p>Il vous reste 12 Go sur 100 Go</p><p>Madame Lucie Garnier</p>';
    const doc = attachDeclarativeShadowRoots(
      parseHtml(`<html><head><style>.tab-pane{display:none}</style></head><body>
        <x-card class="user-jean-dupont"><template shadowrootmode="open"><p>Llevas 3,5 GB de 20 GB</p><p>Hola Ramón Fernández</p></template></x-card>
        <div class="tab-pane"><p>Llevas 19 GB de 20 GB · Calle Mayor 5</p></div>
        <div hidden>Titular oculto Ignacio Lozano</div>
        <iframe srcdoc="${frame.replace(/"/g, '&quot;')}"></iframe>
        <span title="Bienvenida Inés Robles">i</span>
      </body></html>`),
    );
    const sample = redactedSample(doc.documentElement, 'es-ES');
    expect(sample).toContain('Llevas 3,5 GB de 20 GB');
    expect(sample).toContain('Il vous reste 12 Go sur 100 Go');
    expect(sample).not.toContain('19 GB');
    expect(sample).not.toMatch(/Mayor|oculto|Ignacio|Lozano|Ramón|Fernández|Lucie|Garnier|Inés|Robles|jean|dupont/i);
    expect(findPersonNames(sample)).toEqual([]);
  });
});

describe('isSampleReply', () => {
  it('accepts the content script\'s answer and nothing else', () => {
    expect(isSampleReply({ locale: 'es-ES', tree: null })).toBe(true);
    expect(isSampleReply({ locale: 'es-ES', tree: { tag: 'html', attrs: [], items: [], fields: [] } })).toBe(true);
    expect(isSampleReply('<html>')).toBe(false);
    expect(isSampleReply({ locale: 'xx', tree: null })).toBe(false);
    expect(isSampleReply({ locale: 'es-ES', tree: 'html' })).toBe(false);
  });
});
