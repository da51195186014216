import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../helpers/fixtures';
import { findPersonNames, textOf } from '../helpers/person-names';

/**
 * Fixtures are written from public descriptions and must never carry personal data. Redaction
 * convention: phone numbers keep their trunk or area prefix (at most two digits) and their last two
 * digits; every other digit is 0 ("600 00 00 12", "06 00 00 00 12", "55 0000 0056", "+852 9000 0012").
 */
const PHONE_LIKE = /(?<![\d.,])(?:\+\d{2,3}[ \u00A0]?)?\d(?:[ \u00A0.-]?\d){7,11}(?![\d.,]*\s?(?:[KMGT]B|[KMGT]o|€|%))/g;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/g;

const DATE_LIKE = [/^\d{4}[./-]\d{1,2}[./-]\d{1,2}(?:[ T]\d{1,2})?$/, /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/];

function redactedPhone(match: string): boolean {
  if (DATE_LIKE.some((re) => re.test(match.trim()))) return true;
  const digits = match.replace(/\D/g, '');
  const withoutCountry = match.trim().startsWith('+') ? digits.replace(/^(?:34|33|852|56|52|86)/, '') : digits;
  // A prefix of at most two digits and the last two digits may be anything; the rest must be zeros.
  return /^\d{1,2}0{4,}\d{2}$/.test(withoutCountry) || /^0+\d{1,2}$/.test(withoutCountry);
}

describe('fixture hygiene', () => {
  it.each(loadFixtures().map((f) => [`${f.carrierId}/${f.name}`, [f.html, ...Object.values(f.frames)].join('\n')] as const))('%s holds no real phone number or e-mail', (_name, html) => {
    const text = html.replace(/<[^>]+>/g, ' ');
    const phones = [...text.matchAll(PHONE_LIKE)].map((m) => m[0]).filter((m) => !redactedPhone(m));
    expect(phones).toEqual([]);
    const emails = [...html.matchAll(EMAIL)].map((m) => m[0]).filter((e) => !/@example\.(?:com|org|net)$/.test(e));
    expect(emails).toEqual([]);
  });

  it('flags an unredacted number, not a date', () => {
    const text = 'Línea 612 34 56 78, válido hasta 2026.12.01, Mobile 06 00 00 00 12';
    expect([...text.matchAll(PHONE_LIKE)].map((m) => m[0]).filter((m) => !redactedPhone(m))).toEqual(['612 34 56 78']);
  });
});

describe('fixture hygiene: people’s names', () => {
  it.each(loadFixtures().map((f) => [`${f.carrierId}/${f.name}`, [f.html, ...Object.values(f.frames)].join('\n')] as const))('%s names no person', (_name, html) => {
    expect(findPersonNames(textOf(html))).toEqual([]);
  });

  it.each([
    ['Titular: María García López', 'Titular: María García López'],
    ['Hola, Juan', 'Hola, Juan'],
    ['Hola María', 'Hola María'],
    ['Bonjour Camille', 'Bonjour Camille'],
    ['Nom : Dupont', 'Nom : Dupont'],
    ['Welcome back, Sarah', 'Welcome back, Sarah'],
    ['Account holder: Xiomara Quispe', 'Account holder: Xiomara Quispe'],
    ['Nombre Xiomara', 'Nombre Xiomara'],
    ['Línea de Pedro Sánchez', 'Pedro Sánchez'],
    ['Chan Tai Man (Peter Chan)', 'Peter Chan'],
    ['姓名：陳大文', '姓名：陳大文'],
    ['您好，李先生', '李先生'],
  ])('flags “%s”', (text, expected) => {
    expect(findPersonNames(text)).toContain(expected);
  });

  it.each([
    'Hola, Cliente',
    'Bonjour Client',
    'Welcome back',
    'Hola RUT 00.000.000-0',
    'Bienvenido a Mi Movistar',
    'Bono de bienvenida Fibra 1Gb',
    'Nombre del plan: Fusión Total',
    'Titular: Cliente',
    'Plan Name: Fusion 5G',
    '客戶服務熱線：12580（本地免費） 大王卡 服務計劃數據',
    'Orange Sosh Movistar Entel Claro Telcel',
  ])('leaves “%s” alone', (text) => {
    expect(findPersonNames(text)).toEqual([]);
  });
});
