import { describe, expect, it } from 'vitest';
import { anyOf, CATALAN, CHINESE, FRENCH, languageDefines, SPANISH } from '@/lib/extract/page-languages';
import { PHRASES } from '@/lib/extract/phrases';

describe('page languages', () => {
  it('reads every language outside a carrier build (tests, background, extension pages)', () => {
    expect([SPANISH, CHINESE, FRENCH, CATALAN]).toEqual([true, true, true, true]);
    for (const role of ['used', 'remaining', 'login'] as const) {
      for (const lang of ['es', 'fr', 'zh', 'en'] as const) expect(PHRASES[role][lang].length, `${role} ${lang}`).toBeGreaterThan(0);
    }
  });

  it('joins alternatives, leaving out the languages a build does not read', () => {
    expect(anyOf('hoy', false && 'aujourd', 'today')).toBe('hoy|today');
    expect(anyOf('hoy', 'hier', '今天')).toBe('hoy|hier|今天');
    expect(new RegExp(anyOf(false, 'x')).test('x')).toBe(true);
  });

  it('turns a carrier’s languages into the build flags', () => {
    expect(languageDefines(['es', 'en'])).toEqual({ __READS_ES__: 'true', __READS_ZH__: 'false', __READS_FR__: 'false', __READS_CA__: 'false' });
    expect(languageDefines(['zh', 'en'])).toEqual({ __READS_ES__: 'false', __READS_ZH__: 'true', __READS_FR__: 'false', __READS_CA__: 'false' });
    expect(languageDefines(['es', 'ca', 'en'])).toEqual({ __READS_ES__: 'true', __READS_ZH__: 'false', __READS_FR__: 'false', __READS_CA__: 'true' });
    expect(languageDefines(['fr'])).toEqual({ __READS_ES__: 'false', __READS_ZH__: 'false', __READS_FR__: 'true', __READS_CA__: 'false' });
    expect(languageDefines(['fr', 'en'])).toEqual({ __READS_ES__: 'false', __READS_ZH__: 'false', __READS_FR__: 'true', __READS_CA__: 'false' });
  });
});
